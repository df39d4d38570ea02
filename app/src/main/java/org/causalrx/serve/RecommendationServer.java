package org.causalrx.serve;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Semaphore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.causalrx.bundle.Recommender;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The HTTP service: {@code POST /v1/recommendations} and {@code GET /v1/model} (API key required), {@code GET
 * /health}, {@code GET /ready}, {@code GET /openapi.json}, and the clinician page at {@code GET /} (a static page
 * whose script calls the two /v1 endpoints with the key the clinician enters). Every answered recommendation
 * request is written to the audit log before the answer is sent; when that fails the request gets 503 and no
 * recommendation. Errors are RFC 7807 problem bodies; no request can stop the service, and the log lines carry the
 * request id, method, path, status, duration and caller, never patient values. {@link #stop} waits for requests
 * in progress.
 * <p>
 * Requests are handled on Jetty's worker threads and scored concurrently, at most
 * {@link ServeSettings#scoringSlots} at once: the loaded models are immutable and their predictions read-only (the
 * XGBoost boosters, whose native predict is not safe for concurrent calls, are locked per booster by the model). A
 * connection that sends nothing for {@link ServeSettings#idleTimeout} while its request is expected (headers or
 * body), or takes nothing while its answer is sent, is closed; a request that has not arrived in full (headers and
 * body) within {@link ServeSettings#requestTimeout} of its first byte is answered 408 or its connection closed
 * ({@link RequestDeadlineConnectionFactory}); a request whose body never arrives in full is not scored and leaves no
 * audit record.
 */
public final class RecommendationServer implements AutoCloseable {
    private static final String RID = "causalrx.request_id";
    private static final String CALLER = "causalrx.caller";

    private final ServedModel model;
    private final ApiKeys keys;
    private final AuditLog audit;
    private final ServeSettings settings;
    private final PatientParser parser;
    private final ModelFiles files;
    private final Semaphore scoring;
    private final byte[] openApi;
    private final byte[] page;
    private final byte[] pageScript;
    private final Javalin app;

    private RecommendationServer(ServedModel model, ApiKeys keys, AuditLog audit, ServeSettings settings) {
        this.model = model;
        this.keys = keys;
        this.audit = audit;
        this.settings = settings;
        this.parser = new PatientParser(model.schema(), settings.maxBatch());
        this.files = new ModelFiles(model.dir(), model.bundleSha256());
        this.scoring = new Semaphore(settings.scoringSlots(), true);
        this.openApi = resource("openapi.json");
        this.page = resource("clinician.html");
        this.pageScript = resource("clinician.js");
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = settings.maxBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.jetty.host = settings.bind();
            cfg.jetty.port = settings.port();
            cfg.jetty.addConnector((server, http) -> {
                ServerConnector c = new ServerConnector(server, new RequestDeadlineConnectionFactory(http,
                        settings.requestTimeout()));
                c.setHost(settings.bind());
                c.setPort(settings.port());
                c.setIdleTimeout(settings.idleTimeout().toMillis());
                return c;
            });
            cfg.jetty.modifyServer(server -> {
                server.setStopTimeout(settings.stopTimeout().toMillis());
                server.setStopAtShutdown(false);
                server.setHandler(new GracefulHandler());
                server.setErrorHandler(new ProblemErrorHandler(settings.requestIds()));
            });
            cfg.requestLogger.http((ctx, ms) -> settings.log().accept("request " + ctx.attribute(RID) + " "
                    + ctx.method() + " " + ctx.path() + " -> " + ctx.statusCode() + " (" + Math.round(ms * 10) / 10.0
                    + " ms) caller=" + (ctx.attribute(CALLER) == null ? "-" : ctx.attribute(CALLER))));
            cfg.routes.before(ctx -> {
                String rid = settings.requestIds().get();
                ctx.attribute(RID, rid);
                ctx.header("X-Request-Id", rid);
            });
            cfg.routes.get("/health", ctx -> json(ctx, 200, Json.MAPPER.createObjectNode().put("status", "ok")));
            cfg.routes.get("/ready", this::ready);
            cfg.routes.get("/openapi.json", ctx -> ctx.status(200).contentType("application/json").result(openApi));
            cfg.routes.get("/", ctx -> page(ctx, "text/html; charset=utf-8", page));
            cfg.routes.get("/clinician.js", ctx -> page(ctx, "text/javascript; charset=utf-8", pageScript));
            cfg.routes.get("/v1/model", ctx -> {
                authorize(ctx);
                json(ctx, 200, model.description());
            });
            cfg.routes.post("/v1/recommendations", this::recommend);
            cfg.routes.exception(ProblemException.class, (e, ctx) -> problem(ctx, e.problem()));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx,
                    ProblemErrorHandler.problem(e.getStatus())));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                settings.log().accept("request " + ctx.attribute(RID) + ": internal error (" + e.getClass().getName()
                        + ")");
                problem(ctx, Problem.of(500, "internal-error", "Internal error", "the request could not be "
                        + "answered; the service keeps running"));
            });
            cfg.routes.error(404, ctx -> notHandled(ctx, 404));
            cfg.routes.error(405, ctx -> notHandled(ctx, 405));
        });
    }

    /** Starts the service; returns once it listens. */
    public static RecommendationServer start(ServedModel model, ApiKeys keys, AuditLog audit, ServeSettings settings) {
        RecommendationServer s = new RecommendationServer(model, keys, audit, settings);
        s.app.start();
        return s;
    }

    /** The port listened on. */
    public int port() {
        return app.port();
    }

    /** Stops listening and waits (up to the stop timeout) for the requests in progress to be answered. */
    public void stop() {
        app.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** {@code POST /v1/recommendations}. */
    private void recommend(Context ctx) {
        String caller = authorize(ctx);
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "send the patients as application/json"));
        }
        PatientParser.Batch batch = parser.parse(body(ctx));
        Scorer.Scored scored;
        scoring.acquireUninterruptibly();
        try {
            scored = model.scorer().score(batch.table());
        } finally {
            scoring.release();
        }
        if (!scored.problems().isEmpty()) {
            throw new ProblemException(new Problem(422, "urn:causalrx:problem:invalid-patients",
                    "Invalid patient data", "some patients cannot be scored; see 'errors'",
                    fieldErrors(scored.problems(), batch.batch())));
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        scored.rows().forEach(r -> out.add(r.toJson(model.modelId(), model.bundleSha256())));
        String rid = ctx.attribute(RID);
        try {
            audit.append(new AuditEntry(rid, settings.clock().instant(), caller, model.modelId(),
                    model.bundleSha256(), batch.inputSha256(), out));
        } catch (IOException e) {
            settings.log().accept("request " + rid + ": audit log write failed (" + e.getClass().getSimpleName()
                    + "); recommendation refused");
            throw new ProblemException(Problem.of(503, "audit-unavailable", "Audit log unavailable",
                    "the audit record could not be written, so no recommendation is given; the operator must "
                            + "make the audit file writable (disk space, permissions)"));
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("request_id", rid)
                .put("model_id", model.modelId()).put("bundle_sha256", model.bundleSha256());
        body.set("recommendations", out);
        json(ctx, 200, body);
    }

    /**
     * The request body; 408 when the client stopped sending it (idle timeout), sent it too slowly (request timeout)
     * or went away before its end.
     */
    private static byte[] body(Context ctx) {
        try {
            return ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            throw e;
        } catch (Exception e) { // Javalin (Kotlin) passes Jetty's IOExceptions on undeclared
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IOException) {
                    throw new ProblemException(ProblemErrorHandler.problem(408));
                }
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /** The scorer's problems as field errors: {@code /patients/<i>/<column>} (batch) or {@code /<column>}. */
    static List<Problem.FieldError> fieldErrors(List<Recommender.Problem> problems, boolean batch) {
        List<Problem.FieldError> out = new java.util.ArrayList<>();
        for (Recommender.Problem p : problems) {
            for (int row : p.rows()) {
                String at = (batch ? "/patients/" + (row - 1) : "")
                        + (p.column().isEmpty() ? "" : "/" + PatientParser.escape(p.column()));
                out.add(new Problem.FieldError(at, p.column(), p.what()));
            }
        }
        return out.subList(0, Math.min(out.size(), PatientParser.MAX_ERRORS));
    }

    /** The caller's name; 401 (one body for a missing and a wrong key) otherwise. */
    private String authorize(Context ctx) {
        String auth = ctx.header("Authorization");
        String key = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).strip()
                : ctx.header("X-API-Key");
        String caller = keys.caller(key).orElse(null);
        if (caller == null) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"causalrx\"");
            throw new ProblemException(Problem.of(401, "unauthorized", "Unauthorized",
                    "a valid API key is required: Authorization: Bearer KEY, or X-API-Key: KEY"));
        }
        ctx.attribute(CALLER, caller);
        return caller;
    }

    private void ready(Context ctx) {
        ModelFiles.State state = files.check();
        boolean ok = !audit.failing();
        ObjectNode n = Json.MAPPER.createObjectNode().put("status", ok ? "ready" : "not_ready")
                .put("model_id", model.modelId()).put("bundle_sha256", model.bundleSha256())
                .put("model_files", state.text()).put("audit", ok ? "ok" : "failing")
                .put("audit_records", audit.records());
        if (state != ModelFiles.State.UNCHANGED) {
            n.put("note", "the bundle folder " + (state == ModelFiles.State.MISSING ? "lacks files" : "changed")
                    + " since loading; the loaded model is still served");
        }
        json(ctx, ok ? 200 : 503, n);
    }

    private void notHandled(Context ctx, int status) {
        if (ctx.attribute("causalrx.problem") == null) {
            problem(ctx, status == 404 ? Problem.of(404, "not-found", "Not found", "no such endpoint; see "
                    + "/openapi.json") : Problem.of(405, "method-not-allowed", "Method not allowed", "this endpoint "
                    + "does not take this method; see /openapi.json"));
        }
    }

    private static void problem(Context ctx, Problem p) {
        ctx.attribute("causalrx.problem", Boolean.TRUE);
        ctx.status(p.status()).contentType(Problem.MEDIA_TYPE).result(Json.bytes(p.toJson(ctx.attribute(RID))));
    }

    private static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(Json.bytes(body));
    }

    /** The clinician page's files: no data in them; scripts from this origin only, no framing, no referrer. */
    private static void page(Context ctx, String type, byte[] body) {
        ctx.header("Content-Security-Policy", "default-src 'none'; script-src 'self'; connect-src 'self'; "
                + "style-src 'unsafe-inline'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'");
        ctx.header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer");
        ctx.status(200).contentType(type).result(body);
    }

    private static byte[] resource(String name) {
        try (InputStream in = RecommendationServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }
}
