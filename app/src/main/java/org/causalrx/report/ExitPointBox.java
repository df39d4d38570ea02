package org.causalrx.report;

import java.util.List;

import org.causalrx.result.ExitStatus;
import org.causalrx.verdict.ExitPoints;

/** The feasibility verdict box under the summary: every exit point with its status. Formats only. */
final class ExitPointBox {
    private ExitPointBox() {
    }

    static void render(HtmlWriter b, List<ExitPoints.ExitPoint> exits) {
        if (exits == null || exits.isEmpty()) {
            return;
        }
        boolean stop = ExitPoints.reached(exits);
        b.markup("<section class=\"summary\" id=\"feasibility\"><h2>Feasibility verdict</h2>\n<p>")
                .add(stop ? Markup.badge("warn", "exit point reached").then(Markup.trusted(
                        " The framework's exit points say this analysis should not go to clinicians as it is."))
                        : Markup.badge("good", "no exit point reached").then(
                                Markup.trusted(" Go on, reading the warnings below.")))
                .markup("</p>\n");
        Html.Table t = new Html.Table(List.of("Step", "Status", "Finding", "What to do next"), false, false, false,
                false);
        for (ExitPoints.ExitPoint e : exits) {
            String cls = e.status() == ExitStatus.EXIT ? "warn" : null;
            Markup badge = switch (e.status()) {
                case EXIT -> Markup.badge("warn", e.status().key());
                case WARNING -> Markup.badge("warn", e.status().key());
                case OK -> Markup.badge("good", e.status().key());
                case NOT_RUN -> Markup.textOrDash(e.status().key());
            };
            t.row(cls, Markup.textOrDash(e.step()), badge, Markup.textOrDash(e.finding()),
                    Markup.textOrDash(e.next()));
        }
        b.add(t.html()).markup("</section>\n");
    }
}
