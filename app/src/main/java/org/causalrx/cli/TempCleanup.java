package org.causalrx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.causalrx.util.CausalRxException;

/**
 * Deletes a temporary output when the JVM is stopped (SIGTERM, SIGINT) before the output is published. The
 * publishing move and the shutdown hook take the same lock, so an output is either published whole or deleted,
 * never half of each. Use with try-with-resources; {@link #close()} unregisters the hook.
 */
final class TempCleanup implements AutoCloseable {
    private final Path tmp;
    private final Thread hook;
    private final Object lock = new Object();
    private boolean aborted;
    private boolean published;

    /** What publishes the temporary (an atomic move). */
    interface Publish {
        void run() throws IOException;
    }

    TempCleanup(Path tmp) {
        this.tmp = tmp;
        this.hook = new Thread(this::abort, "causalrx-output-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Runs {@code publish} unless the JVM is shutting down, in which case nothing is published. */
    void publish(Publish publish) throws IOException {
        synchronized (lock) {
            if (aborted) {
                throw new CausalRxException(tmp + ": stopped before the output was complete; nothing was written");
            }
            publish.run();
            published = true;
        }
    }

    private void abort() {
        synchronized (lock) {
            if (published) {
                return;
            }
            aborted = true;
            // the writing thread may still create files until the JVM halts: delete until nothing is left
            for (int i = 0; i < 50 && Files.exists(tmp); i++) {
                OutputDir.deleteTree(tmp);
                if (Files.exists(tmp)) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or will run; it deletes the temporary unless published
        }
    }
}
