package org.causalrx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code run} on the three-arm dose simulation of {@link MultiArmRunCommandTest} ("down" helps where score &gt; 0,
 * "up" where score &lt; 0, lower is better; the run shared through {@link MultiArmRunFixture}): the insights reach
 * results.json, the tables, the figures and the report, and they show what the simulation built in.
 */
@Tag("slow")
class MultiArmInsightsRunTest {
    @Test
    void insightsOfAThreeArmRunShowTheBuiltInEffects() throws Exception {
        Path out = MultiArmRunFixture.get().out();
        JsonNode r = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        JsonNode in = r.get("insights");
        int nTest = 0;
        for (JsonNode a : r.get("arms")) {
            nTest += a.get("n_test").asInt();
        }
        // win matrix: the selected policy against treat-all of each arm
        List<String> names = new ArrayList<>();
        in.get("policies").forEach(p -> names.add(p.asText()));
        String selected = in.get("selected_policy").asText();
        int s = names.indexOf(selected);
        for (String all : List.of("treat_all_keep", "treat_all_down", "treat_all_up")) {
            int j = names.indexOf(all);
            assertTrue(j >= 0, names.toString());
            assertTrue(in.get("win_share_dr").get(s).get(j).asDouble() > 0.9, selected + " vs " + all + ": "
                    + in.get("win_share_dr").get(s));
        }
        // rank graph of "down": ranking by a model beats a random ranking at half given
        JsonNode down = in.get("rank_graphs").get(0);
        assertEquals("down", down.get("arm").asText());
        JsonNode curves = down.get("curves");
        double model = curves.get(0).get("value").get(25).asDouble();
        double random = curves.get(curves.size() - 1).get("value").get(25).asDouble();
        assertEquals("random", curves.get(curves.size() - 1).get("name").asText());
        assertTrue(model < random - 0.3, "lower is better: " + model + " vs random " + random);
        // outcome tree and recommended arms cover the test split
        int leaves = 0;
        for (JsonNode nd : in.get("outcome_tree")) {
            leaves += nd.get("arm").asText().equals("all") || nd.get("group").asText().equals("all") ? 0
                    : nd.get("n").asInt();
        }
        assertEquals(nTest, leaves);
        assertEquals(13, in.get("outcome_tree").size());
        int recommended = in.get("deferred").asInt();
        for (JsonNode a : in.get("recommended_arms")) {
            recommended += a.get("n").asInt();
        }
        assertEquals(nTest, recommended);
        assertEquals(3, in.get("propensity_histograms").size());
        for (String t : List.of("win_matrix_dr.csv", "win_matrix_ipw.csv", "rank_graph.csv", "outcome_tree.csv",
                "recommended_arms.csv", "recommended_arm_1_profile.csv", "propensity_histograms.csv")) {
            assertTrue(Files.exists(out.resolve("tables").resolve(t)), t);
        }
        for (String f : List.of("win_matrix_dr", "rank_graph_arm_1", "rank_graph_arm_2", "outcome_tree",
                "propensity_arm_0", "propensity_arm_2")) {
            assertTrue(Files.size(out.resolve("figures").resolve(f + ".png")) > 1000, f);
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("5. Policy insights") && html.contains("Outcome tree of"), "report sections");
        assertTrue(html.contains("fig-propensity_arm_1") && html.contains("fig-rank_graph_arm_2"), "figures placed");
    }
}
