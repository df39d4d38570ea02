package org.causalrx.serve;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How the service runs.
 *
 * @param bind         the address to listen on (127.0.0.1: this machine only)
 * @param port         TCP port; 0 picks a free one
 * @param maxBatch     the most patients in one request
 * @param maxBodyBytes the largest request body accepted, in bytes
 * @param stopTimeout  how long a stop waits for requests in progress to finish
 * @param clock        the clock for audit times
 * @param requestIds   a new request id per call
 * @param log          where the service's log lines go (method, path, status, time, caller; never patient values)
 */
public record ServeSettings(String bind, int port, int maxBatch, long maxBodyBytes, Duration stopTimeout, Clock clock,
                            Supplier<String> requestIds, Consumer<String> log) {
    public ServeSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024, got " + maxBodyBytes);
        }
    }

    /** Loopback, the given port, 1000 patients and 8 MiB per request, 10 s to stop, UTC clock, random ids. */
    public static ServeSettings defaults(int port, Consumer<String> log) {
        return new ServeSettings("127.0.0.1", port, 1000, 8L << 20, Duration.ofSeconds(10), Clock.systemUTC(),
                () -> java.util.UUID.randomUUID().toString(), log);
    }
}
