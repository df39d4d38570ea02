package org.causalrx.pipeline;

/**
 * {@link TwoArmEquivalenceTest} on the NHEFS death study (quitting smoking, death by 1992: a binary outcome, lower
 * better), so the outcome models are classifiers.
 */
class TwoArmEquivalenceDeathTest extends TwoArmEquivalenceTest {
    @Override
    String studyFile() {
        return "study.yaml";
    }
}
