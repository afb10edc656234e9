package th.pmqa.studio.query.view;

import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.catalog.AdrPart;
import th.pmqa.studio.report.CidRow;
import th.pmqa.studio.report.KeyProcess;
import th.pmqa.studio.report.SectionStatus;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report as a readable Thai HTML page, in Application Report order, rendered from the typed report
 * ({@link ReportView}) alone. Every piece of user text goes through {@link #escape}; the page has no script at all.
 */
public final class ReportHtml {

    private ReportHtml() {
    }

    public static String render(ReportState state) {
        return render(ReportViewBuilder.build(state));
    }

    public static String render(ReportView report) {
        StringBuilder html = new StringBuilder(16_384);
        String organization = report.organization().name();
        html.append("<!DOCTYPE html>\n<html lang=\"th\"><head><meta charset=\"utf-8\">")
            .append("<title>").append(escape(organization)).append(" — Application Report ")
            .append(report.fiscalYear()).append("</title>")
            .append("<style>body{font-family:sans-serif;max-width:60rem;margin:auto;line-height:1.6}")
            .append(".text{white-space:pre-wrap}.empty{color:#999}.hint,.rule{color:#888;font-style:italic}")
            .append("table{border-collapse:collapse}")
            .append("td,th{border:1px solid #ccc;padding:.2rem .5rem}.workflow{color:#555}.approved{color:#262}")
            .append(".flag{color:#a40;font-weight:bold}</style></head><body>\n");
        html.append("<h1>").append(escape(organization)).append("</h1>\n<p>Application Report PMQA 4.0 ปีงบประมาณ ")
            .append(report.fiscalYear()).append(" · ").append(escape(report.status() == null ? null : report.status().name()))
            .append(" · position ").append(report.position()).append("</p>\n");
        scores(html, report);

        ReviewProgress review = report.workflow();
        html.append("<p>การทบทวน: อนุมัติแล้ว ").append(review.approved()).append("/").append(review.sections())
            .append(" ส่วน · รอทบทวน ").append(review.readyForReview()).append(" · กำลังร่าง ")
            .append(review.drafting());
        if (review.changedSinceReady() > 0) {
            html.append(" · แก้ไขหลังส่งทบทวน ").append(review.changedSinceReady());
        }
        html.append("</p>\n");
        if (report.submissionWindow() != null) {
            html.append("<p>ช่วงเวลาส่ง: ").append(instant(report.submissionWindow().opensAt())).append(" – ")
                .append(instant(report.submissionWindow().closesAt())).append("</p>\n");
        }
        if (!report.labels().isEmpty()) {
            // labels are typed by leads, so they are user text like any other
            html.append("<h2>ฉบับที่ตั้งชื่อไว้</h2>\n<ul class=\"labels\">\n");
            for (LabelView label : report.labels()) {
                html.append("<li>").append(escape(label.label())).append(" · position ").append(label.position())
                    .append(" · ").append(escape(label.author() == null ? "" : label.author().name()))
                    .append(" · ").append(instant(label.at())).append("</li>\n");
            }
            html.append("</ul>\n");
        }

        html.append("<h2>ลักษณะสำคัญขององค์การ (OP)</h2>\n");
        workflow(html, report.profile().workflow(), report.profile().changedSinceReady());
        for (ProfileQuestionView question : report.profile().questions()) {
            html.append("<h3>(").append(question.number()).append(") ").append(escape(question.text())).append("</h3>\n");
            // A question answered through its items shows its own answer only when there is one; a question without
            // items (6, โครงสร้างองค์การ) is answered here or not at all, so it always shows its field.
            if (question.items().isEmpty() || !question.answerEmpty()) {
                text(html, question.answer());
            }
            for (ProfileItemView item : question.items()) {
                html.append("<h4>").append(item.number()).append(". ").append(escape(item.title())).append("</h4>\n");
                text(html, item.text());
            }
        }
        for (CategoryView category : report.categories()) {
            html.append("<h2>หมวด ").append(category.number()).append(" ").append(escape(category.title())).append("</h2>\n");
            for (SubCriterionView criterion : category.criteria()) {
                criterion(html, criterion, report.evidence());
            }
        }
        ResultsHtml.categorySeven(html, report.results());
        html.append("</body></html>\n");
        return html.toString();
    }

    private static void criterion(StringBuilder html, SubCriterionView criterion, List<EvidenceView> evidence) {
        html.append("<h3>").append(escape(criterion.id())).append(" ").append(escape(criterion.title())).append("</h3>\n");
        workflow(html, criterion.workflow(), criterion.changedSinceReady());
        html.append("<h4>การวิเคราะห์ (Step-1)</h4>\n");
        text(html, criterion.analysis(), criterion.prompts().analysis());
        html.append("<p>OP: ").append(escape(criterion.profileItems().stream().map(i -> "OP " + i.number())
                                                        .collect(Collectors.joining(", "))))
            .append(" · ตัวชี้วัด: ").append(escape(criterion.indicatorGroups().stream().map(LinkedIndicatorGroupView::id)
                                                           .collect(Collectors.joining(", ")))).append("</p>\n");
        if (criterion.evidence() != null && !criterion.evidence().isEmpty()) {
            // names only: the page is shown in a sandboxed frame without the reader's token, so no download links
            html.append("<p>หลักฐาน: ").append(escape(evidence.stream()
                    .filter(file -> criterion.evidence().contains(file.evidenceId())).map(EvidenceView::fileName)
                    .collect(Collectors.joining(", ")))).append("</p>\n");
        }
        if (criterion.linkedKeyProcesses() != null) {
            // a link to a process no longer there shows its id
            html.append("<p>กระบวนการหลักที่เกี่ยวข้อง: ").append(escape(criterion.linkedKeyProcesses().stream()
                    .map(p -> p.stage() == null && p.name().isEmpty() ? p.processId() : p.name())
                    .collect(Collectors.joining(", ")))).append("</p>\n");
        }
        if (criterion.keyProcesses() != null) {
            keyProcesses(html, criterion.keyProcesses());
        }
        for (LevelView level : criterion.levels()) {
            LevelGuidance guidance = level.guidance();
            html.append("<h4>").append(escape(guidance.name())).append(" (").append(escape(guidance.english()))
                .append(")</h4>\n");
            if (guidance.requirement() != null) {
                html.append("<p><em>").append(escape(guidance.requirement())).append("</em></p>\n");
            }
            for (AdrPart part : AdrPart.values()) {
                html.append("<h5>").append(part.name()).append("</h5>\n");
                text(html, level.part(part), level.prompt(part));
            }
            ResultsHtml.level(html, level.results());
            if (level.cid() != null) {
                cidWorksheet(html, level.cid());
            }
        }
        html.append("<h4>สรุปภาพรวม</h4>\n");
        text(html, criterion.summary(), criterion.prompts().summary());
        if (criterion.rating() != null) {
            html.append("<p>ระดับ: ").append(escape(criterion.rating().asText())).append("</p>\n");
        }
    }

    /** The seed's C-I-D worksheet ("กระบวนการ C I D"), with its column headings, under the Advance level. */
    private static void cidWorksheet(StringBuilder html, List<CidRowView> rows) {
        html.append("<h5>ตาราง C-I-D</h5>\n");
        if (rows.isEmpty()) {
            html.append("<p class=\"empty\">(ยังไม่มีแถว)</p>\n");
            return;
        }
        html.append("<table class=\"cid\"><tr><th>").append(escape(CidRow.KIND_HEADING)).append("</th><th>")
            .append(escape(CidRow.DATA_HEADING)).append("</th><th>").append(escape(CidRow.OUTPUT_HEADING))
            .append("</th><th>").append(escape(CidRow.PROCESS_HEADING)).append("</th><th>")
            .append(escape(CidRow.NEED_HEADING)).append("</th></tr>\n");
        for (CidRowView row : rows) {
            html.append("<tr><th>").append(escape(row.kindName())).append("</th>");
            for (String cell : new String[] {row.data(), row.output(), row.process(), row.need()}) {
                html.append("<td class=\"text\">").append(escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    /** The key processes along the value chain, each as the seed's key-process profile. */
    private static void keyProcesses(StringBuilder html, List<KeyProcessView> processes) {
        html.append("<h4>กระบวนการหลัก (Key processes) ตามห่วงโซ่คุณค่า</h4>\n");
        if (processes.isEmpty()) {
            html.append("<p class=\"empty\">(ยังไม่มีกระบวนการหลัก)</p>\n");
            return;
        }
        for (KeyProcessView process : processes) {
            html.append("<table class=\"key-process\">\n");
            row(html, KeyProcess.NAME_HEADING, process.name());
            row(html, KeyProcess.STAGE_HEADING, process.stageName());
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

    private static final Map<SectionStatus, String> WORKFLOW_THAI = Map.of(
            SectionStatus.DRAFTING, "กำลังร่าง", SectionStatus.READY_FOR_REVIEW, "รอทบทวน",
            SectionStatus.APPROVED, "อนุมัติแล้ว");

    private static void workflow(StringBuilder html, SectionStatus status, boolean changedSinceReady) {
        html.append("<p class=\"workflow ").append(escape(status.name().toLowerCase(Locale.ROOT))).append("\">สถานะ: ")
            .append(escape(WORKFLOW_THAI.get(status)));
        if (changedSinceReady) {
            html.append(" (แก้ไขหลังส่งทบทวน)");
        }
        html.append("</p>\n");
    }

    private static String instant(Instant at) {
        return at == null ? "—" : escape(at.toString());
    }

    private static void text(StringBuilder html, TextView text) {
        text(html, text, null);
    }

    /**
     * A text, or while it is empty the catalog's prompt for it as a hint: set apart (grey italic, "คำแนะนำ:"), never
     * shown once the team has written the field, never stored as their text.
     */
    private static void text(StringBuilder html, TextView text, String hint) {
        if (text == null || text.empty()) {
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
    private static void scores(StringBuilder html, ReportView report) {
        EstimatedScoreView estimate = report.estimatedScore();
        html.append("<p>คะแนนประมาณการ (ตามกฎของเครื่องมือ ไม่ใช่เกณฑ์ทางการ): ")
            .append(estimate.value() == null ? "—" : escape(String.valueOf(estimate.value())))
            .append(" (").append(estimate.rated()).append("/").append(estimate.criteria())
            .append(" เกณฑ์ย่อยที่ประเมินแล้ว)</p>\n");
        if (estimate.estimateRuleThai() != null) {
            html.append("<p class=\"rule\">").append(escape(estimate.estimateRuleThai())).append("</p>\n");
        }
        html.append("<table class=\"rated-levels\"><tr><th>เกณฑ์ย่อย</th><th>ระดับที่ประเมิน</th><th>คะแนน</th></tr>\n");
        for (RatedLevelView rated : report.ratedLevels()) {
            html.append("<tr><td>").append(escape(rated.criterionId())).append(" ").append(escape(rated.title()))
                .append("</td>");
            if (rated.level() == null) {
                html.append("<td class=\"empty\">ยังไม่ประเมิน</td><td></td></tr>\n");
            } else {
                html.append("<td>").append(escape(rated.levelName())).append(" (").append(escape(rated.level().pathName()))
                    .append(")</td><td>").append(rated.score()).append("</td></tr>\n");
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
