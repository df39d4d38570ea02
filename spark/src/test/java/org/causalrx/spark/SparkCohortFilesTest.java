package org.causalrx.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data folder is read as its data files sorted by name, whatever order the directory lists them in. */
class SparkCohortFilesTest {
    @Test
    void folderFilesSortedByNameWithoutMarkers(@TempDir Path dir) throws IOException {
        for (String name : new String[] {"part-00002.parquet", "_SUCCESS", ".part-00000.parquet.crc",
                "part-00000.parquet", "part-00001.parquet"}) {
            Files.writeString(dir.resolve(name), "x");
        }
        Files.createDirectory(dir.resolve("sub"));
        assertArrayEquals(new String[] {dir.resolve("part-00000.parquet").toString(),
                dir.resolve("part-00001.parquet").toString(), dir.resolve("part-00002.parquet").toString()},
                SparkCohort.dataFiles(dir));
        Path file = dir.resolve("part-00001.parquet");
        assertArrayEquals(new String[] {file.toString()}, SparkCohort.dataFiles(file));
        Path remote = Path.of("no-such-folder", "cohort.parquet");
        assertArrayEquals(new String[] {remote.toString()}, SparkCohort.dataFiles(remote));
    }
}
