package org.causalrx.report;

import java.util.List;

import org.causalrx.verdict.ExitPoints;

/** The feasibility verdict box under the summary: every exit point with its status. Formats only. */
final class ExitPointBox {
    private ExitPointBox() {
    }

    static void render(StringBuilder b, List<ExitPoints.ExitPoint> exits) {
        if (exits == null || exits.isEmpty()) {
            return;
        }
        boolean stop = exits.stream().anyMatch(e -> e.status().equals("exit"));
        b.append("<section class=\"summary\" id=\"feasibility\"><h2>Feasibility verdict</h2>\n<p>")
                .append(stop ? Html.badge("warn", "exit point reached")
                        + " The framework's exit points say this analysis should not go to clinicians as it is."
                        : Html.badge("good", "no exit point reached") + " Go on, reading the warnings below.")
                .append("</p>\n");
        Html.Table t = new Html.Table(List.of("Step", "Status", "Finding", "What to do next"), false, false, false,
                false);
        for (ExitPoints.ExitPoint e : exits) {
            String cls = e.status().equals("exit") ? "warn" : null;
            String badge = switch (e.status()) {
                case "exit" -> Html.badge("warn", "exit");
                case "warning" -> Html.badge("warn", "warning");
                case "ok" -> Html.badge("good", "ok");
                default -> Html.text(e.status());
            };
            t.row(cls, Html.text(e.step()), badge, Html.text(e.finding()), Html.text(e.next()));
        }
        b.append(t.html()).append("</section>\n");
    }
}
