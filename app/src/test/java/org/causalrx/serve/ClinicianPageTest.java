package org.causalrx.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.causalrx.report.BrowserReportTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clinician page in headless Chromium: the form is built from the bundle's schema, and a pre-filled patient gets
 * the API's recommendation and reason, the effect drawn against 0, and the run's headline; no console errors (a
 * Content-Security-Policy violation would be one).
 */
@Tag("slow")
class ClinicianPageTest {
    @TempDir
    Path dir;

    @Test
    void thePageShowsTheApisAnswerWithTheIntervalAgainstZeroAndTheHeadline() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(BrowserReportTest.CHROMIUM), "headless Chromium not installed");
        List<String> log = new ArrayList<>();
        try (AuditLog audit = AuditLog.open(dir.resolve("audit.jsonl"), false);
             RecommendationServer s = RecommendationServer.start(ServedModel.load(ServeFixture.model()),
                     ApiKeys.load(ServeFixture.keys(dir)), audit, ServeFixture.settings(log))) {
            Http http = new Http(s.port());
            Http.Reply page = http.get("/", null);
            assertEquals(200, page.status());
            assertTrue(page.contentType().startsWith("text/html"));
            JsonNode want = http.recommend(ServeFixture.ALICE_KEY, "{\"id\": \"n1\", \"age\": 45.5, \"sex\": \"M\", "
                    + "\"score\": 1.2}").json().get("recommendations").get(0);
            JsonNode m = http.get("/v1/model", ServeFixture.ALICE_KEY).json();
            String url = "http://127.0.0.1:" + s.port() + "/#key=" + ServeFixture.ALICE_KEY
                    + "&id=n1&age=45.5&sex=M&score=1.2&submit=1";
            BrowserReportTest.Chrome c = BrowserReportTest.chromium(dir, "--dump-dom", url);
            String dom = c.stdout();
            assertTrue(dom.contains("<select name=\"sex\" data-type=\"categorical\">"), dom);
            assertTrue(dom.contains("<option value=\"F\">F</option><option value=\"M\">M</option>"), dom);
            assertTrue(dom.contains("name=\"age\" type=\"number\""), dom);
            assertTrue(dom.contains("<div id=\"result-recommendation\">Recommend: " + want.get("recommendation")
                    .asText() + "</div>"), dom);
            assertTrue(dom.contains("<p id=\"result-reason\">" + want.get("reason").asText().replace("'", "'")
                    + "</p>"), dom);
            assertTrue(dom.contains("id=\"interval-figure\"") && dom.contains("id=\"zero-line\"")
                    && dom.contains("class=\"point\""), dom);
            assertTrue(dom.contains("On " + m.at("/headline/values/n_test").asInt() + " test patients"), dom);
            assertFalse(dom.contains(ServeFixture.ALICE_KEY.substring(0, 12) + "</"), "the key is not shown");
            List<String> errors = new ArrayList<>();
            for (String line : c.stderr().split("\n")) {
                Matcher e = BrowserReportTest.CONSOLE.matcher(line);
                if (e.find() || line.contains("Content Security Policy")) {
                    errors.add(line);
                }
            }
            assertEquals(List.of(), errors);
            assertEquals(2, audit.records(), "the test's request and the page's");
        }
    }
}
