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
    public void render(HtmlWriter b, HtmlReport report) {
        ProtocolInfo p = r.protocol();
        b.markup("<section>").add(report.heading(this));
        b.add(Html.kv(List.of(
                Html.pair("Question", Markup.textOrDash(p.question())),
                Html.pair("Decision time", Markup.textOrDash(p.decisionTime())),
                Html.pair("Population", Markup.textOrDash(p.population())),
                Html.pair("Users", Markup.textOrDash(p.users())),
                Html.pair("Data file", Markup.fill("<code>{}</code>", Markup.textOrDash(p.dataFile()))),
                Html.pair("Rows", Fmt.integer(p.rowsRead()) + " read, " + Fmt.integer(p.rowsDropped())
                        + " dropped" + (p.rowsDroppedReason() == null || p.rowsDroppedReason().isBlank() ? ""
                        : " (" + p.rowsDroppedReason() + ")")),
                Html.pair("Treatment column", Markup.fill("<code>{}</code>", Markup.textOrDash(p.treatmentColumn()))),
                Html.pair("Control arm", Markup.fill("{} (code <code>{}</code>)", Markup.textOrDash(p.controlLabel()),
                        p.controlCode())),
                Html.pair("Treated arm", Markup.fill("{} (code <code>{}</code>)", Markup.textOrDash(p.treatedLabel()),
                        p.treatedCode())),
                Html.pair("Outcome", Markup.fill("<code>{}</code> ({}), SD {}", Markup.textOrDash(p.outcomeColumn()),
                        p.outcomeType().key(), Fmt.num(p.outcomeSd()))),
                Html.pair("Direction", Markup.fill("<b>{}</b>", PolicyChoice.directionText(p.direction()))),
                Html.pair("Decision rule", DecisionRuleText.protocolRow(r)))));
        b.markup("</section>\n");

    }
}
