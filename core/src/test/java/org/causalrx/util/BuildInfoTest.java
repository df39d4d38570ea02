package org.causalrx.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The versions in a run's provenance come from the Maven build, and the xgboost one is the jar actually used. */
class BuildInfoTest {

    @Test
    void versionsAreTheFilteredBuildProperties() throws Exception {
        Properties p = load(BuildInfo.RESOURCE);
        BuildInfo b = BuildInfo.current();
        assertFalse(b.causalrxVersion().isBlank());
        assertEquals(p.getProperty("causalrx.version"), b.causalrxVersion());
        assertEquals(p.getProperty("xgboost.version"), b.xgboostVersion());
        assertEquals(p.getProperty("java.release"), b.javaRelease());
    }

    @Test
    void theXgboostVersionIsTheOneOnTheClasspath() throws Exception {
        Properties jar = load("/META-INF/maven/ml.dmlc/xgboost4j_2.12/pom.properties");
        assertEquals(jar.getProperty("version"), BuildInfo.current().xgboostVersion());
    }

    private static Properties load(String resource) throws Exception {
        try (InputStream in = BuildInfoTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " on the classpath");
            Properties p = new Properties();
            p.load(in);
            return p;
        }
    }
}
