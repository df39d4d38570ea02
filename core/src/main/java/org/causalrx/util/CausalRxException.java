package org.causalrx.util;

/**
 * An error meant for a person: the message names the file, column and rows involved and suggests a fix.
 * The CLI prints only the message (one line) and exits non-zero.
 */
public final class CausalRxException extends RuntimeException {
    public CausalRxException(String message) {
        super(message);
    }

    public CausalRxException(String message, Throwable cause) {
        super(message, cause);
    }
}
