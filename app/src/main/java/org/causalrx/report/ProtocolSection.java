package org.causalrx.report;

import java.util.List;

import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.RunResult.ProtocolInfo;

/** Section 1 of the report: the study protocol (TRS §3.1). Formats only. */
final class ProtocolSection implements ReportSection {
    private final RunResult r;

    ProtocolSection(RunResult r) {
        this.r = r;
    }

    @Override
    public String id() {
        return "protocol";
    }

    @Override
    public String title() {
        return "1 Protocol";
    }

    @Override
    public void render(StringBuilder b, HtmlReport report) {
        ProtocolInfo p = r.protocol();
        b.append("<section>").append(report.heading(this));
        b.append(Html.kv(List.of(
                new String[] {"Question", Html.text(p.question())},
                new String[] {"Decision time", Html.text(p.decisionTime())},
                new String[] {"Population", Html.text(p.population())},
                new String[] {"Users", Html.text(p.users())},
                new String[] {"Data file", "<code>" + Html.text(p.dataFile()) + "</code>"},
                new String[] {"Rows", Fmt.integer(p.rowsRead()) + " read, " + Fmt.integer(p.rowsDropped())
                        + " dropped" + (p.rowsDroppedReason() == null || p.rowsDroppedReason().isBlank() ? ""
                        : " (" + Html.esc(p.rowsDroppedReason()) + ")")},
                new String[] {"Treatment column", "<code>" + Html.text(p.treatmentColumn()) + "</code>"},
                new String[] {"Control arm", Html.text(p.controlLabel()) + " (code <code>"
                        + Html.esc(p.controlCode()) + "</code>)"},
                new String[] {"Treated arm", Html.text(p.treatedLabel()) + " (code <code>"
                        + Html.esc(p.treatedCode()) + "</code>)"},
                new String[] {"Outcome", "<code>" + Html.text(p.outcomeColumn()) + "</code> ("
                        + Html.esc(p.outcomeType().key()) + "), SD " + Fmt.num(p.outcomeSd())},
                new String[] {"Direction", "<b>" + Html.esc(PolicyChoice.directionText(p.direction()))
                        + "</b>"},
                new String[] {"Decision rule", DecisionRuleText.protocolRow(r)})));
        b.append("</section>\n");

    }
}
