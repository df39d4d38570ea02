package org.causalrx.cli;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.causalrx.serve.ApiKeys;
import org.causalrx.serve.AuditLog;
import org.causalrx.serve.RecommendationServer;
import org.causalrx.serve.ServeSettings;
import org.causalrx.serve.ServedModel;
import org.causalrx.util.CausalRxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Serves a run's model bundle over HTTP until SIGTERM or Ctrl-C, which stops taking requests, lets those in
 * progress finish (up to {@code --stop-timeout}), and closes the audit log. Log lines go to standard error.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a run's model bundle: POST /v1/recommendations, GET /v1/model, /health, /ready, "
                + "/openapi.json.",
        footer = {"", "Key file: one key per line, NAME:SHA256 (the key's SHA-256 in hex, e.g. printf %%s KEY | "
                + "sha256sum) or NAME:KEY (at least 16 characters, hashed on load); # starts a comment. Callers "
                + "send Authorization: Bearer KEY or X-API-Key: KEY; NAME goes to the audit log.",
                "Check an audit log: causalrx audit verify FILE."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "the model folder a run wrote")
    Path model;

    @Option(names = "--keys", required = true, paramLabel = "FILE", description = "the API key file (see below)")
    Path keys;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default ${DEFAULT-VALUE}; 0: any "
            + "free port)")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default "
            + "${DEFAULT-VALUE}: this machine only)")
    String bind;

    @Option(names = "--audit", defaultValue = "causalrx-audit.jsonl", paramLabel = "FILE",
            description = "the audit log, appended to (default ${DEFAULT-VALUE})")
    Path audit;

    @Option(names = "--audit-fsync", description = "force every audit record to disk before answering")
    boolean fsync;

    @Option(names = "--max-batch", defaultValue = "1000", description = "most patients per request (default "
            + "${DEFAULT-VALUE})")
    int maxBatch;

    @Option(names = "--stop-timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "how long a stop waits for requests in progress (default ${DEFAULT-VALUE})")
    int stopTimeout;

    @Option(names = "--idle-timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "close a connection that sends nothing (while its request is expected) or takes nothing "
                    + "(while its answer is sent) for this long; also how long an idle keep-alive connection stays "
                    + "open (default ${DEFAULT-VALUE})")
    int idleTimeout;

    @Option(names = "--request-timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "answer 408 (or close the connection) when a request's line, headers and body have not all "
                    + "arrived this long after its first byte, however steadily they trickle in (default "
                    + "${DEFAULT-VALUE})")
    int requestTimeout;

    @Override
    public Integer call() throws Exception {
        if (maxBatch < 1 || stopTimeout < 0 || port < 0 || port > 65535 || idleTimeout < 1 || requestTimeout < 1) {
            throw new CausalRxException("--max-batch must be at least 1, --stop-timeout at least 0, --port 0-65535, "
                    + "--idle-timeout and --request-timeout at least 1");
        }
        ApiKeys apiKeys = ApiKeys.load(keys);
        ServedModel served = ServedModel.load(model);
        AuditLog log = AuditLog.open(audit, fsync);
        ServeSettings settings = new ServeSettings(bind, port, maxBatch, 8L << 20, Duration.ofSeconds(stopTimeout),
                Clock.systemUTC(), () -> UUID.randomUUID().toString(),
                line -> System.err.println(Instant.now() + " " + line))
                .with(Duration.ofSeconds(idleTimeout), Runtime.getRuntime().availableProcessors())
                .withRequestTimeout(Duration.ofSeconds(requestTimeout));
        RecommendationServer server;
        try {
            server = RecommendationServer.start(served, apiKeys, log, settings);
        } catch (RuntimeException e) {
            log.close();
            throw new CausalRxException(bind + ":" + port + ": cannot listen (" + e.getMessage() + "); choose "
                    + "another --port or --bind", e);
        }
        if (!InetAddress.getByName(bind).isLoopbackAddress()) {
            System.err.println("warning: listening on " + bind + ", reachable from other machines over plain HTTP; "
                    + "put the service behind TLS");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println(Instant.now() + " stopping: finishing requests in progress");
            server.stop();
            try {
                log.close();
            } catch (java.io.IOException e) {
                System.err.println("warning: closing the audit log: " + e.getMessage());
            }
            System.err.println(Instant.now() + " stopped; audit log " + audit + " holds " + log.records()
                    + " records");
            stopped.countDown();
        }, "causalrx-serve-stop"));
        System.out.println("serving " + served.modelId() + " (bundle " + served.bundleSha256().substring(0, 12)
                + "…) on http://" + bind + ":" + server.port() + " with " + apiKeys.size() + " API key"
                + (apiKeys.size() == 1 ? "" : "s") + "; audit log " + audit + " (" + log.records() + " records)");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
