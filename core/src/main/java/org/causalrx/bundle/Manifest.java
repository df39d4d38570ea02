package org.causalrx.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.util.CausalRxException;

/**
 * {@code manifest.json}: the bundle format version and the SHA-256 of every other file. Written last; on load the
 * version is checked first, then every listed file is read and its checksum compared, so a changed, missing or
 * truncated file is refused with its name. (The manifest guards against accidents and casual edits; it is not a
 * signature.)
 */
final class Manifest {
    private Manifest() {
    }

    static ObjectNode of(Map<String, byte[]> files, String writtenBy) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("bundle_version", BundleFormat.VERSION);
        n.put("written_by", writtenBy);
        n.put("hash", "sha256");
        ObjectNode f = n.putObject("files");
        files.forEach((name, data) -> f.put(name, sha256(data)));
        return n;
    }

    /** Reads the manifest of {@code dir}, checks the version and every checksum, and returns the files. */
    static BundleFiles read(Path dir) {
        Path mf = dir.resolve(BundleFormat.MANIFEST);
        if (!Files.isDirectory(dir)) {
            throw new CausalRxException(dir + ": no model bundle folder here; pass the 'model' folder a "
                    + "`causalrx run` wrote (e.g. --model runs/nhefs/model)");
        }
        if (!Files.isRegularFile(mf)) {
            throw new CausalRxException(mf + ": not found, so " + dir + " is not a CausalRx model bundle; pass the "
                    + "'model' folder a `causalrx run` wrote (e.g. --model runs/nhefs/model)");
        }
        JsonNode m;
        try {
            m = BundleFiles.JSON.readTree(Files.readAllBytes(mf));
        } catch (IOException e) {
            throw new CausalRxException(mf + ": cannot read the manifest (" + e.getMessage() + "); re-run "
                    + "`causalrx run` to write the bundle again", e);
        }
        JsonNode v = m == null ? null : m.get("bundle_version");
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new CausalRxException(mf + ": no bundle_version found; this is not a bundle CausalRx can read "
                    + "(supported versions: " + BundleFormat.SUPPORTED + "); re-run `causalrx run` to write it again");
        }
        if (!BundleFormat.SUPPORTED.contains(v.intValue())) {
            JsonNode by = m.get("written_by");
            throw new CausalRxException(mf + ": bundle_version " + v.intValue() + " is not supported by this "
                    + "CausalRx (it reads versions " + BundleFormat.SUPPORTED + ")" + (by == null ? "" : "; written by "
                    + by.asText()) + ". Re-run `causalrx run` with this version to write a new bundle, or use the "
                    + "CausalRx version that wrote it");
        }
        JsonNode listed = m.get("files");
        if (listed == null || !listed.isObject() || listed.isEmpty()) {
            throw new CausalRxException(mf + ": lists no files; the bundle is damaged; re-run `causalrx run`");
        }
        BundleFiles out = new BundleFiles(dir);
        for (Iterator<Map.Entry<String, JsonNode>> it = listed.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            Path base = dir.toAbsolutePath().normalize();
            Path p = base.resolve(name).normalize();
            if (!base.equals(p.getParent()) || name.equals(BundleFormat.MANIFEST)) {
                throw new CausalRxException(mf + ": lists '" + name + "', which is not a file of the bundle folder; "
                        + "the manifest was edited; re-run `causalrx run`");
            }
            if (!Files.isRegularFile(p)) {
                throw new CausalRxException(p + ": missing from the model bundle (listed in manifest.json); copy "
                        + "the whole 'model' folder, or re-run `causalrx run`");
            }
            byte[] data;
            try {
                data = Files.readAllBytes(p);
            } catch (IOException ex) {
                throw new CausalRxException(p + ": cannot read (" + ex.getMessage() + ")", ex);
            }
            String want = e.getValue().asText();
            String got = sha256(data);
            if (!got.equals(want)) {
                throw new CausalRxException(p + ": checksum does not match manifest.json (SHA-256 "
                        + got.substring(0, 12)
                        + "… vs " + want.substring(0, Math.min(12, want.length())) + "…): the file was changed after "
                        + "the run wrote it. Restore the original bundle or re-run `causalrx run`");
            }
            out.putBytes(name, data);
        }
        return out;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
