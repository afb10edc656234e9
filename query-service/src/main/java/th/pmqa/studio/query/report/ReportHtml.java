package th.pmqa.studio.query.report;

import th.pmqa.studio.catalog.AdrPart;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Category;
import th.pmqa.studio.catalog.Criterion;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.catalog.ProfileItem;
import th.pmqa.studio.catalog.ProfileQuestion;

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
            .append(".text{white-space:pre-wrap}.empty{color:#999}table{border-collapse:collapse}")
            .append("td,th{border:1px solid #ccc;padding:.2rem .5rem}.workflow{color:#555}.approved{color:#262}")
            .append(".flag{color:#a40;font-weight:bold}</style></head><body>\n");
        html.append("<h1>").append(escape(state.organizationName)).append("</h1>\n<p>Application Report PMQA 4.0 ปีงบประมาณ ")
            .append(state.fiscalYear).append(" · ").append(escape(state.status)).append(" · position ")
            .append(state.position).append("</p>\n");
        Map<String, Object> overall = ReportRenderer.overallScore(state, catalog);
        html.append("<p>คะแนนโดยประมาณ: ").append(escape(String.valueOf(overall.get("value"))))
            .append(" (").append(overall.get("rated")).append("/").append(overall.get("criteria")).append(" เกณฑ์ย่อยที่ประเมินแล้ว)</p>\n");

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
        workflow(html, state, "profile");
        for (ProfileQuestion question : catalog.profileQuestions()) {
            html.append("<h3>(").append(question.number()).append(") ").append(escape(question.text())).append("</h3>\n");
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
                workflow(html, state, "criteria/" + criterion.id());
                html.append("<p>OP: ").append(escape(ReportFold.items(section.profileItems)))
                    .append(" · ตัวชี้วัด: ").append(escape(String.join(", ", section.indicatorGroups))).append("</p>\n");
                for (LevelKind level : LevelKind.values()) {
                    html.append("<h4>").append(escape(catalog.band(level).nameThai())).append(" (")
                        .append(escape(catalog.band(level).nameEnglish())).append(")</h4>\n");
                    criterion.level(level).ifPresent(l -> html.append("<p><em>").append(escape(l.requirement())).append("</em></p>\n"));
                    for (AdrPart part : AdrPart.values()) {
                        html.append("<h5>").append(part.name()).append("</h5>\n");
                        text(html, section.parts.get(level.pathName() + "/" + part.pathName()));
                    }
                    ResultsHtml.level(html, section, level);
                }
                html.append("<h4>สรุปภาพรวม</h4>\n");
                text(html, section.summary);
                if (section.rating != null) {
                    html.append("<p>ระดับ: ").append(escape(ReportFold.rating(section.rating))).append("</p>\n");
                }
            }
        }
        ResultsHtml.categorySeven(html, state, catalog);
        html.append("</body></html>\n");
        return html.toString();
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
        if (text == null || !text.isDrafted()) {
            html.append("<p class=\"empty\">(ยังไม่ได้เขียน)</p>\n");
        } else {
            html.append("<p class=\"text\">").append(escape(text.text())).append("</p>\n");
        }
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
