package org.causalrx.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A fitted {@link Encoding} as plain values and back, so that it can be saved with a model bundle and applied to
 * new patients exactly as in training. {@code build(of(e))} encodes every table as {@code e} does.
 */
public final class EncodingParts {
    private EncodingParts() {
    }

    /**
     * How one covariate is encoded.
     *
     * @param name        covariate (column) name
     * @param categorical one-hot (true) or numeric (false)
     * @param median      numeric: training median used for missing values (NaN for categorical)
     * @param indicator   numeric: a 0/1 missingness feature follows the value
     * @param squared     numeric: the square of the imputed value follows
     * @param reference   categorical: the dropped reference level (null for numeric)
     * @param levels      categorical: all levels in dummy order, reference included (empty for numeric)
     */
    public record Item(String name, boolean categorical, double median, boolean indicator, boolean squared,
                       String reference, List<String> levels) {
        public Item {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("encoding item needs a covariate name");
            }
            levels = List.copyOf(levels);
            if (categorical && (reference == null || !levels.contains(reference))) {
                throw new IllegalArgumentException("categorical '" + name + "': reference level '" + reference
                        + "' is not among its levels " + levels);
            }
            if (!categorical && !Double.isFinite(median)) {
                throw new IllegalArgumentException("numeric '" + name + "': median must be finite, got " + median);
            }
        }
    }

    /** The items of a fitted encoding, in feature order. */
    public static List<Item> of(Encoding encoding) {
        List<Item> out = new ArrayList<>();
        for (Encoding.Part p : encoding.parts()) {
            if (p instanceof Encoding.NumericPart np) {
                out.add(new Item(np.name(), false, np.median(), np.indicator(), np.squared(), null, List.of()));
            } else {
                Encoding.CategoricalPart cp = (Encoding.CategoricalPart) p;
                out.add(new Item(cp.name(), true, Double.NaN, false, false, cp.reference(), cp.levels()));
            }
        }
        return out;
    }

    /** The encoding described by {@code items} (as returned by {@link #of}). */
    public static Encoding build(List<Item> items) {
        List<Encoding.Part> parts = new ArrayList<>();
        for (Item it : items) {
            parts.add(it.categorical() ? new Encoding.CategoricalPart(it.name(), it.reference(), it.levels())
                    : new Encoding.NumericPart(it.name(), it.median(), it.indicator(), it.squared()));
        }
        return new Encoding(parts);
    }

    /** The level text used for a categorical cell: what the encoder matches against {@link Item#levels()}. */
    public static String missingLevel() {
        return Encoding.MISSING_LEVEL;
    }
}
