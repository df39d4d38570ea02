package org.causalrx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} on a three-arm study writes model/; {@code recommend} with it writes one row per patient. */
@Tag("slow")
class MultiArmRecommendCommandTest {
    @TempDir
    Path dir;

    @Test
    void runWritesTheKArmBundleAndRecommendAppliesIt() throws Exception {
        Files.writeString(dir.resolve("data.csv"), MultiArmRunCommandTest.csv(900, 1));
        Files.writeString(dir.resolve("study.yaml"), MultiArmRunCommandTest.study("t_ridge"));
        Path out = dir.resolve("run");
        String console = BadInputMatrixTest.stdout(() -> assertEquals(0,
                Main.execute("run", dir.resolve("study.yaml").toString(), "--out", out.toString())));
        assertTrue(console.contains("model bundle: policy t_ridge over 3 arms"), console);
        assertTrue(Files.isRegularFile(out.resolve("model/manifest.json")));
        Path in = Files.writeString(dir.resolve("new.csv"), "id,age,score\nn1,0.1,2\nn2,0.2,-2\nn3,x,0\n");
        Path recs = dir.resolve("recs.csv");
        String said = BadInputMatrixTest.stdout(() -> assertEquals(0, Main.execute("recommend", "--model",
                out.resolve("model").toString(), "--input", in.toString(), "--out", recs.toString())));
        assertTrue(said.contains("2 of 3 patients scored"), said);
        List<String> lines = Files.readAllLines(recs);
        assertEquals("id,recommendation,arm_code,reason,effect_down_vs_keep,effect_up_vs_keep,propensity_keep,"
                + "propensity_down,propensity_up,error", lines.get(0));
        // lower outcomes are better: "down" helps where score > 0, "up" where score < 0
        assertTrue(lines.get(1).startsWith("n1,decrease,down,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("n2,increase,up,"), lines.get(2));
        assertTrue(lines.get(3).startsWith("n3,,,,,,,,,") && lines.get(3).contains("'x' is not a number"),
                lines.get(3));
    }
}
