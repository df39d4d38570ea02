package org.causalrx.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.learn.MultiProbabilityModel;
import org.causalrx.learn.ProbabilityModel;
import org.causalrx.util.CausalRxException;

/**
 * What a {@link CateModelCodec} or {@link MultiArmCateModelCodec} may use of the bundle being written or read: exact
 * packed arrays ({@link PackedArrays}: base64 zlib chunks of little-endian floats / doubles / 32-bit ints inside the
 * JSON), extra binary files (listed in the manifest like every part), the built-in (generalized) probability-model
 * codecs, and field readers whose errors name the file. One per encode or decode call; not shared between bundles.
 */
public final class CodecContext {
    private final BundleFiles files;
    private final String file;

    CodecContext(BundleFiles files, String file) {
        this.files = files;
        this.file = file;
    }

    /** The JSON file the model is written to or read from, for messages. */
    public String file() {
        return file;
    }

    /** A file-name stem for the named model's extra files: {@code cate_} + the name with unsafe characters as '_'. */
    public String stem(String name) {
        return "cate_" + ModelCodecs.safe(name);
    }

    /** Adds a binary file to the bundle (writing); the name must be new. */
    public void putBytes(String name, byte[] data) {
        files.putBytes(name, data);
    }

    /** A file of the bundle (reading), checksum already verified; an error naming it when it is missing. */
    public byte[] bytes(String name) {
        return files.bytes(name);
    }

    /** {@code v} exactly (every bit), as a JSON array of base64 zlib chunks of little-endian float32. */
    public ArrayNode packFloats(float[] v) {
        return PackedArrays.floats(v);
    }

    /** The float array written by {@link #packFloats} in {@code n.field}. */
    public float[] floats(JsonNode n, String field) {
        return PackedArrays.floats(n, field, file);
    }

    /** {@code v} exactly (every bit), as a JSON array of base64 zlib chunks of little-endian float64. */
    public ArrayNode packDoubles(double[] v) {
        return PackedArrays.doubles(v);
    }

    /** The double array written by {@link #packDoubles} in {@code n.field}. */
    public double[] doubles(JsonNode n, String field) {
        return PackedArrays.doubles(n, field, file);
    }

    /** A probability model (e.g. an internal propensity model) with the built-in codecs; boosters go to stem.ubj. */
    public ObjectNode encodeProbability(ProbabilityModel m, String stem) throws NotBundleable {
        return ModelCodecs.encodeProbability(m, stem, files);
    }

    /** The probability model written by {@link #encodeProbability}. */
    public ProbabilityModel decodeProbability(JsonNode n) {
        return ModelCodecs.decodeProbability(n, file, files);
    }

    /**
     * A generalized propensity model (n × K probabilities, e.g. a K-arm model's internal one) with the built-in K-arm
     * codecs; boosters go to stem.ubj.
     */
    public ObjectNode encodeMultiProbability(MultiProbabilityModel m, String stem) throws NotBundleable {
        return MultiArmCodecs.encodePropensity(m, stem, files);
    }

    /** The generalized propensity model written by {@link #encodeMultiProbability}. */
    public MultiProbabilityModel decodeMultiProbability(JsonNode n) {
        return MultiArmCodecs.decodePropensity(n, file, files);
    }

    /** A required field, or an error naming the file and the field. */
    public JsonNode field(JsonNode n, String field) {
        return BundleFiles.field(n, field, file);
    }

    /** A required numeric field. */
    public double number(JsonNode n, String field) {
        return BundleFiles.number(n, field, file);
    }

    /** A required integer field (32-bit). */
    public int integer(JsonNode n, String field) {
        return BundleFiles.integer(n, field, file);
    }

    /** The error for a malformed part: the file, what is wrong, and the fix. */
    public CausalRxException damaged(String what) {
        return new CausalRxException(file + ": " + what + "; re-run `causalrx run` to write the bundle again");
    }
}
