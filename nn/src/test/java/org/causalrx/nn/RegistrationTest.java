package org.causalrx.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.causalrx.estimators.ConfiguredEstimator;
import org.causalrx.estimators.EstimatorKind;
import org.causalrx.estimators.EstimatorRegistry;
import org.causalrx.estimators.ParamException;
import org.junit.jupiter.api.Test;

/** The neural estimators join the registry through the ServiceLoader SPI, under their stable names and settings. */
class RegistrationTest {
    @Test
    void registryFindsTheNeuralEstimators() {
        EstimatorRegistry r = EstimatorRegistry.load();
        assertTrue(r.names().containsAll(List.of("tarnet", "dragonnet", "xmultitask")));
        assertInstanceOf(TarNet.class, r.create("tarnet"));
        assertInstanceOf(DragonNet.class, r.create("dragonnet"));
        assertInstanceOf(XMultiTask.class, r.create("xmultitask"));
        assertEquals("xmultitask", r.create("xmultitask").name());
        assertEquals(EstimatorKind.NEURAL, r.entry("tarnet").kind());
    }

    @Test
    void studyParamsReachTheNetSettings() {
        EstimatorRegistry r = EstimatorRegistry.load();
        ConfiguredEstimator c = r.entry("dragonnet").configure(Map.of("members", 1L, "hidden", 16L,
                "max_epochs", 5L, "learning_rate", 0.01));
        NnSettings s = (NnSettings) c.settings();
        assertEquals(1, s.members());
        assertEquals(16, s.hidden());
        assertEquals(5, s.maxEpochs());
        assertEquals(0.01, s.learningRate());
        assertEquals(NnSettings.defaults().headHidden(), s.headHidden());
        assertEquals(NnSettings.defaults(), r.entry("tarnet").configure(Map.of()).settings());
        ParamException bad = assertThrows(ParamException.class,
                () -> r.entry("tarnet").configure(Map.of("members", 0L)));
        assertEquals("members", bad.key());
        assertEquals("hidden", assertThrows(ParamException.class,
                () -> r.entry("tarnet").configure(Map.of("hidden", 2.5))).key());
    }
}
