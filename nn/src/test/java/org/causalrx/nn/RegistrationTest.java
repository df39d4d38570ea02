package org.causalrx.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.causalrx.pipeline.Estimators;
import org.junit.jupiter.api.Test;

/** The neural estimators join the catalogue through the ServiceLoader SPI, under their stable names. */
class RegistrationTest {
    @Test
    void catalogueFindsTheNeuralEstimators() {
        assertTrue(Estimators.names().containsAll(java.util.List.of("tarnet", "dragonnet", "xmultitask")));
        assertInstanceOf(TarNet.class, Estimators.byName("tarnet"));
        assertInstanceOf(DragonNet.class, Estimators.byName("dragonnet"));
        assertInstanceOf(XMultiTask.class, Estimators.byName("xmultitask"));
        assertEquals("xmultitask", Estimators.byName("xmultitask").name());
    }
}
