package th.pmqa.studio.query.model;

import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.report.Comparison;
import th.pmqa.studio.report.ResultDirection;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A part of a report read as plain text, the way the history shows it before and after a change, the report diff
 * compares it and the HTML report prints it. Functions of the state only: folding never needs them.
 */
public final class PartTexts {

    private PartTexts() {
    }

    public static String text(ReportState.Text text) {
        return text == null ? "" : text.text();
    }

    public static String rating(ReportState.Rating rating) {
        return rating == null ? "" : rating.level().name() + " " + rating.score() + ": " + rating.rationale();
    }

    public static String items(List<Integer> items) {
        return items.stream().map(i -> "OP " + i).collect(Collectors.joining(", "));
    }

    /** The submission window as "opens – closes"; "" before one is set. */
    public static String window(ReportState state) {
        return state.windowClosesAt == null ? "" : state.windowOpensAt + " – " + state.windowClosesAt;
    }

    /** A sub-criterion's results at one level, one line each, in the order they were attached. */
    public static String results(ReportState.CriterionSection section, LevelKind level) {
        return section.results.values().stream()
                .filter(r -> r.level() == level)
                .map(r -> r.indicatorGroup() + " " + r.name() + " (" + nullToEmpty(r.unit()) + ") target "
                          + plain(r.target()) + " " + values(r.valuesByFiscalYear()) + comparisonNote(r.comparison())
                          + directionNote(r.direction()))
                .collect(Collectors.joining("\n"));
    }

    /** The comparison value and its source, as the history and a change's summary show them; "" without one. */
    public static String comparisonNote(Comparison comparison) {
        return comparison == null ? ""
                : " · ค่าเทียบเคียง " + plain(comparison.value()) + " (ที่มา: " + nullToEmpty(comparison.source()) + ")";
    }

    public static String directionNote(ResultDirection direction) {
        return direction == null ? "" : " · " + directionThai(direction);
    }

    public static String directionThai(ResultDirection direction) {
        return direction == ResultDirection.HIGHER ? "ยิ่งสูงยิ่งดี" : "ยิ่งต่ำยิ่งดี";
    }

    private static String values(Map<Integer, BigDecimal> values) {
        return values == null ? "" : new TreeMap<>(values).entrySet().stream()
                .map(v -> v.getKey() + "=" + plain(v.getValue())).collect(Collectors.joining(" "));
    }

    public static String plain(BigDecimal value) {
        return value == null ? "-" : value.toPlainString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
