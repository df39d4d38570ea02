package org.causalrx.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.causalrx.util.CausalRxException;

/**
 * Checks an audit log's hash chain. Each line is one JSON record ending in {@code ,"hash":"H"}}, where H is the
 * SHA-256 of the line's text with that ending replaced by <code>}</code>; the record's {@code prev_hash} is the
 * previous record's H ({@link #GENESIS} for the first) and {@code seq} counts from 1. An edited, removed, inserted
 * or reordered record, or a record cut short, breaks the chain there.
 */
public final class AuditVerifier {
    /** The {@code prev_hash} of the first record: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);
    private static final Pattern LINE = Pattern.compile("(\\{.*),\"hash\":\"([0-9a-f]{64})\"}");

    private AuditVerifier() {
    }

    /**
     * The first break in the chain.
     *
     * @param line 1-based line of the file
     * @param what what is wrong there, in words
     */
    public record Break(long line, String what) {
    }

    /**
     * @param records    records read before the first break (all when intact)
     * @param lastHash   the hash of the last intact record ({@link #GENESIS} when none)
     * @param firstBreak the first broken record, or null when the chain is intact
     */
    public record Report(long records, String lastHash, Break firstBreak) {
        public boolean intact() {
            return firstBreak == null;
        }
    }

    /**
     * Reads and checks {@code log}.
     *
     * @throws CausalRxException when the file cannot be read
     */
    public static Report verify(Path log) {
        String text;
        try {
            text = Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CausalRxException(log + ": cannot read the audit log (" + e.getMessage() + ")", e);
        }
        String prev = GENESIS;
        long n = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            long line = n + 1;
            if (end < 0) {
                return new Report(n, prev, new Break(line, "the record is cut short (no line end): the writer "
                        + "stopped in the middle of it"));
            }
            String what = check(text.substring(start, end), n + 1, prev);
            if (what != null) {
                return new Report(n, prev, new Break(line, what));
            }
            Matcher m = LINE.matcher(text.substring(start, end));
            prev = m.matches() ? m.group(2) : prev;
            n++;
            start = end + 1;
        }
        return new Report(n, prev, null);
    }

    /** What is wrong with one line, or null. */
    private static String check(String line, long seq, String prev) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return "not an audit record (it must end with ,\"hash\":\"<64 hex digits>\"})";
        }
        String body = m.group(1) + "}";
        if (!Json.sha256(body).equals(m.group(2))) {
            return "the hash does not match the record: it was changed after it was written";
        }
        JsonNode r;
        try {
            r = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return "not valid JSON";
        }
        if (!prev.equals(r.path("prev_hash").asText())) {
            return "prev_hash is not the previous record's hash: a record before it was removed, inserted, "
                    + "reordered or changed";
        }
        if (r.path("seq").asLong(-1) != seq) {
            return "seq is " + r.path("seq").asText() + ", expected " + seq;
        }
        return null;
    }
}
