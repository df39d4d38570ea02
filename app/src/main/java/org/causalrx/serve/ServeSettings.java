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
 * @param idleTimeout  how long a connection may send nothing (while the request's headers or body are expected) or
 *                     take nothing (while the answer is sent) before the service closes it; also how long an idle
 *                     keep-alive connection is kept open
 * @param scoringSlots the most requests scored at once (≥ 1; the others wait their turn); 1 scores one request at a
 *                     time
 * @param requestTimeout how long a request may take to arrive in full (request line, headers and body), from its first
 *                     byte; a request still arriving after it is answered 408 or its connection closed, and is
 *                     neither scored nor audited
 */
public record ServeSettings(String bind, int port, int maxBatch, long maxBodyBytes, Duration stopTimeout, Clock clock,
                            Supplier<String> requestIds, Consumer<String> log, Duration idleTimeout,
                            int scoringSlots, Duration requestTimeout) {
    /** The default idle timeout: 10 s. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
    /** The default request timeout: 30 s. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public ServeSettings {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, got " + requestTimeout);
        }
        if (scoringSlots < 1) {
            throw new IllegalArgumentException("scoringSlots must be at least 1, got " + scoringSlots);
        }
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

    /** The default request timeout ({@link #REQUEST_TIMEOUT}). */
    public ServeSettings(String bind, int port, int maxBatch, long maxBodyBytes, Duration stopTimeout, Clock clock,
                         Supplier<String> requestIds, Consumer<String> log, Duration idleTimeout, int scoringSlots) {
        this(bind, port, maxBatch, maxBodyBytes, stopTimeout, clock, requestIds, log, idleTimeout, scoringSlots,
                REQUEST_TIMEOUT);
    }

    /** The default idle and request timeouts ({@link #IDLE_TIMEOUT}, {@link #REQUEST_TIMEOUT}) and one scoring slot
     * per core. */
    public ServeSettings(String bind, int port, int maxBatch, long maxBodyBytes, Duration stopTimeout, Clock clock,
                         Supplier<String> requestIds, Consumer<String> log) {
        this(bind, port, maxBatch, maxBodyBytes, stopTimeout, clock, requestIds, log, IDLE_TIMEOUT,
                Runtime.getRuntime().availableProcessors());
    }

    /** These settings with another idle timeout and number of scoring slots. */
    public ServeSettings with(Duration idle, int slots) {
        return new ServeSettings(bind, port, maxBatch, maxBodyBytes, stopTimeout, clock, requestIds, log, idle, slots,
                requestTimeout);
    }

    /** These settings with another request timeout. */
    public ServeSettings withRequestTimeout(Duration timeout) {
        return new ServeSettings(bind, port, maxBatch, maxBodyBytes, stopTimeout, clock, requestIds, log, idleTimeout,
                scoringSlots, timeout);
    }

    /** Loopback, the given port, 1000 patients and 8 MiB per request, 10 s to stop, UTC clock, random ids. */
    public static ServeSettings defaults(int port, Consumer<String> log) {
        return new ServeSettings("127.0.0.1", port, 1000, 8L << 20, Duration.ofSeconds(10), Clock.systemUTC(),
                () -> java.util.UUID.randomUUID().toString(), log);
    }
}
