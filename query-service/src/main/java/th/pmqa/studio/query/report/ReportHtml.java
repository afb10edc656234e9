package th.pmqa.studio.query.report;

import th.pmqa.studio.catalog.AdrPart;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Category;
import th.pmqa.studio.catalog.Criterion;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.catalog.ProfileItem;
import th.pmqa.studio.catalog.ProfileQuestion;
import th.pmqa.studio.catalog.WritingPrompt;
import th.pmqa.studio.report.CidKind;
import th.pmqa.studio.report.CidRow;
import th.pmqa.studio.report.KeyProcess;
import th.pmqa.studio.report.Place;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The report as a readable Thai HTML page, in Application Report order. Every piece of user text goes through
 * {@link #escape}; the page has no script at all.
 */
public final class ReportHtml {

    private ReportHtml() {
    }

    public static String render(ReportState state) {
        Catalog catalog = ReportRenderer.catalogOf(state);
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"th\"><head><meta charset=\"utf-8\">")
            .append("<title>").append(escape(state.organizationName)).append(" — Application Report ")
            .append(state.fiscalYear).append("</title>")
            .append("<style>body{font-family:sans-serif;max-width:60rem;margin:auto;line-height:1.6}")
            .append(".text{white-space:pre-wrap}.empty{color:#999}.hint,.rule{color:#888;font-style:italic}")
            .append("table{border-collapse:collapse}")
            .append("td,th{border:1px solid #ccc;padding:.2rem .5rem}.workflow{color:#555}.approved{color:#262}")
            .append(".flag{color:#a40;font-weight:bold}</style></head><body>\n");
        html.append("<h1>").append(escape(state.organizationName)).append("</h1>\n<p>Application Report PMQA 4.0 ปีงบประมาณ ")
            .append(state.fiscalYear).append(" · ").append(escape(state.status)).append(" · position ")
            .append(state.position).append("</p>\n");
        scores(html, state, catalog);

        ReviewProgress review = ReviewProgress.of(state, catalog);
        html.append("<p>การทบทวน: อนุมัติแล้ว ").append(review.approved()).append("/").append(review.sections())
            .append(" ส่วน · รอทบทวน ").append(review.readyForReview()).append(" · กำลังร่าง ")
            .append(review.drafting());
        if (review.changedSinceReady() > 0) {
            html.append(" · แก้ไขหลังส่งทบทวน ").append(review.changedSinceReady());
        }
        html.append("</p>\n");
        if (state.windowOpensAt != null || state.windowClosesAt != null) {
            html.append("<p>ช่วงเวลาส่ง: ").append(instant(state.windowOpensAt)).append(" – ")
                .append(instant(state.windowClosesAt)).append("</p>\n");
        }
        if (!state.labels.isEmpty()) {
            // labels are typed by leads, so they are user text like any other
            html.append("<h2>ฉบับที่ตั้งชื่อไว้</h2>\n<ul class=\"labels\">\n");
            for (ReportState.Label label : state.labels) {
                html.append("<li>").append(escape(label.label())).append(" · position ").append(label.position())
                    .append(" · ").append(escape(label.author() == null ? "" : label.author().name()))
                    .append(" · ").append(instant(label.at())).append("</li>\n");
            }
            html.append("</ul>\n");
        }

        html.append("<h2>ลักษณะสำคัญขององค์การ (OP)</h2>\n");
        workflow(html, state, Place.PROFILE.format());
        for (ProfileQuestion question : catalog.profileQuestions()) {
            html.append("<h3>(").append(question.number()).append(") ").append(escape(question.text())).append("</h3>\n");
            ReportState.Text answer = state.profileAnswers.get(Integer.toString(question.number()));
            // A question answered through its items shows its own answer only when there is one; a question without
            // items (6, โครงสร้างองค์การ) is answered here or not at all, so it always shows its field.
            if (catalog.profileItemsOf(question.number()).isEmpty() || (answer != null && answer.isDrafted())) {
                text(html, answer);
            }
            for (ProfileItem item : catalog.profileItems()) {
                if (item.question() == question.number()) {
                    html.append("<h4>").append(item.number()).append(". ").append(escape(item.title())).append("</h4>\n");
                    text(html, state.profile.get(Integer.toString(item.number())));
                }
            }
        }
        for (Category category : catalog.categories()) {
            html.append("<h2>หมวด ").append(category.number()).append(" ").append(escape(category.title())).append("</h2>\n");
            for (Criterion criterion : catalog.criteria()) {
                if (criterion.category() != category.number()) {
                    continue;
                }
                ReportState.CriterionSection section = state.criteria.getOrDefault(criterion.id(), new ReportState.CriterionSection());
                html.append("<h3>").append(escape(criterion.id())).append(" ").append(escape(criterion.title())).append("</h3>\n");
                workflow(html, state, Place.criterion(criterion.id()).format());
                html.append("<h4>การวิเคราะห์ (Step-1)</h4>\n");
                text(html, section.analysis, catalog.workshopSteps().stepOne().isEmpty() ? null
                        : catalog.workshopSteps().stepOne().get(0));
                html.append("<p>OP: ").append(escape(ReportFold.items(section.profileItems)))
                    .append(" · ตัวชี้วัด: ").append(escape(String.join(", ", section.indicatorGroups))).append("</p>\n");
                if (criterion.category() == th.pmqa.studio.report.KeyProcess.CATEGORY) {
                    html.append("<p>กระบวนการหลักที่เกี่ยวข้อง: ")
                        .append(escape(RowsFold.linkedNames(state, section.keyProcesses))).append("</p>\n");
                }
                if (criterion.id().equals(RowsFold.host(state))) {
                    keyProcesses(html, state);
                }
                for (LevelKind level : LevelKind.values()) {
                    html.append("<h4>").append(escape(catalog.band(level).nameThai())).append(" (")
                        .append(escape(catalog.band(level).nameEnglish())).append(")</h4>\n");
                    criterion.level(level).ifPresent(l -> html.append("<p><em>").append(escape(l.requirement())).append("</em></p>\n"));
                    for (AdrPart part : AdrPart.values()) {
                        html.append("<h5>").append(part.name()).append("</h5>\n");
                        text(html, section.parts.get(level.pathName() + "/" + part.pathName()),
                             criterion.prompt(level, part).map(WritingPrompt::text).orElse(null));
                    }
                    ResultsHtml.level(html, section, level);
                    if (level == LevelKind.ADVANCE) {
                        cidWorksheet(html, section);
                    }
                }
                html.append("<h4>สรุปภาพรวม</h4>\n");
                text(html, section.summary, criterion.summaryPrompt().map(WritingPrompt::text)
                        .orElse(catalog.workshopSteps().stepTwo().isBlank() ? null : catalog.workshopSteps().stepTwo()));
                if (section.rating != null) {
                    html.append("<p>ระดับ: ").append(escape(ReportFold.rating(section.rating))).append("</p>\n");
                }
            }
        }
        ResultsHtml.categorySeven(html, state, catalog);
        html.append("</body></html>\n");
        return html.toString();
    }

    /** The seed's C-I-D worksheet ("กระบวนการ C I D"), with its column headings, under the Advance level. */
    private static void cidWorksheet(StringBuilder html, ReportState.CriterionSection section) {
        html.append("<h5>ตาราง C-I-D</h5>\n");
        java.util.List<ReportState.CidEntry> rows = RowsFold.worksheet(section);
        if (rows.isEmpty()) {
            html.append("<p class=\"empty\">(ยังไม่มีแถว)</p>\n");
            return;
        }
        html.append("<table class=\"cid\"><tr><th>").append(escape(CidRow.KIND_HEADING)).append("</th><th>")
            .append(escape(CidRow.DATA_HEADING)).append("</th><th>").append(escape(CidRow.OUTPUT_HEADING))
            .append("</th><th>").append(escape(CidRow.PROCESS_HEADING)).append("</th><th>")
            .append(escape(CidRow.NEED_HEADING)).append("</th></tr>\n");
        for (ReportState.CidEntry row : rows) {
            String kind = CidKind.fromCode(row.kind()).map(CidKind::english).orElse(row.kind());
            html.append("<tr><th>").append(escape(kind)).append("</th>");
            for (String cell : new String[] {row.data(), row.output(), row.process(), row.need()}) {
                html.append("<td class=\"text\">").append(escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    /** The key processes along the value chain, each as the seed's key-process profile. */
    private static void keyProcesses(StringBuilder html, ReportState state) {
        html.append("<h4>กระบวนการหลัก (Key processes) ตามห่วงโซ่คุณค่า</h4>\n");
        java.util.List<ReportState.KeyProcessEntry> processes = RowsFold.valueChain(state);
        if (processes.isEmpty()) {
            html.append("<p class=\"empty\">(ยังไม่มีกระบวนการหลัก)</p>\n");
            return;
        }
        for (ReportState.KeyProcessEntry process : processes) {
            html.append("<table class=\"key-process\">\n");
            row(html, KeyProcess.NAME_HEADING, process.name());
            row(html, KeyProcess.STAGE_HEADING, RowsFold.stageName(process.stage()));
            row(html, KeyProcess.NATIONAL_STRATEGY_HEADING, process.nationalStrategy());
            row(html, KeyProcess.OBJECTIVES_HEADING, process.objectives());
            row(html, KeyProcess.COMPETITIVENESS_HEADING, process.competitiveness());
            row(html, KeyProcess.OUTPUTS_HEADING, process.outputs());
            row(html, KeyProcess.SUCCESS_FACTORS_HEADING, process.successFactors());
            row(html, KeyProcess.LEADING_INDICATORS_HEADING, process.leadingIndicators());
            html.append("</table>\n");
        }
    }

    private static void row(StringBuilder html, String heading, String value) {
        html.append("<tr><th>").append(escape(heading)).append("</th><td class=\"text\">").append(escape(value))
            .append("</td></tr>\n");
    }

    private static final Map<String, String> WORKFLOW_THAI = Map.of(
            "DRAFTING", "กำลังร่าง", "READY_FOR_REVIEW", "รอทบทวน", "APPROVED", "อนุมัติแล้ว");

    private static void workflow(StringBuilder html, ReportState state, String section) {
        String status = state.workflow.getOrDefault(section, "DRAFTING");
        html.append("<p class=\"workflow ").append(escape(status.toLowerCase(Locale.ROOT))).append("\">สถานะ: ")
            .append(escape(WORKFLOW_THAI.getOrDefault(status, status)));
        if (state.changedSinceReady.contains(section)) {
            html.append(" (แก้ไขหลังส่งทบทวน)");
        }
        html.append("</p>\n");
    }

    private static String instant(Instant at) {
        return at == null ? "—" : escape(at.toString());
    }

    private static void text(StringBuilder html, ReportState.Text text) {
        text(html, text, null);
    }

    /**
     * A text, or while it is empty the catalog's prompt for it as a hint: set apart (grey italic, "คำแนะนำ:"), never
     * shown once the team has written the field, never stored as their text.
     */
    private static void text(StringBuilder html, ReportState.Text text, String hint) {
        if (text == null || !text.isDrafted()) {
            html.append("<p class=\"empty\">(ยังไม่ได้เขียน)</p>\n");
            if (hint != null) {
                html.append("<p class=\"hint\">คำแนะนำ: ").append(escape(hint)).append("</p>\n");
            }
        } else {
            html.append("<p class=\"text\">").append(escape(text.text())).append("</p>\n");
        }
    }

    /**
     * The score as what it is, an estimate by this tool's rule (the seed gives no weights and no formula), and beside
     * it what the seed does ask for: the level each sub-criterion was rated at.
     */
    private static void scores(StringBuilder html, ReportState state, Catalog catalog) {
        Map<String, Object> estimate = ReportRenderer.estimatedScore(state, catalog);
        Object value = estimate.get("value");
        html.append("<p>คะแนนประมาณการ (ตามกฎของเครื่องมือ ไม่ใช่เกณฑ์ทางการ): ")
            .append(value == null ? "—" : escape(String.valueOf(value)))
            .append(" (").append(estimate.get("rated")).append("/").append(estimate.get("criteria"))
            .append(" เกณฑ์ย่อยที่ประเมินแล้ว)</p>\n");
        if (estimate.get("estimateRuleThai") != null) {
            html.append("<p class=\"rule\">").append(escape(String.valueOf(estimate.get("estimateRuleThai")))).append("</p>\n");
        }
        html.append("<table class=\"rated-levels\"><tr><th>เกณฑ์ย่อย</th><th>ระดับที่ประเมิน</th><th>คะแนน</th></tr>\n");
        for (Map<String, Object> rated : ReportRenderer.ratedLevels(state, catalog)) {
            html.append("<tr><td>").append(escape(String.valueOf(rated.get("criterionId")))).append(" ")
                .append(escape(String.valueOf(rated.get("title")))).append("</td>");
            if (rated.get("level") == null) {
                html.append("<td class=\"empty\">ยังไม่ประเมิน</td><td></td></tr>\n");
            } else {
                html.append("<td>").append(escape(String.valueOf(rated.get("levelName")))).append(" (")
                    .append(escape(String.valueOf(rated.get("level")))).append(")</td><td>")
                    .append(rated.get("score")).append("</td></tr>\n");
            }
        }
        html.append("</table>\n");
    }

    /** Escapes the five characters that matter in HTML text and attributes; Thai and emoji pass through unchanged. */
    public static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
