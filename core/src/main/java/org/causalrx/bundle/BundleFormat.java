package org.causalrx.bundle;

import java.util.List;

/** File names and the format version of a model bundle. */
public final class BundleFormat {
    /** The format version this CausalRx writes. Raise it when a reader of the previous version could misread. */
    public static final int VERSION = 1;
    /** The format versions this CausalRx reads. */
    public static final List<Integer> SUPPORTED = List.of(1);

    /** Checksums and format version; read first. */
    public static final String MANIFEST = "manifest.json";
    /**
     * Policy, arms, outcome direction, overlap thresholds, alpha / Lambda, provenance; a bundle for K ≥ 3 arms says
     * so in its {@code kind} field ({@code multi_arm}), which two-arm bundles do not have.
     */
    public static final String BUNDLE = "bundle.json";
    /** The raw input columns the model needs, with types and categorical levels. */
    public static final String SCHEMA = "schema.json";
    /** The fitted covariate encoding (training medians, missing indicators, one-hot levels, squares). */
    public static final String ENCODING = "encoding.json";
    /** The selected propensity model. */
    public static final String PROPENSITY = "propensity.json";
    /** The CATE model of the bundled policy. */
    public static final String CATE = "cate.json";
    /** What the folder holds, in words. */
    public static final String README = "README.txt";

    private BundleFormat() {
    }
}
