package th.pmqa.studio.query.export;

import th.pmqa.studio.query.view.GroupResultView;
import th.pmqa.studio.query.view.IndicatorGroupView;
import th.pmqa.studio.query.view.ReportView;
import th.pmqa.studio.query.view.ResultDimensionView;
import th.pmqa.studio.query.view.ResultView;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Category 7 as tables: per indicator group, one row per attached result with its unit, its value for each fiscal
 * year any of the group's results reports, its target, its comparison (value and source) and the evidence it cites
 * (named through {@link EvidenceNames}). Numbers are printed as entered (plain BigDecimal text, no rounding).
 */
final class ResultsDocx {

    private ResultsDocx() {
    }

    static void categorySeven(ThaiDocx docx, ReportView report, EvidenceNames evidence) {
        docx.heading(1, "หมวด 7 ผลลัพธ์การดำเนินการ");
        for (ResultDimensionView dimension : report.results()) {
            docx.heading(2, dimension.dimension() + " " + dimension.title());
            for (IndicatorGroupView group : dimension.indicatorGroups()) {
                group(docx, group, evidence);
            }
        }
    }

    private static void group(ThaiDocx docx, IndicatorGroupView group, EvidenceNames evidence) {
        docx.heading(3, group.id() + " " + group.title());
        List<ResultView> results = group.results().stream().map(GroupResultView::result).toList();
        if (results.isEmpty()) {
            docx.paragraphs("(ยังไม่มีตัวชี้วัด)");
            return;
        }
        TreeSet<Integer> years = new TreeSet<>();
        results.forEach(r -> {
            if (r.valuesByFiscalYear() != null) {
                years.addAll(r.valuesByFiscalYear().keySet());
            }
        });
        List<String> header = new ArrayList<>(List.of("ตัวชี้วัด", "หน่วย"));
        years.forEach(year -> header.add("ปี " + year));
        header.addAll(List.of("เป้าหมาย", "ค่าเทียบเคียง", "หลักฐาน"));
        List<List<String>> rows = new ArrayList<>();
        for (ResultView result : results) {
            List<String> row = new ArrayList<>(List.of(ApplicationReportDocx.nullToEmpty(result.name()),
                                                       ApplicationReportDocx.nullToEmpty(result.unit())));
            years.forEach(year -> row.add(number(result.valuesByFiscalYear() == null ? null
                                                         : result.valuesByFiscalYear().get(year))));
            row.add(number(result.target()));
            row.add(result.comparison() == null ? "-"
                    : number(result.comparison().value())
                      + (result.comparison().source() == null ? "" : "\nที่มา: " + result.comparison().source()));
            List<String> cited = new ArrayList<>(result.evidence() == null ? List.of()
                    : result.evidence().stream().map(evidence::nameOf).toList());
            cited.addAll(evidence.ofResult(result.resultId()));
            row.add(cited.isEmpty() ? "-" : String.join("\n", cited));
            rows.add(row);
        }
        docx.table(header, rows);
    }

    static String number(BigDecimal value) {
        return value == null ? "-" : value.toPlainString();
    }
}
