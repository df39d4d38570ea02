package org.causalrx.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.causalrx.pipeline.ResultsJson;
import org.causalrx.study.Study;
import org.junit.jupiter.api.Test;

/** Policy names, deferral sets, baselines and statuses read and write the text results.json has always had. */
class PolicyIdTest {

    @Test
    void namesRoundTripThroughParse() {
        for (String name : List.of("doctors", "random", "propensity", "treat_all_1", "t_xgboost", "consensus",
                "t_xgboost@inclusive", "t_ridge@conservative", "average@inclusive")) {
            assertEquals(name, PolicyId.parse(name).name());
        }
        PolicyId p = PolicyId.parse("t_xgboost@conservative");
        assertEquals("t_xgboost", p.estimator());
        assertEquals(DeferralSet.CONSERVATIVE, p.set());
        assertEquals("t_xgboost@inclusive", p.with(DeferralSet.INCLUSIVE).name());
        assertEquals("t_xgboost", p.with(DeferralSet.NONE).name());
        assertEquals(DeferralSet.NONE, PolicyId.parse("t_xgboost").set());
    }

    @Test
    void unknownOrEmptySetsAndBadEstimatorsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PolicyId.parse("t_xgboost@strict"));
        assertThrows(IllegalArgumentException.class, () -> PolicyId.parse("t_xgboost@"));
        assertThrows(IllegalArgumentException.class, () -> PolicyId.parse("@inclusive"));
        assertThrows(IllegalArgumentException.class, () -> new PolicyId("a@b", DeferralSet.NONE));
    }

    @Test
    void kindsFollowTheBaselineListAndTheConsensusName() {
        assertEquals(PolicyKind.BASELINE, PolicyId.kindOf("doctors"));
        assertEquals(PolicyKind.BASELINE, PolicyId.kindOf("treat_all_0"));
        assertEquals(PolicyKind.CONSENSUS, PolicyId.kindOf("consensus"));
        assertEquals(PolicyKind.LEARNED, PolicyId.kindOf("t_ridge@conservative"));
        assertEquals(PolicyKind.LEARNED, PolicyId.kindOf("randomforest"), "a prefix of a baseline is not one");
        assertTrue(PolicyKind.CONSENSUS.learned());
        assertFalse(PolicyKind.BASELINE.learned());
        assertEquals(Optional.of(Baseline.TREAT_ALL), Baseline.of(Baseline.treatAll("1")));
        assertTrue(Baseline.DOCTORS.is("doctors"));
        assertFalse(Baseline.DOCTORS.is("doctors@inclusive"));
    }

    @Test
    void jacksonWritesTheLowerCaseText() throws Exception {
        var m = ResultsJson.mapper();
        assertEquals("\"t_ridge@conservative\"", m.writeValueAsString(PolicyId.parse("t_ridge@conservative")));
        assertEquals("\"inclusive\"", m.writeValueAsString(DeferralSet.INCLUSIVE));
        assertEquals("\"not run\"", m.writeValueAsString(ExitStatus.NOT_RUN));
        assertEquals("\"lower\"", m.writeValueAsString(Study.Direction.LOWER));
        assertEquals("\"categorical\"", m.writeValueAsString(Study.OutcomeType.CATEGORICAL));
    }
}
