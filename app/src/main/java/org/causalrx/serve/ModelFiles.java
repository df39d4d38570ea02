package org.causalrx.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether the bundle on disk is still the one being served: {@code manifest.json} with the served SHA-256 and
 * every file it lists with its listed SHA-256. A file's hash is recomputed only when its size or modification time
 * changed since the last check. The served model stays in memory whatever this says.
 */
public final class ModelFiles {
    /** The bundle folder's state against the served bundle. */
    public enum State {
        /** Every file present with its checksum. */
        UNCHANGED,
        /** A file differs from what was loaded. */
        CHANGED,
        /** {@code manifest.json} or a file it lists is gone. */
        MISSING;

        /** The state as sent in {@code /ready}. */
        public String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private record Seen(long size, long modified, String sha256) {
    }

    private final Path dir;
    private final String bundleSha256;
    private final Map<Path, Seen> seen = new ConcurrentHashMap<>();

    /** @param bundleSha256 the SHA-256 of the served bundle's manifest.json */
    public ModelFiles(Path dir, String bundleSha256) {
        this.dir = dir;
        this.bundleSha256 = bundleSha256;
    }

    /** Checks the folder now. */
    public State check() {
        Path mf = dir.resolve("manifest.json");
        String mfSha = sha(mf);
        if (mfSha == null) {
            return State.MISSING;
        }
        if (!mfSha.equals(bundleSha256)) {
            return State.CHANGED;
        }
        JsonNode files;
        try {
            files = Json.MAPPER.readTree(Files.readAllBytes(mf)).path("files");
        } catch (IOException e) {
            return State.MISSING;
        }
        State state = State.UNCHANGED;
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String got = sha(dir.resolve(e.getKey()));
            if (got == null) {
                return State.MISSING;
            }
            if (!got.equals(e.getValue().asText())) {
                state = State.CHANGED;
            }
        }
        return state;
    }

    /** Whether {@code manifest} lists {@code name} with the SHA-256 of {@code data}. */
    static boolean listedAs(byte[] manifest, String name, byte[] data) {
        try {
            return Json.sha256(data).equals(Json.MAPPER.readTree(manifest).path("files").path(name).asText());
        } catch (IOException e) {
            return false;
        }
    }

    /** SHA-256 of a file, reusing the last one while size and modification time are the same; null when unreadable. */
    private String sha(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                return null;
            }
            Seen s = seen.get(file);
            long modified = a.lastModifiedTime().toMillis();
            if (s != null && s.size() == a.size() && s.modified() == modified) {
                return s.sha256();
            }
            String sha = Json.sha256(Files.readAllBytes(file));
            seen.put(file, new Seen(a.size(), modified, sha));
            return sha;
        } catch (IOException e) {
            return null;
        }
    }
}
