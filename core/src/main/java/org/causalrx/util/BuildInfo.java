package org.causalrx.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Versions this build was made with, from {@code org/causalrx/build.properties}, which Maven fills in from the
 * pom ({@code project.version}, {@code xgboost.version}, {@code maven.compiler.release}) when it builds core.
 * Read once.
 *
 * @param causalrxVersion the project version, e.g. "0.1.0-SNAPSHOT"
 * @param xgboostVersion  the xgboost4j version the build links against
 * @param javaRelease     the Java release the code is compiled for, e.g. "17"
 */
public record BuildInfo(String causalrxVersion, String xgboostVersion, String javaRelease) {
    /** The classpath resource the versions are read from. */
    public static final String RESOURCE = "/org/causalrx/build.properties";

    private static final BuildInfo CURRENT = load();

    public BuildInfo {
        for (String v : new String[] {causalrxVersion, xgboostVersion, javaRelease}) {
            if (v == null || v.isBlank() || v.contains("${")) {
                throw new IllegalStateException(RESOURCE + " was not filled in by the Maven build (got '" + v
                        + "'); build with mvn");
            }
        }
    }

    /** The versions of the running build. */
    public static BuildInfo current() {
        return CURRENT;
    }

    private static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath; build with mvn");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new BuildInfo(p.getProperty("causalrx.version"), p.getProperty("xgboost.version"),
                p.getProperty("java.release"));
    }
}
