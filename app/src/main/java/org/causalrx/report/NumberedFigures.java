package org.causalrx.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of a report page by id, numbered in the order the page places them. Mutable while one page is built
 * (the next number), then discarded.
 */
final class NumberedFigures {
    private final Map<String, Figures.Figure> figures;
    private int number;

    NumberedFigures(Map<String, Figures.Figure> figures) {
        this.figures = new LinkedHashMap<>(figures);
    }

    /** The figure with the next number, or nothing when the run drew no figure with this id. */
    Markup place(String id) {
        Figures.Figure f = figures.get(id);
        return f == null ? Markup.EMPTY : Html.figure(++number, f);
    }
}
