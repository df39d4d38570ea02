package org.causalrx.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.bundle.ModelBundle;
import org.causalrx.bundle.MultiArmBundle;
import org.causalrx.bundle.MultiArmRecommender;
import org.causalrx.bundle.Recommender;
import org.causalrx.data.Table;
import org.causalrx.result.Arms;

/**
 * Scores a table of patients with a loaded bundle through {@link Recommender} or {@link MultiArmRecommender}, the
 * code {@code causalrx recommend} runs, so both give the same answers.
 */
sealed interface Scorer permits Scorer.TwoArm, Scorer.MultiArm {

    /**
     * The rows scored and the problems of the rows that were not (an unknown category, a number beyond the models'
     * range, ...).
     *
     * @param rows     one per scored patient, in input order (empty when some patient could not be scored)
     * @param problems rows not scored, by column and kind
     */
    record Scored(List<PatientRecommendation> rows, List<Recommender.Problem> problems) {
        public Scored {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }
    }

    /** Scores every row of {@code patients}, which has every column of the bundle's schema. */
    Scored score(Table patients);

    /** A two-arm bundle. */
    record TwoArm(ModelBundle bundle) implements Scorer {
        @Override
        public Scored score(Table patients) {
            Recommender.Result r = Recommender.apply(bundle, patients);
            List<PatientRecommendation> out = new ArrayList<>();
            for (Recommender.Row row : r.rows()) {
                if (row.arm() != null) {
                    String code = row.arm() < 0 ? null : bundle.armCodes().get(row.arm());
                    out.add(new PatientRecommendation(row.id(), row.recommendation(), code, row.reason(),
                            row.cate(), PatientRecommendation.orNull(row.lo()), PatientRecommendation.orNull(row.hi()),
                            row.propensity(), Map.of(), Map.of()));
                }
            }
            return new Scored(r.problems().isEmpty() ? out : List.of(), r.problems());
        }
    }

    /** A bundle of K ≥ 3 arms. */
    record MultiArm(MultiArmBundle bundle) implements Scorer {
        @Override
        public Scored score(Table patients) {
            MultiArmRecommender.Result r = MultiArmRecommender.apply(bundle, patients);
            Arms arms = bundle.arms();
            List<PatientRecommendation> out = new ArrayList<>();
            for (MultiArmRecommender.Row row : r.rows()) {
                if (row.arm() == null) {
                    continue;
                }
                double[] tau = row.effects();
                double[] e = row.propensity();
                Map<String, Double> effects = new LinkedHashMap<>();
                for (int a : arms.nonReference()) {
                    effects.put(arms.code(a), tau[a]);
                }
                Map<String, Double> props = new LinkedHashMap<>();
                for (int a = 0; a < arms.size(); a++) {
                    props.put(arms.code(a), e[a]);
                }
                out.add(new PatientRecommendation(row.id(), row.recommendation(),
                        row.armCode().isEmpty() ? null : row.armCode(), row.reason(), null, null, null, null,
                        effects, props));
            }
            return new Scored(r.problems().isEmpty() ? out : List.of(), r.problems());
        }
    }
}
