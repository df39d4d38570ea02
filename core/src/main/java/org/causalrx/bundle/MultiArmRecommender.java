package org.causalrx.bundle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.causalrx.causal.policytree.MultiArmPolicyTree;
import org.causalrx.data.Table;
import org.causalrx.policy.ArmChoice;
import org.causalrx.policy.ArmPair;
import org.causalrx.policy.DecisionRule;
import org.causalrx.policy.MultiArmRule;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.policy.PolicyTreeRules;
import org.causalrx.result.Arms;

/**
 * Applies a {@link MultiArmBundle} to new patients. Rows are checked and encoded as {@link Recommender} does (bad
 * rows get a per-row error and are not scored); each scored row gets the K-arm effects against the reference and the
 * K generalized propensities from the bundled models, and the decision of the bundled {@link MultiArmRule} as the run
 * decided: deferred when some arm's propensity is below η (the reason names those arms), else the arm with the best
 * predicted outcome, keeping the default arm unless another beats it by more than the margin; a Conservative policy
 * also defers where the bootstrap interval of the best-minus-second-best contrast contains the boundary, and the
 * consensus policy where its members pick different arms ({@link MultiArmDecider}). With a K-action policy tree
 * the reason starts with the patient's path through the tree, e.g. "x1 ≤ 0.3 and x2 &gt; 1 → best predicted …".
 */
public final class MultiArmRecommender {
    private MultiArmRecommender() {
    }

    /**
     * One input row's result.
     *
     * @param id             patient id (the id column's value, else the 1-based data row)
     * @param dataRow        1-based data row in the input file (the header not counted)
     * @param arm            0..K−1, {@link PolicyDecisions#DEFER}, or null when the row could not be scored
     * @param armCode        the recommended arm's code as in the data ("" when deferred or not scored)
     * @param recommendation the recommended arm's label, or "DEFER" ("" when not scored)
     * @param reason         the decision's reason ("" when not scored)
     * @param effects        K effects against the reference arm in outcome units (entry 0 is 0); empty when not scored
     * @param propensity     K propensities P(T = a | x); empty when not scored
     * @param error          why the row was not scored ("" when scored)
     */
    public record Row(String id, int dataRow, Integer arm, String armCode, String recommendation, String reason,
                      double[] effects, double[] propensity, String error) {
        public Row {
            effects = effects.clone();
            propensity = propensity.clone();
        }

        @Override
        public double[] effects() {
            return effects.clone();
        }

        @Override
        public double[] propensity() {
            return propensity.clone();
        }
    }

    /**
     * @param rows     every input row, in file order
     * @param problems rows excluded from scoring, grouped by column and problem
     * @param notes    things done that the user should know (e.g. missing values imputed)
     */
    public record Result(List<Row> rows, List<Recommender.Problem> problems, List<String> notes) {
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
    public static Result apply(MultiArmBundle bundle, Table input) {
        InputRows in = InputRows.of(bundle.schema(), bundle.encoding(), input);
        int[] valid = in.validRows();
        double[][] x = in.x();
        int k = bundle.arms().size();
        double[][] e = valid.length == 0 ? new double[0][k] : bundle.propensity().predictProba(x);
        double[][] tau = valid.length == 0 ? new double[0][k] : bundle.cate().effects(x);
        MultiArmDecider decider = MultiArmDecider.of(bundle, x, tau);
        MultiArmPolicyTree tree = bundle.cate() instanceof MultiArmPolicyTree t ? t : null;
        Row[] rows = new Row[in.size()];
        for (int j = 0; j < valid.length; j++) {
            int i = valid[j];
            if (!finite(e[j]) || !finite(tau[j])) {
                in.flag("", i, "the model's output is not a finite number", "propensities "
                        + Arrays.toString(e[j]) + ", effects " + Arrays.toString(tau[j]),
                        "check this row's values for extreme numbers");
                continue;
            }
            MultiArmDecider.Decided d = decider.decide(j, tau[j], e[j]);
            boolean defer = d.arm() == PolicyDecisions.DEFER;
            String reason = tree == null ? d.reason()
                    : PolicyTreeRules.path(tree.tree(), x[j], bundle.encoding().featureNames()) + " → " + d.reason();
            rows[i] = new Row(in.id(i), i + 1, d.arm(), defer ? "" : bundle.arms().code(d.arm()),
                    defer ? "DEFER" : bundle.arms().label(d.arm()), reason, tau[j], e[j], "");
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null) {
                rows[i] = new Row(in.id(i), i + 1, null, "", "", "", new double[0], new double[0], in.error(i));
            }
        }
        return new Result(List.of(rows), in.problems(), in.notes());
    }

    /** The decision in words, naming the arms involved. */
    static String reason(MultiArmBundle bundle, ArmChoice c, double[] tau, double[] e) {
        Arms arms = bundle.arms();
        MultiArmRule rule = bundle.rule();
        double eta = bundle.overlap().eta();
        if (c.reason() == ArmChoice.Reason.OUTSIDE_OVERLAP) {
            List<String> below = new ArrayList<>();
            for (int a = 0; a < e.length; a++) {
                if (!(e[a] >= eta)) {
                    below.add(String.format(Locale.ROOT, "P('%s') = %.4g", arms.label(a), e[a]));
                }
            }
            return String.format(Locale.ROOT, "outside overlap: %s below eta = %.4g", String.join(", ", below),
                    eta);
        }
        ArmPair p = c.pair();
        int d = rule.defaultArm();
        double ahead = rule.betterSign() * (tau[p.best()] - tau[p.second()]);
        if (p.best() == d && rule.margin() > 0) {
            return String.format(Locale.ROOT, "keep '%s': no arm is predicted better by more than the margin %s "
                    + "(best other '%s')", arms.label(d), DecisionRule.number(rule.margin()), arms.label(p.second()));
        }
        return String.format(Locale.ROOT, "best predicted outcome: '%s' (ahead of '%s' by %.4g)",
                arms.label(p.best()), arms.label(p.second()), ahead);
    }

    private static boolean finite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }
}
