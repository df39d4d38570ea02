package org.causalrx.nn;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.djl.engine.Engine;

/**
 * Makes DJL run offline, single-threaded and with a project-local cache before its engine first loads. DJL
 * reads these settings from JVM system properties at engine start, so this sets process-wide properties — but
 * only those not already given (by {@code -D}, the environment, Surefire or {@code bin/causalrx}), and always to
 * the same values, so calling it again is harmless:
 * <ul>
 *   <li>{@code ai.djl.offline=true}: never download; the PyTorch native library comes from the
 *       {@code pytorch-native-cpu} jar on the class path;</li>
 *   <li>{@code ai.djl.pytorch.num_threads=1}, {@code ai.djl.pytorch.num_interop_threads=1}: small nets are
 *       fastest (and reproducible) on one thread;</li>
 *   <li>{@code DJL_CACHE_DIR} / {@code ENGINE_CACHE_DIR}: {@code djl-cache} next to the jar or class folder this
 *       code was loaded from (e.g. {@code app/target/djl-cache}), where the native library is unpacked.</li>
 * </ul>
 */
final class DjlRuntime {
    private DjlRuntime() {
    }

    /** Sets the properties above (where unset) and returns the PyTorch engine. */
    static synchronized Engine pytorch() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
            Path cache = localCache();
            System.setProperty("DJL_CACHE_DIR", cache.toString());
            if (System.getenv("ENGINE_CACHE_DIR") == null) {
                setIfAbsent("ENGINE_CACHE_DIR", cache.toString());
            }
        }
        return Engine.getEngine("PyTorch");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static Path localCache() {
        try {
            Path where = Path.of(DjlRuntime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(where) ? where.getParent() : where.toAbsolutePath().getParent();
            return dir.resolve("djl-cache");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of(System.getProperty("java.io.tmpdir"), "causalrx-djl-cache");
        }
    }
}
