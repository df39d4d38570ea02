package org.causalrx.bundle;

/**
 * A fitted model that has no bundle codec yet; the message says which model and why, for the run's console.
 * Thrown by the built-in codecs and by a {@link CateModelCodec} that cannot write a model it was offered.
 */
public final class NotBundleable extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param reason which model, and why it cannot be written */
    public NotBundleable(String reason) {
        super(reason, null, false, false);
    }
}
