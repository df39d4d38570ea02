package org.causalrx.bundle;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.causalrx.util.CausalRxException;

/**
 * Large numeric arrays inside bundle JSON: a JSON array of strings whose concatenated decodings are the array's
 * elements as little-endian IEEE-754 doubles (8 bytes each), IEEE-754 single-precision floats (4 bytes each: the
 * weights of neural networks) or two's-complement 32-bit ints (4 bytes each). Each
 * string is the standard base64 (RFC 4648, with padding) of the zlib stream (RFC 1950, deflate) of at most
 * {@value #CHUNK} such bytes (chunks keep every JSON string well below JSON parsers' string-length limits). Exact
 * (every bit of every double is kept); tree layouts (small ints, repeated cut values) compress well.
 */
final class PackedArrays {
    /** Raw bytes per string: a multiple of 3 (no padding inside), 4 and 8 (no element split across strings). */
    static final int CHUNK = 3 << 20;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PackedArrays() {
    }

    static ArrayNode doubles(double[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(v);
        return chunks(b.array());
    }

    static ArrayNode ints(int[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(v);
        return chunks(b.array());
    }

    static ArrayNode floats(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return chunks(b.array());
    }

    private static ArrayNode chunks(byte[] raw) {
        ArrayNode out = F.arrayNode();
        for (int from = 0; from < raw.length; from += CHUNK) {
            Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION);
            d.setInput(raw, from, Math.min(raw.length, from + CHUNK) - from);
            d.finish();
            ByteArrayOutputStream z = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            while (!d.finished()) {
                z.write(buf, 0, d.deflate(buf));
            }
            d.end();
            out.add(Base64.getEncoder().encodeToString(z.toByteArray()));
        }
        return out;
    }

    static double[] doubles(JsonNode n, String field, String file) {
        ByteBuffer b = bytes(n, field, file, 8, "doubles");
        double[] out = new double[b.remaining() / 8];
        b.asDoubleBuffer().get(out);
        return out;
    }

    static int[] ints(JsonNode n, String field, String file) {
        ByteBuffer b = bytes(n, field, file, 4, "32-bit ints");
        int[] out = new int[b.remaining() / 4];
        b.asIntBuffer().get(out);
        return out;
    }

    static float[] floats(JsonNode n, String field, String file) {
        ByteBuffer b = bytes(n, field, file, 4, "floats");
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }

    /** One chunk's bytes; refuses a stream that is truncated or longer than a chunk. */
    private static byte[] inflate(byte[] z) throws DataFormatException {
        Inflater in = new Inflater();
        try {
            in.setInput(z);
            byte[] out = new byte[CHUNK];
            int n = 0;
            while (!in.finished()) {
                int k = in.inflate(out, n, out.length - n);
                n += k;
                if (k == 0 && (in.needsInput() || in.needsDictionary() || n == out.length)) {
                    throw new DataFormatException("truncated or oversized chunk");
                }
            }
            return Arrays.copyOf(out, n);
        } finally {
            in.end();
        }
    }

    private static ByteBuffer bytes(JsonNode n, String field, String file, int width, String elements) {
        JsonNode v = BundleFiles.field(n, field, file);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        boolean ok = v.isArray();
        for (JsonNode c : v) {
            try {
                ok &= c.isTextual();
                all.writeBytes(inflate(Base64.getDecoder().decode(c.asText())));
            } catch (IllegalArgumentException | DataFormatException e) {
                ok = false;
            }
        }
        byte[] raw = all.toByteArray();
        if (!ok || raw.length % width != 0) {
            throw new CausalRxException(file + ": field '" + field
                    + "' must be an array of base64 zlib chunks of little-endian "
                    + elements + "; re-run `causalrx run` to write the bundle again");
        }
        return ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    }
}
