package th.pmqa.studio.query.view;

import th.pmqa.studio.report.ResultDirection;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static th.pmqa.studio.query.view.ReportHtml.escape;

/**
 * Results in the HTML report: a table per level of a sub-criterion, and category 7 (results by dimension and
 * indicator group, with the seed's count guidance). Each row reads its figures as {@link ResultJudgement} does, in
 * Thai; every piece of user text is escaped.
 */
final class ResultsHtml {

    private ResultsHtml() {
    }

    /** The results attached to one level, if any. */
    static void level(StringBuilder html, List<ResultView> results) {
        if (results.isEmpty()) {
            return;
        }
        table(html, results.stream().map(r -> new GroupResultView("", r)).toList(), false);
    }

    /** หมวด 7: every dimension and indicator group of the catalog, with the results attached in each. */
    static void categorySeven(StringBuilder html, List<ResultDimensionView> dimensions) {
        html.append("<h2>หมวด 7 ผลลัพธ์การดำเนินการ</h2>\n");
        for (ResultDimensionView dimension : dimensions) {
            html.append("<h3>").append(escape(dimension.dimension())).append(" ").append(escape(dimension.title()))
                .append("</h3>\n");
            for (IndicatorGroupView group : dimension.indicatorGroups()) {
                html.append("<h4>").append(escape(group.id())).append(" ").append(escape(group.title())).append("</h4>\n");
                if (group.indicatorCount() != null) {
                    countGuidance(html, group.indicatorCount());
                }
                if (group.results().isEmpty()) {
                    html.append("<p class=\"empty\">(ยังไม่มีตัวชี้วัด)</p>\n");
                } else {
                    table(html, group.results(), true);
                }
            }
        }
    }

    private static void countGuidance(StringBuilder html, IndicatorCountCheck check) {
        html.append("<p class=\"guidance").append(check.within() ? "" : " flag").append("\">มีตัวชี้วัด ")
            .append(check.count()).append(" ตัว · เกณฑ์แนะนำ ").append(escape(check.text()));
        if (!check.within()) {
            html.append(" — ").append(check.count() < check.min() ? "น้อยกว่าที่แนะนำ" : "มากกว่าที่แนะนำ");
        }
        html.append("</p>\n");
    }

