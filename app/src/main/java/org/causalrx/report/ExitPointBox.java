package org.causalrx.report;

import java.util.List;

import org.causalrx.result.ExitStatus;
import org.causalrx.verdict.ExitPoints;

/** The feasibility verdict box under the summary: every exit point with its status. Formats only. */
final class ExitPointBox {
    private ExitPointBox() {
    }

    static void render(StringBuilder b, List<ExitPoints.ExitPoint> exits) {
        if (exits == null || exits.isEmpty()) {
            return;
        }
        boolean stop = exits.stream().anyMatch(e -> e.status() == ExitStatus.EXIT);
        b.append("<section class=\"summary\" id=\"feasibility\"><h2>Feasibility verdict</h2>\n<p>")
                .append(stop ? Html.badge("warn", "exit point reached")
                        + " The framework's exit points say this analysis should not go to clinicians as it is."
                        : Html.badge("good", "no exit point reached") + " Go on, reading the warnings below.")
                .append("</p>\n");
        Html.Table t = new Html.Table(List.of("Step", "Status", "Finding", "What to do next"), false, false, false,
                false);
        for (ExitPoints.ExitPoint e : exits) {
            String cls = e.status() == ExitStatus.EXIT ? "warn" : null;
            String badge = switch (e.status()) {
                case EXIT -> Html.badge("warn", e.status().key());
                case WARNING -> Html.badge("warn", e.status().key());
                case OK -> Html.badge("good", e.status().key());
                case NOT_RUN -> Html.text(e.status().key());
            };
            t.row(cls, Html.text(e.step()), badge, Html.text(e.finding()), Html.text(e.next()));
        }
        b.append(t.html()).append("</section>\n");
    }
}
