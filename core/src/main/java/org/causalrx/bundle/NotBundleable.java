package org.causalrx.bundle;

/** A fitted model that has no bundle codec yet; the message says which model and why, for the run's console. */
final class NotBundleable extends Exception {
    private static final long serialVersionUID = 1L;

    NotBundleable(String reason) {
        super(reason, null, false, false);
    }
}