    private static void table(StringBuilder html, List<GroupResultView> results, boolean withCriterion) {
        html.append("<table class=\"results\"><tr>");
        if (withCriterion) {
            html.append("<th>เกณฑ์ย่อย</th>");
        }
        html.append("<th>ตัวชี้วัด</th><th>เป้าหมาย</th><th>ผลการดำเนินงาน</th><th>ค่าเทียบเคียง</th>")
            .append("<th>การอ่านผล</th></tr>\n");
        for (GroupResultView entry : results) {
            ResultView r = entry.result();
            html.append("<tr>");
            if (withCriterion) {
                html.append("<td>").append(escape(entry.criterionId())).append(" ")
                    .append(escape(r.level() == null ? "" : r.level().pathName())).append("</td>");
            }
            html.append("<td>").append(escape(r.indicatorGroup())).append(" ").append(escape(r.name()));
            if (r.unit() != null && !r.unit().isBlank()) {
                html.append(" (").append(escape(r.unit())).append(")");
            }
            html.append("<br><small>").append(r.direction() == null ? "ยังไม่ระบุว่าทิศทางใดดีกว่า"
                    : escape(DIRECTION_THAI.get(r.direction()))).append("</small></td>");
            html.append("<td>").append(number(r.target())).append("</td><td>");
            Map<Integer, BigDecimal> values = r.valuesByFiscalYear() == null ? Map.of() : new TreeMap<>(r.valuesByFiscalYear());
            html.append(values.isEmpty() ? "—" : String.join(" · ", values.entrySet().stream()
                    .map(v -> v.getKey() + ": " + number(v.getValue())).toList()));
            html.append("</td><td>");
            if (r.comparison() == null) {
                html.append("—");
            } else {
                html.append(number(r.comparison().value())).append("<br><small>ที่มา: ")
                    .append(escape(r.comparison().source())).append("</small>");
            }
            html.append("</td><td>").append(reading(r.judgement(), r.direction())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /** Which way is better, as the history says it too ({@code PartTexts.directionThai}). */
    private static final Map<ResultDirection, String> DIRECTION_THAI = Map.of(
            ResultDirection.HIGHER, "ยิ่งสูงยิ่งดี", ResultDirection.LOWER, "ยิ่งต่ำยิ่งดี");

    /** The trend and the two gaps in Thai, one per line; what cannot be judged without a direction says so. */
    static String reading(ResultJudgement judgement, ResultDirection direction) {
        StringBuilder out = new StringBuilder();
        ResultJudgement.Trend trend = judgement.trend();
        if (trend != null) {
            out.append("แนวโน้ม ").append(trend.fromYear()).append("–").append(trend.toYear()).append(": ")
               .append(trend.judgement() != null ? TREND_THAI.get(trend.judgement()) : MOVEMENT_THAI.get(trend.movement()))
               .append(" (").append(signed(trend.change())).append(")");
        }
        ResultJudgement.TargetGap target = judgement.targetGap();
        if (target != null) {
            line(out).append("ปี ").append(target.year()).append(" ")
                     .append(side(target.difference(), "เป้าหมาย"));
            if (target.met() != null) {
                out.append(" · ").append(target.met() ? "บรรลุเป้าหมาย" : "ยังไม่บรรลุเป้าหมาย");
            }
        }
        ResultJudgement.ComparisonGap comparison = judgement.comparisonGap();
        if (comparison != null) {
            line(out).append(side(comparison.difference(), "ค่าเทียบเคียง"));
            if (comparison.judgement() != null && !comparison.judgement().equals("equal")) {
                out.append(" · ").append(comparison.judgement().equals("better") ? "ดีกว่าค่าเทียบเคียง"
                        : "ด้อยกว่าค่าเทียบเคียง");
            }
        }
        if (direction == null && out.length() > 0) {
            line(out).append("<small>ระบุทิศทาง (higher/lower) เพื่อให้อ่านได้ว่าดีขึ้นหรือแย่ลง</small>");
        }
        return out.length() == 0 ? "—" : out.toString();
    }

    private static final Map<String, String> TREND_THAI = Map.of(
            ResultJudgement.IMPROVING, "ดีขึ้น", ResultJudgement.WORSENING, "แย่ลง",
            ResultJudgement.FLAT, "คงที่", ResultJudgement.FLUCTUATING, "ขึ้นลงไม่สม่ำเสมอ");
    private static final Map<String, String> MOVEMENT_THAI = Map.of(
            ResultJudgement.RISING, "เพิ่มขึ้น", ResultJudgement.FALLING, "ลดลง",
            ResultJudgement.FLAT, "คงที่", ResultJudgement.FLUCTUATING, "ขึ้นลงไม่สม่ำเสมอ");

    private static StringBuilder line(StringBuilder out) {
        return out.length() == 0 ? out : out.append("<br>");
    }

    /** "สูงกว่าเป้าหมาย 2.5", "ต่ำกว่าเป้าหมาย 4.5" or "เท่ากับเป้าหมาย". */
    private static String side(BigDecimal difference, String what) {
        return switch (difference.signum()) {
            case 1 -> "สูงกว่า" + what + " " + difference.toPlainString();
            case -1 -> "ต่ำกว่า" + what + " " + difference.negate().toPlainString();
            default -> "เท่ากับ" + what;
        };
    }

    private static String signed(BigDecimal value) {
        return value.signum() > 0 ? "+" + value.toPlainString() : value.toPlainString();
    }

    private static String number(BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
    }
}
