package org.causalrx.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.causalrx.causal.OutcomeAware;
import org.causalrx.causal.forest.MultiArmCausalForest;
import org.causalrx.estimators.ConfiguredEstimator;
import org.causalrx.estimators.EstimatorRegistry;
import org.causalrx.estimators.MultiArmEstimators;
import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Test;

/**
 * With nn on the class path, {@link MultiArmEstimators} finds the K-arm neural estimators through the provider SPI:
 * under the binary names, after the built-in variants, built from the study's {@link NnSettings}.
 */
class MultiArmRegistrationTest {
    private static final List<String> NEURAL = List.of("tarnet", "dragonnet", "xmultitask");

    @Test
    void neuralNamesFollowTheBuiltInVariants() {
        for (String n : NEURAL) {
            assertTrue(MultiArmEstimators.supports(n), n);
        }
        List<String> names = MultiArmEstimators.names();
        assertEquals(NEURAL, names.subList(names.size() - 3, names.size()));
        assertEquals("t_xgboost", names.get(0));
        assertFalse(MultiArmEstimators.supports("r_xgboost"));
        assertInstanceOf(MultiArmCausalForest.class, MultiArmEstimators.of("causal_forest", null));
    }

    @Test
    void variantsAreTheKArmNetsWithTheStudySettings() {
        assertInstanceOf(MultiArmTarNet.class, MultiArmEstimators.of("tarnet", OutcomeAware.Kind.CONTINUOUS));
        assertInstanceOf(MultiArmDragonNet.class, MultiArmEstimators.of("dragonnet", null));
        assertInstanceOf(MultiArmXMultiTask.class, MultiArmEstimators.of("xmultitask", OutcomeAware.Kind.BINARY));
        ConfiguredEstimator c = EstimatorRegistry.load().entry("dragonnet").configure(Map.of("hidden", 8L));
        assertEquals("dragonnet", MultiArmEstimators.of(c, null).name());
        CausalRxException wrong = assertThrows(CausalRxException.class,
                () -> MultiArmEstimators.of("tarnet", "not settings", null));
        assertTrue(wrong.getMessage().contains("NnSettings"), wrong.getMessage());
        CausalRxException none = assertThrows(CausalRxException.class,
                () -> MultiArmEstimators.of("r_xgboost", null));
        assertTrue(none.getMessage().contains("tarnet"), none.getMessage());
    }
}
