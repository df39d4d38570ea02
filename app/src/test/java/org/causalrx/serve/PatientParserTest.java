package org.causalrx.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.causalrx.bundle.InputSchema;
import org.causalrx.data.Column;
import org.junit.jupiter.api.Test;

/** Request bodies: one patient or a batch to a table; every malformed body a 4xx problem naming the field. */
class PatientParserTest {
    static final InputSchema SCHEMA = new InputSchema("pid", List.of(
            new InputSchema.InputColumn("age", false, false, List.of(), false),
            new InputSchema.InputColumn("sex", true, true, List.of("F", "M"), false),
            new InputSchema.InputColumn("stage", true, false, List.of("1", "2"), false)));

    private static PatientParser.Batch parse(String body) {
        return new PatientParser(SCHEMA, 3).parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static Problem problem(String body) {
        return assertThrows(ProblemException.class, () -> parse(body)).problem();
    }

    @Test
    void onePatientAndABatchGiveTheTable() {
        PatientParser.Batch one = parse("{\"pid\": \"a\", \"age\": 51.5, \"sex\": \"F\", \"stage\": 2}");
        assertEquals(1, one.size());
        assertFalse(one.batch());
        assertEquals("a", one.table().column("pid").text(0));
        assertEquals(51.5, ((Column.Numeric) one.table().column("age")).get(0));
        assertEquals("2", one.table().column("stage").text(0));
        PatientParser.Batch b = parse("{\"patients\": [{\"age\": null, \"sex\": \"M\", \"stage\": \"1\", \"pid\": 7},"
                + "{\"stage\": 2.0, \"sex\": \"F\", \"age\": 40, \"pid\": null}]}");
        assertTrue(b.batch());
        assertArrayEquals(new double[] {Double.NaN, 40}, ((Column.Numeric) b.table().column("age")).toArray());
        assertEquals("7", b.table().column("pid").text(0));
        assertTrue(b.table().column("pid").isMissing(1));
        assertEquals("2", b.table().column("stage").text(1), "a number written as training wrote it");
    }

    @Test
    void theInputHashIgnoresFieldOrderAndWhitespaceButNotValues() {
        String h = parse("{\"pid\": \"a\", \"age\": 51.5, \"sex\": \"F\", \"stage\": 2}").inputSha256();
        assertEquals(h, parse("{ \"stage\":2,\"sex\":\"F\",\"age\":51.50,\"pid\":\"a\" }").inputSha256());
        assertFalse(h.equals(parse("{\"pid\": \"a\", \"age\": 51.6, \"sex\": \"F\", \"stage\": 2}").inputSha256()));
    }

    @Test
    void malformedBodiesAre400() {
        for (String body : new String[] {"", "{\"age\": ", "[1, 2]", "\"text\"", "{\"age\": 1} {}",
            "{\"age\": 1, \"age\": 2, \"sex\": \"F\", \"stage\": 1}"}) {
            Problem p = problem(body);
            assertEquals(400, p.status(), body + ": " + p.detail());
        }
    }

    @Test
    void fieldErrorsAre422WithPointersAndNoValues() {
        Problem p = problem("{\"patients\": [{\"age\": \"old-secret\", \"sex\": 3, \"stage\": 1},"
                + "{\"age\": 1, \"sex\": \"F\", \"stage\": true, \"weight\": 80, \"pid\": 1.5}, 5], \"x\": 1}");
        assertEquals(422, p.status());
        List<String> at = p.errors().stream().map(Problem.FieldError::pointer).toList();
        assertEquals(List.of("/x", "/patients/2", "/patients/0/age", "/patients/0/sex", "/patients/1/weight",
                "/patients/1/pid", "/patients/1/stage"), at);
        assertTrue(p.errors().get(2).detail().contains("number"));
        assertTrue(p.errors().get(4).detail().contains("unknown field"));
        assertFalse(Json.write(p.toJson("r")).contains("old-secret"), "values are not repeated");
        Problem missing = problem("{\"age\": 1, \"stage\": 1}");
        assertEquals("/sex", missing.errors().get(0).pointer());
        assertTrue(missing.errors().get(0).detail().startsWith("missing"));
        assertEquals("/age", problem("{\"age\": 1e999, \"sex\": \"F\", \"stage\": 1}").errors().get(0).pointer());
        StringBuilder many = new StringBuilder("{\"age\": 1, \"sex\": \"F\", \"stage\": 1");
        for (int i = 0; i < 500; i++) {
            many.append(", \"x").append(i).append("\": 0");
        }
        Problem capped = problem(many.append('}').toString());
        assertEquals(PatientParser.MAX_ERRORS, capped.errors().size());
        assertTrue(capped.detail().startsWith("500 field errors, the first 100 listed"), capped.detail());
    }

    @Test
    void batchesAreBounded() {
        String four = "{\"age\": 1, \"sex\": \"F\", \"stage\": 1}";
        Problem p = problem("{\"patients\": [" + String.join(",", List.of(four, four, four, four)) + "]}");
        assertEquals(413, p.status());
        assertEquals("/patients", p.errors().get(0).pointer());
        assertEquals(422, problem("{\"patients\": []}").status());
        assertEquals(422, problem("{\"patients\": {}}").status());
        assertEquals(3, parse("{\"patients\": [" + String.join(",", List.of(four, four, four)) + "]}").size());
    }
}
