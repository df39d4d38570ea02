package org.causalrx.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.causalrx.result.Baseline;
import org.causalrx.result.PolicyId;
import org.causalrx.util.Stats;

/**
 * The three checks of TRS §3.5 on one simulation form, over all its seeds:
 * <ol>
 *   <li><b>estimated ≈ true</b>: Pearson correlation between the estimated DR value and the true value across
 *   policies and seeds (Optimal excluded) is at least {@link #MIN_CORRELATION}, and the mean absolute error is at
 *   most {@link #MAX_MAE_SHARE} × the SD of the true values (so an error is small next to the differences the
 *   comparison must resolve);</li>
 *   <li><b>learned beats Doctors</b>: in each seed the pipeline recommends a learned policy, chosen by its estimated
 *   DR value on the validation split; averaged over seeds its true value is better than Doctors' (in the
 *   study's direction);</li>
 *   <li><b>close to Optimal</b>: the picked policy's mean regret is at most {@link #GAP_FRACTION} × Doctors' mean
 *   regret, i.e. it closes at least half of the Optimal–Doctors gap.</li>
 * </ol>
 */
public final class FeasibilityChecks {
    public static final double MIN_CORRELATION = 0.9;
    /** The current-practice policy, valued as observed (left out of check 1). */
    static final PolicyId CURRENT_PRACTICE = Baseline.DOCTORS.id();
    public static final double MAX_MAE_SHARE = 0.25;
    public static final double GAP_FRACTION = 0.5;

    private FeasibilityChecks() {
    }

    /**
     * One check's verdict.
     *
     * @param id        1, 2 or 3
     * @param value     the number compared with the threshold
     * @param threshold the threshold it must meet
     * @param detail    the numbers behind the verdict, in words
     */
    public record Check(String form, int id, String name, boolean passed, double value, double threshold,
                        String detail) {
    }

    /** The three checks for one form's records (all seeds); {@code sign} is +1 when higher is better. */
    public static List<Check> evaluate(String form, List<FeasibilityResult.PolicyRecord> records, int sign) {
        // current practice is valued as its observed outcomes, not estimated: it says nothing about the estimators
        List<FeasibilityResult.PolicyRecord> est = records.stream()
                .filter(r -> !r.policy().equals(FeasibilityResult.OPTIMAL) && !r.policy().equals(CURRENT_PRACTICE)
                        && Double.isFinite(r.dr())).toList();
        double[] dr = est.stream().mapToDouble(FeasibilityResult.PolicyRecord::dr).toArray();
        double[] ipw = est.stream().mapToDouble(FeasibilityResult.PolicyRecord::ipw).toArray();
        double[] truth = est.stream().mapToDouble(FeasibilityResult.PolicyRecord::trueValue).toArray();
        double r = pearson(dr, truth);
        double mae = mae(dr, truth);
        double spread = Stats.sd(truth);
        double se = est.stream().mapToDouble(FeasibilityResult.PolicyRecord::drSe).filter(Double::isFinite)
                .average().orElse(Double.NaN);
        boolean ok1 = r >= MIN_CORRELATION && mae <= MAX_MAE_SHARE * spread;
        List<Check> out = new ArrayList<>();
        out.add(new Check(form, 1, "estimated values track true values", ok1, r, MIN_CORRELATION, String.format(
                Locale.ROOT, "DR vs true over %d policy-seed pairs: Pearson r = %.3f (need >= %.2f), MAE = %.3g "
                        + "(need <= %.2f x SD of true values = %.3g; for scale, the mean bootstrap SE of a DR value "
                        + "is %.3g); "
                        + "IPW: r = %.3f, MAE = %.3g", dr.length, r, MIN_CORRELATION, mae, MAX_MAE_SHARE,
                MAX_MAE_SHARE * spread, se, pearson(ipw, truth), mae(ipw, truth))));

        Map<Integer, List<FeasibilityResult.PolicyRecord>> bySeed = new TreeMap<>();
        records.forEach(x -> bySeed.computeIfAbsent(x.seed(), k -> new ArrayList<>()).add(x));
        double gainSum = 0;
        double pickedRegret = 0;
        double doctorsRegret = 0;
        int seeds = 0;
        List<String> picked = new ArrayList<>();
        for (List<FeasibilityResult.PolicyRecord> rs : bySeed.values()) {
            // the policy the run itself recommended: chosen on the validation split, not by its test value
            FeasibilityResult.PolicyRecord best = rs.stream().filter(FeasibilityResult.PolicyRecord::selected)
                    .findFirst().orElse(null);
            FeasibilityResult.PolicyRecord doc = rs.stream().filter(x -> x.policy().equals(CURRENT_PRACTICE))
                    .findFirst().orElse(null);
            if (best == null || doc == null) {
                continue;
            }
            seeds++;
            picked.add(best.policy().name());
            gainSum += sign * (best.trueValue() - doc.trueValue());
            pickedRegret += best.regret();
            doctorsRegret += doc.regret();
        }
        double gain = seeds == 0 ? Double.NaN : gainSum / seeds;
        pickedRegret = seeds == 0 ? Double.NaN : pickedRegret / seeds;
        doctorsRegret = seeds == 0 ? Double.NaN : doctorsRegret / seeds;
        out.add(new Check(form, 2, "recommended learned policy beats Doctors", gain > 0, gain, 0.0,
                String.format(Locale.ROOT,
                "policy the run recommended in each seed, chosen on the validation split (%s), is better than "
                        + "Doctors in true value by %.3g on "
                        + "average over %d seeds (need > 0)", String.join(", ", picked), gain, seeds)));
        double closed = doctorsRegret > 0 ? 1 - pickedRegret / doctorsRegret : Double.NaN;
        boolean ok3 = pickedRegret <= GAP_FRACTION * doctorsRegret;
        out.add(new Check(form, 3, "recommended learned policy is close to Optimal", ok3, closed, 1 - GAP_FRACTION,
                String.format(Locale.ROOT, "mean regret vs Optimal: picked policy %.3g, Doctors %.3g; the picked "
                        + "policy closes %.0f %% of the Optimal-Doctors gap (need >= %.0f %%)", pickedRegret,
                        doctorsRegret, 100 * closed, 100 * (1 - GAP_FRACTION))));
        return out;
    }

    /** Pearson correlation; NaN when either side is constant or fewer than two pairs. */
    public static double pearson(double[] a, double[] b) {
        if (a.length < 2) {
            return Double.NaN;
        }
        double ma = Stats.mean(a);
        double mb = Stats.mean(b);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : Double.NaN;
    }

    /** Mean absolute difference. */
    public static double mae(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return a.length == 0 ? Double.NaN : s / a.length;
    }
}
