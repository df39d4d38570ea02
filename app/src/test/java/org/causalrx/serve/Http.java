package org.causalrx.serve;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/** A loopback HTTP client for the tests. */
record Http(HttpClient client, int port) {
    Http(int port) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), port);
    }

    /** A response: status, content type and body. */
    record Reply(int status, String contentType, String body) {
        JsonNode json() throws Exception {
            return Json.MAPPER.readTree(body);
        }
    }

    Reply get(String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return send(b.build());
    }

    Reply post(String path, String key, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return send(b.build());
    }

    Reply recommend(String key, String body) throws Exception {
        return post("/v1/recommendations", key, "application/json", body);
    }

    private Reply send(HttpRequest r) throws Exception {
        HttpResponse<String> res = client.send(r, HttpResponse.BodyHandlers.ofString());
        return new Reply(res.statusCode(), res.headers().firstValue("Content-Type").orElse(""), res.body());
    }
}
