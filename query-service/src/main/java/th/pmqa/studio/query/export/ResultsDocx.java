package th.pmqa.studio.query.export;

import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.IndicatorGroup;
import th.pmqa.studio.catalog.ResultDimension;
import th.pmqa.studio.query.report.ReportState;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Category 7 as tables: per indicator group, one row per attached result with its unit, its value for each fiscal
 * year any of the group's results reports, its target, its comparison (value and source) and the evidence it cites.
 * Numbers are printed as entered (plain BigDecimal text, no rounding, no grouping).
 */
final class ResultsDocx {

    private ResultsDocx() {
    }

    static void categorySeven(ThaiDocx docx, ReportState state, Catalog catalog, EvidenceNames evidence) {
        docx.heading(1, "หมวด 7 ผลลัพธ์การดำเนินการ");
        for (ResultDimension dimension : catalog.resultDimensions()) {
            docx.heading(2, dimension.id() + " " + dimension.title());
            for (IndicatorGroup group : catalog.indicatorGroups()) {
                if (group.dimension().equals(dimension.id())) {
                    group(docx, state, group, evidence);
                }
            }
        }
    }

    private static void group(ThaiDocx docx, ReportState state, IndicatorGroup group, EvidenceNames evidence) {
        docx.heading(3, group.id() + " " + group.title());
        List<ReportState.Result> results = new ArrayList<>();
        state.criteria.values().forEach(section -> section.results.values().stream()
                .filter(r -> group.id().equals(r.indicatorGroup())).forEach(results::add));
        if (results.isEmpty()) {
            docx.paragraphs("(ยังไม่มีตัวชี้วัด)");
            return;
        }
        TreeSet<Integer> years = new TreeSet<>();
        results.forEach(r -> years.addAll(r.valuesByFiscalYear().keySet()));
        List<String> header = new ArrayList<>(List.of("ตัวชี้วัด", "หน่วย"));
        years.forEach(year -> header.add("ปี " + year));
        header.addAll(List.of("เป้าหมาย", "ค่าเทียบเคียง", "หลักฐาน"));
        List<List<String>> rows = new ArrayList<>();
        for (ReportState.Result result : results) {
            List<String> row = new ArrayList<>(List.of(ApplicationReportDocx.nullToEmpty(result.name()),
                                                       ApplicationReportDocx.nullToEmpty(result.unit())));
            years.forEach(year -> row.add(number(result.valuesByFiscalYear().get(year))));
            row.add(number(result.target()));
            row.add(result.comparison() == null ? "-"
                    : number(result.comparison().value())
                      + (result.comparison().source() == null ? "" : "\nที่มา: " + result.comparison().source()));
            List<String> cited = result.evidence() == null ? List.of()
                    : result.evidence().stream().map(evidence::nameOf).toList();
            row.add(cited.isEmpty() ? "-" : String.join("\n", cited));
            rows.add(row);
        }
        docx.table(header, rows);
    }

    static String number(BigDecimal value) {
        return value == null ? "-" : value.toPlainString();
    }
}
