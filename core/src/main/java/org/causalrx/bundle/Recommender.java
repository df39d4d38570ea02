package org.causalrx.bundle;

import java.util.List;
import java.util.Locale;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.IntervalCateModel;
import org.causalrx.causal.bounds.JointCateModel;
import org.causalrx.causal.policytree.PolicyTree;
import org.causalrx.causal.uncertainty.ScaledIntervalModel;
import org.causalrx.data.Table;
import org.causalrx.policy.Deferral;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.policy.PolicyTreeRules;
import org.causalrx.result.DeferralSet;

/**
 * Applies a {@link ModelBundle} to new patients. Each row is checked against the bundle's input schema; rows with a
 * non-numeric value in a numeric column, a number beyond the models' float range (|x| > 3.4e38, also after
 * encoding, e.g. a square), or a category (or a missing value) not seen in training, are reported by column and
 * row and not scored; the other rows are encoded exactly as in training (missing numbers: training
 * median plus the missing indicator) and decided by {@link Deferral#decide} with the bundled decision rule (default
 * arm, margin), as the pipeline decides: the Inclusive set defers outside overlap; a Conservative bundle (alpha set,
 * CATE model with intervals) also defers when the interval contains the margin boundary (0 for the sign rule).
 * With a policy tree the reason starts with the patient's path through the tree, e.g. "age ≤ 54 and smokeyrs &gt; 20
 * → …".
 */
public final class Recommender {
    private Recommender() {
    }

    /**
     * One input row's result.
     *
     * @param id             patient id (the id column's value, else the 1-based data row)
     * @param dataRow        1-based data row in the input file (the header not counted)
     * @param arm            0, 1, {@link PolicyDecisions#DEFER}, or null when the row could not be scored
     * @param recommendation arm label or "DEFER" ("" when not scored)
     * @param reason         the decision's reason ("" when not scored)
     * @param cate           point CATE (NaN when not scored)
     * @param lo             lower end of the effect interval (NaN: none bundled)
     * @param hi             upper end of the effect interval (NaN: none bundled)
     * @param propensity     e(x) (NaN when not scored)
     * @param error          why the row was not scored ("" when scored)
     */
    public record Row(String id, int dataRow, Integer arm, String recommendation, String reason, double cate,
                      double lo, double hi, double propensity, String error) {
    }

    /**
     * One kind of problem in one column.
     *
     * @param column the column
     * @param what   the problem and the fix, in words
     * @param rows   1-based data rows with it
     */
    public record Problem(String column, String what, List<Integer> rows) {
        @Override
        public List<Integer> rows() {
            return List.copyOf(rows);
        }
    }

    /**
     * @param rows     every input row, in file order
     * @param problems rows excluded from scoring, grouped by column and problem
     * @param notes    things done that the user should know (e.g. missing values imputed)
     */
    public record Result(List<Row> rows, List<Problem> problems, List<String> notes) {
        public Result {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }

        public long scored() {
            return rows.stream().filter(r -> r.arm() != null).count();
        }
    }

    /**
     * Scores every valid row of {@code input}.
     *
     * @throws org.causalrx.util.CausalRxException when a required column is absent (no row could be scored),
     *                                             naming the file, the columns and the fix
     */
    public static Result apply(ModelBundle bundle, Table input) {
        InputRows in = InputRows.of(bundle.schema(), bundle.encoding(), input);
        int n = in.size();
        int[] validRows = in.validRows();
        double[][] x = in.x();
        double[] e = validRows.length == 0 ? new double[0] : bundle.propensity().predictProba(x);
        double[] tau = validRows.length == 0 ? new double[0] : bundle.cate().effect(x);
        double[] lo = new double[validRows.length];
        double[] hi = new double[validRows.length];
        java.util.Arrays.fill(lo, Double.NaN);
        java.util.Arrays.fill(hi, Double.NaN);
        if (validRows.length > 0 && bundle.alphaStat() != null && bundle.cate() instanceof IntervalCateModel im) {
            EffectIntervals iv = im.effectInterval(x, bundle.alphaStat());
            lo = iv.lo();
            hi = iv.hi();
        }
        boolean conservative = bundle.deferralSet() == DeferralSet.CONSERVATIVE;
        PolicyTree tree = policyTree(bundle.cate());
        Row[] rows = new Row[n];
        for (int k = 0; k < validRows.length; k++) {
            int i = validRows[k];
            if (!Double.isFinite(e[k]) || !Double.isFinite(tau[k])) {
                in.flag("", i, "the model's output is not a finite number",
                        "e(x) = " + e[k] + ", CATE = " + tau[k], "check this row's values for extreme numbers");
                continue;
            }
            Deferral.Decision d = Deferral.decide(e[k], bundle.overlap(), tau[k], conservative ? lo[k] : Double.NaN,
                    conservative ? hi[k] : Double.NaN, bundle.rule());
            boolean defer = d.arm() == PolicyDecisions.DEFER;
            String label = defer ? "DEFER" : bundle.armLabels().get(d.arm());
            String reason = defer ? d.reason() : d.reason() + " ('" + label + "')";
            if (tree != null) {
                reason = PolicyTreeRules.path(tree, x[k], bundle.encoding().featureNames()) + " → " + reason;
            }
            rows[i] = new Row(in.id(i), i + 1, d.arm(), label, reason, tau[k], lo[k], hi[k], e[k], "");
        }
        for (int i = 0; i < n; i++) {
            if (rows[i] == null) {
                rows[i] = new Row(in.id(i), i + 1, null, "", "", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        in.error(i));
            }
        }
        return new Result(List.of(rows), in.problems(), in.notes());
    }

    /** The policy tree behind a bundle's CATE model (itself, or inside its interval model), or null. */
    static PolicyTree policyTree(CateModel m) {
        if (m instanceof PolicyTree t) {
            return t;
        }
        if (m instanceof JointCateModel j) {
            return policyTree(j.statistical());
        }
        return m instanceof ScaledIntervalModel s ? policyTree(s.inner()) : null;
    }

    /** The first rows, e.g. "3, 7, 12, …". */
    public static String rowList(List<Integer> rows) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < Math.min(10, rows.size()); k++) {
            sb.append(k > 0 ? ", " : "").append(rows.get(k));
        }
        if (rows.size() > 10) {
            sb.append(", … (").append(rows.size()).append(" rows)");
        }
        return String.format(Locale.ROOT, "%s", sb);
    }
}
