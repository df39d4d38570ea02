package org.causalrx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** DuckDB's native-library names per platform, and the check on the plain class path (library embedded). */
class NativeLibrariesTest {
    @Test
    void namesFollowDuckDb() {
        assertEquals("libduckdb_java.so_linux_amd64", NativeLibraries.duckDbFileName("Linux", "amd64"));
        assertEquals("libduckdb_java.so_linux_amd64", NativeLibraries.duckDbFileName("Linux", "x86_64"));
        assertEquals("libduckdb_java.so_linux_arm64", NativeLibraries.duckDbFileName("Linux", "aarch64"));
        assertEquals("libduckdb_java.so_osx_universal", NativeLibraries.duckDbFileName("Mac OS X", "aarch64"));
        assertEquals("libduckdb_java.so_windows_amd64", NativeLibraries.duckDbFileName("Windows 11", "amd64"));
    }

    @Test
    void thisPlatformsLibraryIsTheOneDuckDbEmbeds() {
        String name = NativeLibraries.duckDbFileName(System.getProperty("os.name"), System.getProperty("os.arch"));
        assertNotNull(NativeLibraries.class.getResource("/" + name), name + " on the class path");
        assertTrue(NativeLibraries.missingDuckDb().isEmpty());
    }
}
