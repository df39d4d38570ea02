package ml.dmlc.xgboost4j.java;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.causalrx.cli.NativeLibraries;

/**
 * CausalRx's loader for XGBoost4J's native library, in place of the library's own class of this name (the
 * executable jar leaves that one out; see app/pom.xml). XGBoost4J's loader copies the library embedded in its jar to
 * a new temp file on every start; this one loads the copy the build unpacked beside the executable jar
 * ({@code lib/<os>/<arch>/libxgboost4j.so}), so nothing is written per run. Only where no such file exists (a plain
 * class path: tests, an IDE) does it copy the embedded library to a temp file, deleted on exit, as XGBoost4J does.
 * {@code XGBoostJNI} calls {@link #initXGBoost()} once, from its static initialiser; loading the same file twice is a
 * no-op of {@link System#load}.
 */
final class NativeLibLoader {
    private NativeLibLoader() {
    }

    /** The library's path relative to the folder of the jar that holds this class, e.g. lib/linux/x86_64/... */
    static String relativePath(String osName, String osArch) {
        return NativeLibraries.xgboostPath(osName, osArch);
    }

    /** The unpacked library beside the jar (or class folder) holding this class; it may not exist. */
    static Path besideJar(String relative) {
        try {
            Path codeSource = Path.of(NativeLibLoader.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()).toAbsolutePath();
            return codeSource.resolveSibling(relative);
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of(relative).toAbsolutePath();
        }
    }

    static synchronized void initXGBoost() throws IOException {
        String relative = relativePath(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        Path beside = besideJar(relative);
        if (Files.isRegularFile(beside)) {
            System.load(beside.toString());
            return;
        }
        try (InputStream in = NativeLibLoader.class.getResourceAsStream("/" + relative)) {
            if (in == null) {
                throw new IOException("XGBoost's native library is neither at " + beside + " nor inside the jar ("
                        + relative + "); rebuild with `mvn -DskipTests package` (bin/causalrx does it when needed)");
            }
            String name = relative.substring(relative.lastIndexOf('/') + 1);
            Path tmp = Files.createTempFile("causalrx-", "-" + name);
            tmp.toFile().deleteOnExit();
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            System.load(tmp.toString());
        }
    }
}
