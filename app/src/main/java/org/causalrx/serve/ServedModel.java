package org.causalrx.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.bundle.InputSchema;
import org.causalrx.bundle.ModelBundle;
import org.causalrx.bundle.MultiArmBundle;
import org.causalrx.util.CausalRxException;

/**
 * A model bundle loaded for serving: the scorer, the input schema and what {@code GET /v1/model} says. Immutable;
 * the files may change or vanish afterwards without affecting it ({@link ModelFiles} tells).
 *
 * @param dir          the bundle folder
 * @param modelId      {@code <study>/<policy>}, e.g. {@code nhefs-weight/t_ridge@inclusive}
 * @param bundleSha256 SHA-256 of the bundle's {@code manifest.json}, which lists the SHA-256 of every other file: it
 *                     identifies the bundle's exact content
 * @param multiArm     a bundle of K ≥ 3 arms
 * @param schema       the input columns
 * @param description  the body of {@code GET /v1/model}
 * @param scorer       scores patients as {@code causalrx recommend} does
 */
public record ServedModel(Path dir, String modelId, String bundleSha256, boolean multiArm, InputSchema schema,
                          JsonNode description, Scorer scorer) {
    public ServedModel {
        description = description.deepCopy();
    }

    @Override
    public JsonNode description() {
        return description.deepCopy();
    }

    /**
     * Loads the bundle in {@code dir} as {@code causalrx recommend} does (format version and every checksum
     * checked).
     *
     * @throws CausalRxException naming the file when the bundle cannot be loaded, or when it changed while loading
     */
    public static ServedModel load(Path dir) {
        if (!Files.isRegularFile(dir.resolve("manifest.json"))) {
            ModelBundle.load(dir); // not a bundle: its loader says why, naming the folder and the fix
        }
        byte[] manifest = read(dir.resolve("manifest.json"), dir);
        boolean multi = MultiArmBundle.isMultiArm(dir);
        InputSchema schema;
        Scorer scorer;
        String policy;
        if (multi) {
            MultiArmBundle b = MultiArmBundle.load(dir);
            schema = b.schema();
            scorer = new Scorer.MultiArm(b);
            policy = b.policy().toString();
        } else {
            ModelBundle b = ModelBundle.load(dir);
            schema = b.schema();
            scorer = new Scorer.TwoArm(b);
            policy = b.policy().toString();
        }
        byte[] bundleJson = read(dir.resolve("bundle.json"), dir);
        byte[] schemaJson = read(dir.resolve("schema.json"), dir);
        if (!java.util.Arrays.equals(manifest, read(dir.resolve("manifest.json"), dir))
                || !ModelFiles.listedAs(manifest, "bundle.json", bundleJson)
                || !ModelFiles.listedAs(manifest, "schema.json", schemaJson)) {
            throw new CausalRxException(dir + ": the bundle changed while it was being loaded; start again once "
                    + "it is complete");
        }
        JsonNode bundle = parse(bundleJson, dir.resolve("bundle.json"));
        String sha = Json.sha256(manifest);
        String id = bundle.path("study").asText("model") + "/" + policy;
        ObjectNode d = ModelDescription.of(id, sha, multi, bundle, parse(schemaJson, dir.resolve("schema.json")),
                RunHeadline.beside(dir, bundle.path("provenance")));
        return new ServedModel(dir, id, sha, multi, schema, d, scorer);
    }

    private static byte[] read(Path file, Path dir) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CausalRxException(file + ": cannot read (" + e.getMessage() + "); pass the 'model' folder a "
                    + "`causalrx run` wrote (e.g. --model runs/nhefs/model), not " + dir, e);
        }
    }

    private static JsonNode parse(byte[] data, Path file) {
        try {
            return Json.MAPPER.readTree(data);
        } catch (IOException e) {
            throw new CausalRxException(file + ": not valid JSON; re-run `causalrx run`", e);
        }
    }
}
