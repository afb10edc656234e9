package th.pmqa.studio.command.report;

import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.report.Comparison;
import th.pmqa.studio.report.ResultDirection;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an attached result says, checked: the same rules whether it is attached or revised. Kept per result by the
 * aggregate so that a revision that changes nothing stores nothing. Field names in refusals are those of the HTTP
 * body ({@code values.2566}, {@code comparison.value}).
 */
record ResultFigures(String indicatorGroup, String name, String unit, BigDecimal target,
                     Map<Integer, BigDecimal> values, List<String> evidence, Comparison comparison,
                     ResultDirection direction) {

    /** A source names a publication or a body and a year; 500 characters leave room for a full reference. */
    static final int MAX_SOURCE_LENGTH = 500;

    static ResultFigures check(Catalog catalog, String indicatorGroup, String name, String unit, BigDecimal target,
                               Map<Integer, BigDecimal> valuesByFiscalYear, List<String> evidence,
                               Comparison comparison, ResultDirection direction) {
        if (isBlank(indicatorGroup)) {
            throw new InvalidInputException("indicatorGroup", "indicatorGroup is required, e.g. 7.1.1");
        }
        if (catalog.indicatorGroup(indicatorGroup).isEmpty()) {
            throw new InvalidInputException("indicatorGroup",
                    "indicator group " + indicatorGroup + " does not exist in " + catalog.version());
        }
        if (isBlank(name)) {
            throw new InvalidInputException("name", "name of the result is required");
        }
        IndicatorNumber.check("target", target);
        Map<Integer, BigDecimal> values = new TreeMap<>();
        if (valuesByFiscalYear != null) {
            for (Map.Entry<Integer, BigDecimal> entry : valuesByFiscalYear.entrySet()) {
                Integer year = entry.getKey();
                if (year == null || year < Assessment.FIRST_FISCAL_YEAR || year > Assessment.LAST_FISCAL_YEAR) {
                    throw new InvalidInputException("values." + year, "values are keyed by Buddhist-era fiscal year "
                            + Assessment.FIRST_FISCAL_YEAR + " to " + Assessment.LAST_FISCAL_YEAR);
                }
                if (entry.getValue() == null) {
                    throw new InvalidInputException("values." + year, "value for " + year + " is missing");
                }
                IndicatorNumber.check("values." + year, entry.getValue());
                values.put(year, entry.getValue());
            }
        }
        List<String> checkedEvidence = evidence == null ? List.of() : evidence;
        if (checkedEvidence.size() > Assessment.MAX_EVIDENCE_PER_RESULT) {
            throw new InvalidInputException("evidence", "a result names at most " + Assessment.MAX_EVIDENCE_PER_RESULT
                    + " pieces of evidence");
        }
        for (int i = 0; i < checkedEvidence.size(); i++) {
            if (isBlank(checkedEvidence.get(i))) {
                throw new InvalidInputException("evidence[" + i + "]", "evidence entries must not be blank");
            }
        }
        checkComparison(comparison);
        return new ResultFigures(indicatorGroup, name, unit, target, Collections.unmodifiableMap(values),
                                 List.copyOf(checkedEvidence), comparison, direction);
    }

    /** A comparison is a value and where it comes from, both or none: a number without a source proves nothing. */
    private static void checkComparison(Comparison comparison) {
        if (comparison == null) {
            return;
        }
        if (comparison.value() == null) {
            throw new InvalidInputException("comparison.value", "comparison.value is required when a comparison is "
                    + "given: the comparison value (ค่าเทียบเคียง) as a number; leave comparison out for none");
        }
        IndicatorNumber.check("comparison.value", comparison.value());
        String source = comparison.source();
        if (isBlank(source)) {
            throw new InvalidInputException("comparison.source", "comparison.source is required with a comparison "
                    + "value: where the value comes from (ที่มาของค่าเทียบเคียง)");
        }
        if (source.codePointCount(0, source.length()) > MAX_SOURCE_LENGTH) {
            throw new InvalidInputException("comparison.source", "comparison.source is at most " + MAX_SOURCE_LENGTH
                    + " characters");
        }
    }

    /** What the result adds to the report's text ({@link ReportSize}). */
    int characters() {
        return characters(name, unit, evidence, comparison);
    }

    static int characters(String name, String unit, List<String> evidence, Comparison comparison) {
        return ReportSize.of(name, unit, comparison == null ? null : comparison.source())
               + (evidence == null ? 0 : ReportSize.of(evidence.toArray(String[]::new)));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
