package org.causalrx.estimators;

/**
 * A study-file hyperparameter that an estimator does not accept: an unknown key, a value of the wrong type or out
 * of range. The caller adds the study file and the estimator's accepted keys to the message.
 *
 * @see EstimatorEntry#configure(java.util.Map)
 */
public final class ParamException extends RuntimeException {
    private final String key;

    /**
     * @param key     the offending key (or keys, comma-separated, when only their combination is invalid)
     * @param problem what is wrong, in words, e.g. "must be an integer, got 'many'"
     */
    public ParamException(String key, String problem) {
        super("'" + key + "' " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
