package org.causalrx.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.causalrx.bundle.ModelBundle;
import org.causalrx.bundle.MultiArmBundle;
import org.causalrx.bundle.MultiArmRecommender;
import org.causalrx.bundle.Recommender;
import org.causalrx.data.TableReader;
import org.causalrx.policy.DecisionRule;
import org.causalrx.result.Arms;
import org.causalrx.util.CausalRxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Applies a run's model bundle to new patients: one row per input patient with the recommendation (arm label or
 * DEFER), the reason, the CATE, the joint interval (filled for a Conservative bundle, empty for an Inclusive one), the
 * propensity, and an error for rows that could not be scored. A bundle of a study with K ≥ 3 arms gives instead the
 * arm's label and code, the effect of each non-reference arm against the reference and each arm's propensity. The
 * output file is written atomically.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Recommend a treatment (or DEFER) for new patients with a run's model bundle.")
final class RecommendCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "the model folder a run wrote (DIR/model)")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "CSV", description = "new patients, CSV or Parquet")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "CSV", description = "where to write the recommendations")
    Path out;

    @Option(names = OutputTarget.FLAG, description = "replace CSV when it is an earlier recommendations file (its "
            + "first line is the header below); anything else is never replaced")
    boolean overwrite;

    static final String HEADER = "id,recommendation,reason,cate,interval_lo,interval_hi,propensity,error";
    /** The start of the header of a K-arm bundle's recommendations (effect and propensity columns per arm follow). */
    static final String MULTI_ARM_HEADER = "id,recommendation,arm_code,reason,";

    @Override
    public Integer call() {
        OutputTarget where = new OutputTarget(out, OutputKind.RECOMMENDATIONS_CSV, overwrite, "recommend",
                java.util.List.of(input, model));
        where.check();
        if (MultiArmBundle.isMultiArm(model)) {
            return multiArm(where);
        }
        ModelBundle bundle = ModelBundle.load(model);
        org.causalrx.data.Table table = TableReader.read(input, "--input");
        Recommender.Result r = Recommender.apply(bundle, table);
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (Recommender.Row row : r.rows()) {
            csv.append(cell(row.id())).append(',').append(cell(row.recommendation())).append(',')
                    .append(cell(row.reason())).append(',').append(num(row.cate())).append(',')
                    .append(num(row.lo())).append(',').append(num(row.hi())).append(',')
                    .append(num(row.propensity())).append(',').append(cell(row.error())).append('\n');
        }
        OutputFile.write(where, csv.toString());
        long scored = r.scored();
        long deferred = r.rows().stream().filter(x -> x.arm() != null && x.arm() < 0).count();
        System.out.printf(Locale.ROOT, "policy %s (%s deferral set): %d of %d patients scored, %d deferred%n",
                bundle.policy(), bundle.deferralSet(), scored, r.rows().size(), deferred);
        if (!bundle.rule().isSignRule()) {
            System.out.println("decision rule: keep '" + bundle.armLabels().get(bundle.rule().defaultArm())
                    + "' unless '" + bundle.armLabels().get(bundle.rule().otherArm()) + "' is predicted to be better "
                    + "by more than the margin " + DecisionRule.number(bundle.rule().margin()) + " (outcome units)");
        }
        org.causalrx.bundle.InputWarnings.of(bundle, table).forEach(w -> System.out.println("warning: " + w));
        for (String note : r.notes()) {
            System.out.println("note: " + note);
        }
        for (Recommender.Problem p : r.problems()) {
            System.out.println("not scored: " + input.getFileName() + ": " + p.what() + " (rows "
                    + Recommender.rowList(p.rows()) + ")");
        }
        System.out.println("wrote " + out);
        if (scored == 0) {
            throw new CausalRxException(input + ": no row could be scored (see the list above and the 'error' column "
                    + "of " + out + "); fix those values and run again");
        }
        return 0;
    }

    /**
     * A K-arm bundle: per patient the recommended arm's label and code (or DEFER), the reason, the effect of each
     * non-reference arm against the reference, each arm's propensity, and the error of a row not scored.
     */
    private Integer multiArm(OutputTarget where) {
        MultiArmBundle bundle = MultiArmBundle.load(model);
        org.causalrx.data.Table table = TableReader.read(input, "--input");
        MultiArmRecommender.Result r = MultiArmRecommender.apply(bundle, table);
        Arms arms = bundle.arms();
        StringBuilder csv = new StringBuilder(MULTI_ARM_HEADER.substring(0, MULTI_ARM_HEADER.length() - 1));
        for (int a : arms.nonReference()) {
            csv.append(',').append(cell("effect_" + arms.code(a) + "_vs_" + arms.code(Arms.REFERENCE)));
        }
        for (int a = 0; a < arms.size(); a++) {
            csv.append(',').append(cell("propensity_" + arms.code(a)));
        }
        csv.append(",error\n");
        for (MultiArmRecommender.Row row : r.rows()) {
            csv.append(cell(row.id())).append(',').append(cell(row.recommendation())).append(',')
                    .append(cell(row.armCode())).append(',').append(cell(row.reason()));
            double[] tau = row.effects();
            double[] e = row.propensity();
            for (int a : arms.nonReference()) {
                csv.append(',').append(tau.length == 0 ? "" : num(tau[a]));
            }
            for (int a = 0; a < arms.size(); a++) {
                csv.append(',').append(e.length == 0 ? "" : num(e[a]));
            }
            csv.append(',').append(cell(row.error())).append('\n');
        }
        OutputFile.write(where, csv.toString());
        long scored = r.scored();
        long deferred = r.rows().stream().filter(x -> x.arm() != null && x.arm() < 0).count();
        System.out.printf(Locale.ROOT, "policy %s over %d arms (reference '%s'): %d of %d patients scored, "
                + "%d deferred%n", bundle.policy(), arms.size(), arms.label(Arms.REFERENCE), scored, r.rows().size(),
                deferred);
        org.causalrx.bundle.InputWarnings.of(bundle, table).forEach(w -> System.out.println("warning: " + w));
        r.notes().forEach(note -> System.out.println("note: " + note));
        for (Recommender.Problem p : r.problems()) {
            System.out.println("not scored: " + input.getFileName() + ": " + p.what() + " (rows "
                    + Recommender.rowList(p.rows()) + ")");
        }
        System.out.println("wrote " + out);
        if (scored == 0) {
            throw new CausalRxException(input + ": no row could be scored (see the list above and the 'error' column "
                    + "of " + out + "); fix those values and run again");
        }
        return 0;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /** RFC 4180 quoting when needed. */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
