package org.causalrx.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key file: hashed and plain keys, comments; a wrong key matches nobody; bad files are refused by line. */
class ApiKeysTest {
    @TempDir
    Path dir;

    @Test
    void hashedAndPlainKeysNameTheirCaller() throws Exception {
        Path f = Files.writeString(dir.resolve("keys"), "# clinic systems\n\nalice:"
                + Json.sha256("alice-key-0123456789") + "\nbob:bob-plain-key-0123456789\n");
        ApiKeys keys = ApiKeys.load(f);
        assertEquals(2, keys.size());
        assertEquals(Optional.of("alice"), keys.caller("alice-key-0123456789"));
        assertEquals(Optional.of("bob"), keys.caller("bob-plain-key-0123456789"));
        assertEquals(Optional.empty(), keys.caller("alice-key-012345678"));
        assertEquals(Optional.empty(), keys.caller(Json.sha256("alice-key-0123456789")), "the hash is not the key");
        assertEquals(Optional.empty(), keys.caller(""));
        assertEquals(Optional.empty(), keys.caller(null));
    }

    @Test
    void badLinesAreRefusedWithTheirLineNumber() throws Exception {
        String[][] cases = {
            {"alice:short", "line 1", "shorter than 16"},
            {"# only a comment\n", "no API key", ""},
            {"a:0123456789abcdef0123\na:0123456789abcdef0123", "line 2", "twice"},
            {"justakeywithoutname0123", "line 1", "NAME:SHA256"},
            {"bad name:0123456789abcdef0123", "line 1", "letters, digits"},
        };
        for (String[] c : cases) {
            Path f = Files.writeString(dir.resolve("k"), c[0]);
            String msg = assertThrows(CausalRxException.class, () -> ApiKeys.load(f)).getMessage();
            assertTrue(msg.contains(c[1]) && msg.contains(c[2]), c[0] + ": " + msg);
            assertTrue(!msg.contains("0123456789abcdef0123") || c[0].startsWith("#"), "no key in the message: " + msg);
        }
        assertThrows(CausalRxException.class, () -> ApiKeys.load(dir.resolve("absent")));
    }
}
