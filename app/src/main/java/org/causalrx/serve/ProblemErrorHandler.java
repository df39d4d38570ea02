package org.causalrx.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers as RFC 7807 problem bodies: requests the HTTP layer rejects before any handler sees them
 * (a malformed request line or header, headers too large, a request that did not arrive in full within the request
 * timeout) and errors Jetty writes itself get {@code application/problem+json} with a request id, like every other
 * answer of the service, instead of Jetty's HTML page. The body names only the status, never the request's content.
 */
final class ProblemErrorHandler extends ErrorHandler {
    private final Supplier<String> requestIds;

    /** @param requestIds the service's request ids (one per answer, also sent as {@code X-Request-Id}) */
    ProblemErrorHandler(Supplier<String> requestIds) {
        this.requestIds = requestIds;
    }

    /**
     * The problem for an HTTP-layer rejection with this status: those Jetty answers itself and those Javalin raises
     * (body too large, a body that stopped arriving), so both read alike.
     */
    static Problem problem(int status) {
        return switch (status) {
            case 408 -> Problem.of(408, "request-timeout", "Request not received in time", "the request did not "
                    + "arrive in full in time; send it whole, without pausing");
            case 413 -> Problem.of(413, "body-too-large", "Request body too large", "the request body is larger "
                    + "than the service accepts; split the batch");
            case 431 -> Problem.of(431, "headers-too-large", "Request headers too large", "the request's headers "
                    + "are larger than the service accepts; send fewer or shorter headers");
            default -> Problem.of(status >= 400 && status < 600 ? status : 400, "http-error", "Request not accepted",
                    "the request was not accepted (HTTP " + status + ")");
        };
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String rid = requestIds.get();
        fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        fields.put("X-Request-Id", rid);
        return ByteBuffer.wrap(Json.bytes(problem(status).toJson(rid)));
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        String rid = requestIds.get();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.getHeaders().put("X-Request-Id", rid);
        response.write(true, ByteBuffer.wrap(Json.bytes(problem(code).toJson(rid))), callback);
    }
}
