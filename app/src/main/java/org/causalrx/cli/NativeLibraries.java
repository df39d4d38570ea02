package org.causalrx.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where DuckDB's native library comes from. In the executable jar it is not embedded (it would be copied to the temp
 * folder on every run) but lies beside the jar as {@code libduckdb_java.so_<os>_<arch>}, which DuckDB loads in place;
 * on a plain class path (tests, IDE) the library jar embeds it and DuckDB unpacks it itself.
 */
public final class NativeLibraries {
    private NativeLibraries() {
    }

    /**
     * XGBoost's library for this platform relative to the folder of the jar, as XGBoost4J lays it out inside its
     * jar, e.g. {@code lib/linux/x86_64/libxgboost4j.so}. Used by app's replacement
     * {@code ml.dmlc.xgboost4j.java.NativeLibLoader} (this class never calls that one: where XGBoost4J's own loader
     * comes first on a class path, as in the bench module's tests, that class is XGBoost's, package-private).
     */
    public static String xgboostPath(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String o = os.contains("windows") ? "windows" : os.contains("mac") ? "macos" : os.contains("linux") ? "linux"
                : os;
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64"
                : arch.equals("arm64") || arch.equals("aarch64") ? "aarch64" : arch;
        return "lib/" + o + "/" + a + "/" + (o.equals("windows") ? "xgboost4j.dll"
                : o.equals("macos") ? "libxgboost4j.dylib" : "libxgboost4j.so");
    }

    /** DuckDB's name for this platform's library, e.g. {@code libduckdb_java.so_linux_amd64}. */
    static String duckDbFileName(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String o = os.contains("windows") ? "windows" : os.contains("mac") ? "osx" : os.contains("linux") ? "linux"
                : os;
        String a = arch.equals("x86_64") || arch.equals("amd64") ? "amd64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : arch;
        return "libduckdb_java.so_" + o + "_" + (o.equals("osx") ? "universal" : a);
    }

    /**
     * A one-line message when DuckDB's library is neither embedded in the class path nor beside the jar that holds
     * DuckDB's classes; empty when it can be loaded (or the jar's folder is unknown).
     */
    static Optional<String> missingDuckDb() {
        String name = duckDbFileName(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        if (NativeLibraries.class.getResource("/" + name) != null) {
            return Optional.empty();
        }
        Path jar;
        try {
            jar = Path.of(Class.forName("org.duckdb.DuckDBDriver", false, NativeLibraries.class.getClassLoader())
                    .getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ReflectiveOperationException | java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty(); // DuckDB reports its own error when it fails to load
        }
        Path file = jar.toAbsolutePath().resolveSibling(name);
        if (Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of("DuckDB's native library " + file + " is missing (it is installed beside "
                + jar.getFileName() + "); rebuild with `mvn -DskipTests package` (bin/causalrx does it when needed)"
                + " or copy " + name + " from the build's app/target folder next to the jar");
    }

    /**
     * A one-line message when XGBoost's native library is neither embedded in the class path nor unpacked beside the
     * jar that holds XGBoost's classes ({@code lib/<os>/<arch>/}, where the executable jar's loader looks); empty
     * when it can be loaded.
     */
    static Optional<String> missingXgboost() {
        String rel = xgboostPath(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        if (NativeLibraries.class.getResource("/" + rel) != null) {
            return Optional.empty();
        }
        Path jar;
        try {
            jar = Path.of(Class.forName("ml.dmlc.xgboost4j.java.XGBoostJNI", false,
                    NativeLibraries.class.getClassLoader()).getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
        } catch (ReflectiveOperationException | java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        Path file = jar.toAbsolutePath().resolveSibling(rel);
        if (Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of("XGBoost's native library " + file + " is missing (it is installed beside "
                + jar.getFileName() + "); rebuild with `mvn -DskipTests package` (bin/causalrx does it when needed)"
                + " or copy the build's app/target/lib folder next to the jar");
    }
}
