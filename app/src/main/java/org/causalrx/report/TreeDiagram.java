package org.causalrx.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.causalrx.pipeline.RunResult.OutcomeTreeNode;

/**
 * The outcome tree drawn as a tree (TRS Fig. 6): all held-out patients → the arm actually received → whether
 * the policy agreed, disagreed or deferred; each box shows n and mean (SEM) of the outcome. Any number of arms: the
 * picture widens beyond two.
 */
final class TreeDiagram {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 340;
    private static final int BOX_W = 130;
    private static final int BOX_H = 62;
    private static final Color AGREE = new Color(0xdff0d8);
    private static final Color DISAGREE = new Color(0xf8d7da);
    private static final Color DEFERRED = new Color(0xeeeeee);
    private static final Color ARM = new Color(0xdbe9f6);

    private TreeDiagram() {
    }

    /** @param nodes the root first, then per arm: the arm node and its agree / disagree / deferred children */
    static Figures.Figure save(String policy, List<OutcomeTreeNode> nodes, String outcome, Path dir, String id,
                               String caption) throws IOException {
        List<OutcomeTreeNode> arms = nodes.stream().filter(n -> !n.arm().equals("all") && n.group().equals("all"))
                .toList();
        int width = Math.max(WIDTH, arms.size() * 3 * (BOX_W + 12) + 40);
        Canvas c = new Canvas(width, HEIGHT);
        c.text(10, 24, "Outcome tree of " + policy + " (" + outcome + ": n, mean (SEM))", 15, true, "start");
        OutcomeTreeNode root = nodes.get(0);
        double rootX = width / 2.0;
        double y0 = 45;
        double y1 = 150;
        double y2 = 255;
        box(c, rootX, y0, "all test patients", root, new Color(0xf5f5f5));
        for (int a = 0; a < arms.size(); a++) {
            OutcomeTreeNode arm = arms.get(a);
            double ax = width * (2 * a + 1) / (2.0 * arms.size());
            c.line(rootX, y0 + BOX_H, ax, y1, Color.GRAY, 1.2f, false);
            box(c, ax, y1, "received: " + arm.arm(), arm, ARM);
            List<OutcomeTreeNode> kids = nodes.stream().filter(n -> n.arm().equals(arm.arm())
                    && !n.group().equals("all")).toList();
            for (int k = 0; k < kids.size(); k++) {
                OutcomeTreeNode kid = kids.get(k);
                double kx = ax + (k - (kids.size() - 1) / 2.0) * (BOX_W + 12);
                c.line(ax, y1 + BOX_H, kx, y2, Color.GRAY, 1.2f, false);
                Color fill = switch (kid.group()) {
                    case "agree" -> AGREE;
                    case "disagree" -> DISAGREE;
                    default -> DEFERRED;
                };
                box(c, kx, y2, "policy " + (kid.group().equals("deferred") ? "deferred" : kid.group() + "s"), kid,
                        fill);
            }
        }
        return c.save(dir, id, caption);
    }

    private static void box(Canvas c, double cx, double top, String title, OutcomeTreeNode n, Color fill) {
        String t = title.length() > 22 ? title.substring(0, 21) + "\u2026" : title;
        c.rect(cx - BOX_W / 2.0, top, BOX_W, BOX_H, fill, Color.GRAY);
        c.text(cx, top + 17, t, 11, true, "middle");
        c.text(cx, top + 35, "n = " + n.n(), 11, false, "middle");
        c.text(cx, top + 52, n.n() == 0 ? "\u2014" : Fmt.num(n.mean()) + " (" + Fmt.num(n.sem()) + ")", 11, false,
                "middle");
    }
}
