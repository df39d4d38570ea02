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
 * (synthetic patients drawn from the bundle's schema) from a closed-loop keep-alive client ({@link ServeLoad}), bounded
 * in count and time, after a warm-up; reports requests per second and latency percentiles, and checks that each
 * audit log holds one intact record per answered request. Two server configurations alternate (twice each, so a change
 * in the machine's load shows): one request scored at a time (1 scoring slot, as a global lock would) and one slot per
 * core. Client and server share the machine's cores; the load average is recorded with each run. The load client is
 * {@code --client} (default: plain keep-alive sockets, as wrk); a last run, one slot per core, uses the other client,
 * so the results state how much of the figure the client costs.
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

    @Option(names = "--audit-fsync", description = "force each audit record (group) to disk, as serve --audit-fsync")
    boolean fsync;

    @Option(names = "--client", paramLabel = "socket|jdk", converter = ClientConverter.class,
            description = "load client: socket (plain keep-alive sockets, default) or jdk (java.net.http); the other "
                    + "is measured once more for comparison", defaultValue = "socket")
    ServeLoad.Client client;

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
            List<String> bodies = patients(served.schema(), 512, Seeds.derive(seed, "bench-serve"));
            Map<String, Object> results = new LinkedHashMap<>();
            results.put("model_id", served.modelId());
            results.put("cores", Runtime.getRuntime().availableProcessors());
            results.put("concurrency", concurrency);
            results.put("client", client.label());
            results.put("audit_fsync", fsync);
            results.put("load_average_before", loadAverage());
            List<Map<String, Object>> runs = new ArrayList<>();
            boolean intact = true;
            int cores = Runtime.getRuntime().availableProcessors();
            for (int slots : new int[] {1, cores, 1, cores}) {
                Map<String, Object> r = measure(served, keys, key, bodies, scratch.resolve("audit-" + runs.size()
                        + ".jsonl"), slots, client);
                intact &= (boolean) r.get("audit_chain_intact");
                runs.add(r);
            }
            ServeLoad.Client other = client == ServeLoad.Client.SOCKET ? ServeLoad.Client.JDK : ServeLoad.Client.SOCKET;
            Map<String, Object> o = measure(served, keys, key, bodies, scratch.resolve("audit-" + runs.size()
                    + ".jsonl"), cores, other);
            intact &= (boolean) o.get("audit_chain_intact");
            runs.add(o);
            results.put("runs", runs);
            results.put("client_comparison", comparison(runs.get(runs.size() - 2), o));
            results.put("load_average_after", loadAverage());
            results.put("audit_chain_intact", intact);
            results.put("target", ">= 1000 requests/s with p99 < 20 ms on 2 cores");
            BenchOutput.writeJson(out, "serve", results);
            System.out.println("load average before " + results.get("load_average_before") + ", after "
                    + results.get("load_average_after") + "; audit logs " + (intact ? "intact, one record per "
                    + "answered request" : "NOT INTACT") + "; results written to " + out.path());
            return intact ? 0 : 1;
        } finally {
            BenchOutput.deleteScratch(scratch);
        }
    }

    /** One server with {@code slots} scoring slots, its own audit log; warm-up, then the measured load. */
    private Map<String, Object> measure(ServedModel served, Path keys, String key, List<String> bodies, Path auditFile,
                                        int slots, ServeLoad.Client loadClient) throws Exception {
        AtomicLong ids = new AtomicLong();
        ServeSettings settings = new ServeSettings("127.0.0.1", 0, 1000, 8L << 20, Duration.ofSeconds(10),
                Clock.systemUTC(), () -> "b" + ids.incrementAndGet(), line -> { })
                .with(ServeSettings.IDLE_TIMEOUT, slots);
        Map<String, Object> m = new LinkedHashMap<>();
        try (AuditLog audit = AuditLog.open(auditFile, fsync);
             RecommendationServer server = RecommendationServer.start(served, ApiKeys.load(keys), audit, settings)) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/recommendations");
            ServeLoad.Result warm = ServeLoad.run(new ServeLoad.Settings(uri, key, bodies, concurrency,
                    Math.max(1, warmup), Duration.ofSeconds(60), loadClient));
            ServeLoad.Result r = ServeLoad.run(new ServeLoad.Settings(uri, key, bodies, concurrency, requests,
                    Duration.ofSeconds(seconds), loadClient));
            m.put("client", loadClient.label());
            m.put("scoring_slots", slots);
            m.put("warmup_requests", warm.ok() + warm.failed());
            m.put("requests", r.ok() + r.failed());
            m.put("ok", r.ok());
            m.put("failed", r.failed());
            m.put("seconds", r.seconds());
            m.put("requests_per_second", r.requestsPerSecond());
            m.put("p50_ms", r.percentileMs(50));
            m.put("p90_ms", r.percentileMs(90));
            m.put("p99_ms", r.percentileMs(99));
            m.put("max_ms", r.percentileMs(100));
            m.put("audit_records", audit.records());
            m.put("audit_records_expected", (long) warm.ok() + r.ok());
            m.put("load_average", loadAverage());
            System.out.printf(Locale.ROOT, "%s client, scoring slots %d: %d requests (%d failed) in %.2f s: %.0f "
                    + "requests/s; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d client threads, %d "
                    + "cores, load average %s)%n", loadClient.label(), slots, r.ok() + r.failed(), r.failed(),
                    r.seconds(), r.requestsPerSecond(), r.percentileMs(50), r.percentileMs(90), r.percentileMs(99),
                    r.percentileMs(100), concurrency,
                    Runtime.getRuntime().availableProcessors(), m.get("load_average"));
        }
        AuditVerifier.Report chain = AuditVerifier.verify(auditFile);
        m.put("audit_chain_intact", chain.intact() && chain.records() == (long) m.get("audit_records")
                && chain.records() == (long) m.get("audit_records_expected"));
        return m;
    }

    /** The same server configuration measured with two clients, one after the other: both figures and the ratio. */
    private static Map<String, Object> comparison(Map<String, Object> first, Map<String, Object> second) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("scoring_slots", first.get("scoring_slots"));
        for (Map<String, Object> r : List.of(first, second)) {
            c.put(r.get("client") + "_requests_per_second", r.get("requests_per_second"));
            c.put(r.get("client") + "_p99_ms", r.get("p99_ms"));
        }
        c.put("requests_per_second_ratio_" + first.get("client") + "_to_" + second.get("client"),
                (double) first.get("requests_per_second") / (double) second.get("requests_per_second"));
        System.out.printf(Locale.ROOT, "client comparison, %s scoring slots: %s %.0f requests/s, %s %.0f requests/s "
                + "(ratio %.2f)%n", first.get("scoring_slots"), first.get("client"), first.get("requests_per_second"),
                second.get("client"), second.get("requests_per_second"), (double) first.get("requests_per_second")
                        / (double) second.get("requests_per_second"));
        return c;
    }

    /** {@code --client}: socket or jdk, any case. */
    static final class ClientConverter implements picocli.CommandLine.ITypeConverter<ServeLoad.Client> {
        @Override
        public ServeLoad.Client convert(String value) {
            return ServeLoad.Client.valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** The 1-minute load average (as {@code uptime} shows it), or "unknown" where /proc/loadavg is absent. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
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
