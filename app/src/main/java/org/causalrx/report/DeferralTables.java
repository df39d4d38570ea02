package org.causalrx.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.causalrx.pipeline.DeferralResult;
import org.causalrx.pipeline.RunResult;

/**
 * CSV tables of the deferral section: {@code deferral_sets.csv}, {@code deferral_reasons.csv} (test patients per
 * set by reason: outside overlap, statistical, causal, recommended) and {@code deferral_sweep.csv}.
 */
final class DeferralTables {
    private DeferralTables() {
    }

    static List<String> write(RunResult r, Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        List<List<String>> sets = new ArrayList<>();
        sets.add(List.of("policy", "set", "deferred_share", "outside_overlap_share", "uncertain_share",
                "mean_stat_width", "mean_bounds_width", "mean_joint_width"));
        for (DeferralResult.SetSummary s : r.deferral().sets()) {
            sets.add(List.of(s.policy().name(), s.set().key(), Fmt.raw(s.deferredShare()),
                    Fmt.raw(s.outsideOverlapShare()),
                    Fmt.raw(s.uncertainShare()), Fmt.raw(s.meanStatWidth()), Fmt.raw(s.meanBoundsWidth()),
                    Fmt.raw(s.meanJointWidth())));
        }
        names.add(CsvTables.writeTable(dir, "deferral_sets.csv", sets));
        List<List<String>> reasons = new ArrayList<>();
        reasons.add(List.of("policy", "set", "patients", "outside_overlap", "statistical", "causal", "recommended"));
        for (DeferralResult.SetSummary s : r.deferral().sets()) {
            reasons.add(List.of(s.policy().name(), s.set().key(), Integer.toString(s.reasons().patients()),
                    Integer.toString(s.reasons().outsideOverlap()), Integer.toString(s.reasons().statistical()),
                    Integer.toString(s.reasons().causal()), Integer.toString(s.reasons().recommended())));
        }
        names.add(CsvTables.writeTable(dir, "deferral_reasons.csv", reasons));
        if (r.deferralSweep() != null) {
            List<List<String>> sweep = new ArrayList<>();
            sweep.add(List.of("policy", "alpha_stat", "lambda", "deferral_rate", "value_dr", "treated_share"));
            for (DeferralResult.SweepPoint p : r.deferralSweep()) {
                sweep.add(List.of(p.policy().name(), Fmt.raw(p.alphaStat()), Fmt.raw(p.lambda()),
                        Fmt.raw(p.deferralRate()),
                        Fmt.raw(p.valueDr()), Fmt.raw(p.treatedShare())));
            }
            names.add(CsvTables.writeTable(dir, "deferral_sweep.csv", sweep));
        }
        return names;
    }
}
