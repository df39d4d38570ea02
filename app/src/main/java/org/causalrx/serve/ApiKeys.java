package org.causalrx.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.causalrx.util.CausalRxException;

/**
 * The API keys allowed to call the service, held only as SHA-256 hashes. The key file has one key per line:
 * {@code NAME:HASH} where HASH is the key's SHA-256 in 64 hex digits (e.g. from {@code printf %s KEY | sha256sum}),
 * or {@code NAME:KEY} with the key itself (at least 16 characters, hashed on load); blank lines and lines starting
 * with {@code #} are skipped. NAME (letters, digits, {@code . _ -}) is the caller written to the audit log. A presented
 * key is hashed and compared with every stored hash in constant time.
 */
public final class ApiKeys {
    /** The shortest plain key accepted. */
    public static final int MIN_KEY_LENGTH = 16;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");

    private record Entry(String name, byte[] hash) {
    }

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads the key file.
     *
     * @throws CausalRxException naming the file and line when a line is malformed, a name repeats, a plain key is
     *                           too short, or the file holds no key
     */
    public static ApiKeys load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CausalRxException(file + ": cannot read the API key file (" + e.getMessage() + ")", e);
        }
        List<Entry> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + " line " + (i + 1);
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new CausalRxException(where + ": expected NAME:SHA256 or NAME:KEY (the name is written to the "
                        + "audit log)");
            }
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1);
            if (!NAME.matcher(name).matches()) {
                throw new CausalRxException(where + ": the name must be 1-64 letters, digits, '.', '_' or '-'");
            }
            if (!names.add(name)) {
                throw new CausalRxException(where + ": the name '" + name + "' is given twice; names identify "
                        + "callers in the audit log, so each must be unique");
            }
            byte[] hash;
            if (HASH.matcher(value).matches()) {
                hash = HexFormat.of().parseHex(value.toLowerCase(java.util.Locale.ROOT));
            } else if (value.length() >= MIN_KEY_LENGTH) {
                hash = sha256(value);
            } else {
                throw new CausalRxException(where + ": the key of '" + name + "' is shorter than " + MIN_KEY_LENGTH
                        + " characters; use a long random key (e.g. `openssl rand -hex 32`)");
            }
            out.add(new Entry(name, hash));
        }
        if (out.isEmpty()) {
            throw new CausalRxException(file + ": no API key in the file; add lines NAME:SHA256 (see "
                    + "`causalrx serve --help`)");
        }
        return new ApiKeys(out);
    }

    /** The caller's name when {@code key} is one of the keys; every stored hash is compared, in constant time. */
    public Optional<String> caller(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        byte[] h = sha256(key);
        String found = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.hash(), h) && found == null) {
                found = e.name();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Number of keys. */
    public int size() {
        return entries.size();
    }

    private static byte[] sha256(String key) {
        return HexFormat.of().parseHex(Json.sha256(key));
    }
}
