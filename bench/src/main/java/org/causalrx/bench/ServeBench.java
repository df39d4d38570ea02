package org.causalrx.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.bundle.InputSchema;
import org.causalrx.cli.OutputKind;
import org.causalrx.cli.OutputTarget;
import org.causalrx.data.EncodingParts;
import org.causalrx.serve.ApiKeys;
import org.causalrx.serve.AuditLog;
import org.causalrx.serve.AuditVerifier;
import org.causalrx.serve.RecommendationServer;
import org.causalrx.serve.ServeSettings;
import org.causalrx.serve.ServedModel;
import org.causalrx.util.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench serve}: the recommendation service under loopback load, in one process: single-patient requests
 * (synthetic patients drawn from the bundle's schema) from a closed-loop client ({@link ServeLoad}), bounded in count
 * and time, after a warm-up; reports requests per second and latency percentiles, and checks that the audit log holds
 * one intact record per answered request. Client and server share the machine's cores.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Loopback load on `causalrx serve`: requests/s and p50/p99 latency of single-patient requests.")
final class ServeBench implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "the model folder a run wrote")
    Path model;

    @Option(names = "--concurrency", description = "client threads (default ${DEFAULT-VALUE})", defaultValue = "4")
    int concurrency;

    @Option(names = "--requests", description = "most requests measured (default ${DEFAULT-VALUE})",
            defaultValue = "20000")
    int requests;

    @Option(names = "--seconds", description = "longest measured time (default ${DEFAULT-VALUE})", defaultValue = "20")
    int seconds;

    @Option(names = "--warmup", description = "requests before measuring (default ${DEFAULT-VALUE})",
            defaultValue = "3000")
    int warmup;

    @Option(names = "--seed", description = "seed of the synthetic patients (default ${DEFAULT-VALUE})",
            defaultValue = "1")
    long seed;

    @Mixin
    BenchTarget target;

    @Override
    public Integer call() throws Exception {
        OutputTarget out = target.checked("serve", OutputKind.BENCH_JSON, List.of(model));
        ServedModel served = ServedModel.load(model);
        Path scratch = Files.createTempDirectory("causalrx-bench");
        try {
            String key = UUID.randomUUID().toString();
            Path keys = Files.writeString(scratch.resolve("keys.txt"), "bench:" + key + "\n");
            Path auditFile = scratch.resolve("audit.jsonl");
            AtomicLong ids = new AtomicLong();
            ServeSettings settings = new ServeSettings("127.0.0.1", 0, 1000, 8L << 20, Duration.ofSeconds(10),
                    Clock.systemUTC(), () -> "b" + ids.incrementAndGet(), line -> { });
            Map<String, Object> results = new LinkedHashMap<>();
            try (AuditLog audit = AuditLog.open(auditFile, false);
                 RecommendationServer server = RecommendationServer.start(served, ApiKeys.load(keys), audit,
                         settings)) {
                URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/recommendations");
                List<String> bodies = patients(served.schema(), 512, Seeds.derive(seed, "bench-serve"));
                ServeLoad.Result warm = ServeLoad.run(new ServeLoad.Settings(uri, key, bodies, concurrency,
                        Math.max(1, warmup), Duration.ofSeconds(60)));
                ServeLoad.Result r = ServeLoad.run(new ServeLoad.Settings(uri, key, bodies, concurrency, requests,
                        Duration.ofSeconds(seconds)));
                results.put("model_id", served.modelId());
                results.put("cores", Runtime.getRuntime().availableProcessors());
                results.put("concurrency", concurrency);
                results.put("warmup_requests", warm.ok() + warm.failed());
                results.put("requests", r.ok() + r.failed());
                results.put("ok", r.ok());
                results.put("failed", r.failed());
                results.put("seconds", r.seconds());
                results.put("requests_per_second", r.requestsPerSecond());
                results.put("p50_ms", r.percentileMs(50));
                results.put("p90_ms", r.percentileMs(90));
                results.put("p99_ms", r.percentileMs(99));
                results.put("max_ms", r.percentileMs(100));
                results.put("audit_records", audit.records());
                results.put("audit_records_expected", (long) warm.ok() + r.ok());
                results.put("target", ">= 1000 requests/s with p99 < 20 ms on 2 cores");
                System.out.printf(Locale.ROOT, "%d requests (%d failed) in %.2f s: %.0f requests/s; latency p50 %.2f "
                        + "ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d client threads, %d cores)%n",
                        r.ok() + r.failed(), r.failed(), r.seconds(), r.requestsPerSecond(), r.percentileMs(50),
                        r.percentileMs(90), r.percentileMs(99), r.percentileMs(100), concurrency,
                        Runtime.getRuntime().availableProcessors());
            }
            AuditVerifier.Report chain = AuditVerifier.verify(auditFile);
            results.put("audit_chain_intact", chain.intact() && chain.records() == (long) results.get("audit_records"));
            BenchOutput.writeJson(out, "serve", results);
            System.out.println("audit log: " + chain.records() + " records, chain " + (chain.intact() ? "intact"
                    : "BROKEN at line " + chain.firstBreak().line()) + "; results written to " + out.path());
            return 0;
        } finally {
            BenchOutput.deleteScratch(scratch);
        }
    }

    /** {@code n} single-patient bodies: numbers N(0, 1), categories uniform over the training levels. */
    static List<String> patients(InputSchema schema, int n, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ObjectNode p = json.createObjectNode();
            if (schema.idColumn() != null) {
                p.put(schema.idColumn(), "b" + i);
            }
            for (InputSchema.InputColumn c : schema.columns()) {
                if (c.categorical()) {
                    List<String> levels = c.levels().stream().filter(l -> !l.equals(EncodingParts.missingLevel()))
                            .toList();
                    p.put(c.name(), levels.get(rng.nextInt(levels.size())));
                } else {
                    p.put(c.name(), rng.nextGaussian());
                }
            }
            out.add(json.writeValueAsString(p));
        }
        return out;
    }
}
