package org.causalrx.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.causalrx.util.CausalRxException;

/**
 * The study's optional {@code policy:} block, the decision rule of TRS §3.10:
 * <pre>
 * policy:
 *   default_arm: "0"     # arm code or label kept unless the other arm is better by more than the margin;
 *                        # default: the control arm
 *   margin: 2.5          # clinically relevant margin δ &gt;= 0 in outcome units; default 0 (the plain sign rule)
 * </pre>
 * Absent block: {@link Study.Policy#DEFAULT}. Unknown keys and bad values are errors naming the key, the value and
 * the fix.
 */
final class PolicyBlock {
    private PolicyBlock() {
    }

    static Study.Policy read(String f, YamlNode p, Study.Treatment treatment) {
        if (p == null) {
            return Study.Policy.DEFAULT;
        }
        p.allowOnly("default_arm", "margin");
        int arm = p.has("default_arm") ? arm(f, p.text("default_arm").trim(), treatment) : 0;
        double margin = 0;
        if (p.has("margin")) {
            JsonNode m = p.node().get("margin");
            if (!m.isNumber() || !(m.asDouble() >= 0) || Double.isInfinite(m.asDouble())) {
                throw new CausalRxException(f + ": 'policy.margin' is '" + m.asText() + "'; use a number >= 0 in "
                        + "the outcome's units (the smallest benefit worth switching arms for), e.g. margin: 2.5, "
                        + "or 0 for the plain sign rule");
            }
            margin = m.asDouble();
        }
        return new Study.Policy(arm, margin);
    }

    /** 0 for the control arm, 1 for the treated arm, by code or label. */
    private static int arm(String f, String value, Study.Treatment t) {
        String[] codes = {t.controlCode(), t.treatedCode()};
        for (int a = 0; a < 2; a++) {
            if (codes[a].equals(value)) {
                return a;
            }
        }
        for (int a = 0; a < 2; a++) {
            if (t.label(codes[a]).equals(value)) {
                return a;
            }
        }
        List<String> names = new ArrayList<>();
        for (String c : codes) {
            names.add(c);
            names.add(t.label(c));
        }
        String guess = YamlNode.closest(value, names);
        throw new CausalRxException(String.format(Locale.ROOT, "%s: 'policy.default_arm' is '%s', which is not an "
                + "arm of 'treatment.arms'%s; use an arm code (%s, %s) or label ('%s', '%s')", f, value,
                guess == null ? "" : " (did you mean '" + guess + "'?)", codes[0], codes[1], t.label(codes[0]),
                t.label(codes[1])));
    }
}
