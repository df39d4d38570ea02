package org.causalrx.bundle;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import org.causalrx.util.CausalRxException;

/**
 * Large numeric arrays inside bundle JSON: a string field holding the standard base64 (RFC 4648, with padding) of
 * the array's elements as little-endian IEEE-754 doubles (8 bytes each) or two's-complement 32-bit ints (4 bytes
 * each). Exact (every bit of every double is kept) and about half the size of decimal JSON numbers.
 */
final class PackedArrays {
    private PackedArrays() {
    }

    static String doubles(double[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(v);
        return Base64.getEncoder().encodeToString(b.array());
    }

    static String ints(int[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(v);
        return Base64.getEncoder().encodeToString(b.array());
    }

    static double[] doubles(JsonNode n, String field, String file) {
        ByteBuffer b = bytes(n, field, file, 8);
        double[] out = new double[b.remaining() / 8];
        b.asDoubleBuffer().get(out);
        return out;
    }

    static int[] ints(JsonNode n, String field, String file) {
        ByteBuffer b = bytes(n, field, file, 4);
        int[] out = new int[b.remaining() / 4];
        b.asIntBuffer().get(out);
        return out;
    }

    private static ByteBuffer bytes(JsonNode n, String field, String file, int width) {
        JsonNode v = BundleFiles.field(n, field, file);
        byte[] raw;
        try {
            raw = v.isTextual() ? Base64.getDecoder().decode(v.asText()) : null;
        } catch (IllegalArgumentException e) {
            raw = null;
        }
        if (raw == null || raw.length % width != 0) {
            throw new CausalRxException(file + ": field '" + field + "' must be base64 of little-endian "
                    + (width == 8 ? "doubles" : "32-bit ints") + "; re-run `causalrx run` to write the bundle again");
        }
        return ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    }
}
