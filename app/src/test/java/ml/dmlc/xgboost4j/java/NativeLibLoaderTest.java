package ml.dmlc.xgboost4j.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** CausalRx's XGBoost loader: the library's path per platform, and that XGBoost works through it. */
class NativeLibLoaderTest {

    @Test
    void thePathFollowsXgboostsLayoutInsideItsJar() {
        assertEquals("lib/linux/x86_64/libxgboost4j.so", NativeLibLoader.relativePath("Linux", "amd64"));
        assertEquals("lib/linux/aarch64/libxgboost4j.so", NativeLibLoader.relativePath("Linux", "aarch64"));
        assertEquals("lib/macos/aarch64/libxgboost4j.dylib", NativeLibLoader.relativePath("Mac OS X", "arm64"));
        assertEquals("lib/windows/x86_64/xgboost4j.dll", NativeLibLoader.relativePath("Windows 11", "amd64"));
        // the embedded library of this platform is where the path says (the fallback copies it from there)
        assertNotNull(NativeLibLoader.class.getResource("/" + NativeLibLoader.relativePath(
                System.getProperty("os.name"), System.getProperty("os.arch"))));
    }

    @Test
    void xgboostLoadsThroughThisLoaderAndLoadingTwiceIsHarmless() throws Exception {
        // this module's class shadows XGBoost4J's own on the class path, as it replaces it in the executable jar
        assertSame(NativeLibLoader.class, Class.forName("ml.dmlc.xgboost4j.java.NativeLibLoader"));
        NativeLibLoader.initXGBoost();
        NativeLibLoader.initXGBoost();
        DMatrix m = new DMatrix(new float[] {1, 2, 3, 4}, 2, 2, Float.NaN);
        assertEquals(2, m.rowNum());
        m.dispose();
    }
}
