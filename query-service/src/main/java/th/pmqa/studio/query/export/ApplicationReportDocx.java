package th.pmqa.studio.query.export;

import th.pmqa.studio.catalog.AdrPart;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Category;
import th.pmqa.studio.catalog.Criterion;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.catalog.ProfileItem;
import th.pmqa.studio.catalog.ProfileQuestion;
import th.pmqa.studio.query.report.ReportRenderer;
import th.pmqa.studio.query.report.ReportState;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Application Report as a Word document, in the report's order: cover, table of contents, the Organizational
 * Profile (13 questions with their items), categories 1–6 (per sub-criterion: linked OP items and indicators, A-D-R
 * per level, the C-I-D rows, the Step-2 summary and rated level), category 7 as tables ({@link ResultsDocx}) and the
 * summary of rated levels with the estimate. Empty parts say so rather than vanish, so a reader sees what is missing.
 */
public final class ApplicationReportDocx {

    static final String NOT_WRITTEN = "(ยังไม่ได้เขียน)";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'น.'")
                                                                   .withZone(ZoneId.of("Asia/Bangkok"));

    private ApplicationReportDocx() {
    }

    public static byte[] write(ReportState state, ExportVersion version, EvidenceNames evidence) {
        Catalog catalog = ReportRenderer.catalogOf(state);
        ThaiDocx docx = new ThaiDocx();
        docx.pageNumbersInFooter();
        cover(docx, state, version);
        docx.pageBreak();
        docx.tableOfContents("สารบัญ", "(สารบัญจะปรากฏเมื่อเปิดเอกสาร: กด F9 หรือ \"ปรับปรุงเขตข้อมูล\" หากไม่ปรากฏ)", 2);
        profile(docx, state, catalog);
        for (Category category : catalog.categories()) {
            category(docx, state, catalog, category);
        }
        ResultsDocx.categorySeven(docx, state, catalog, evidence);
        summary(docx, state, catalog);
        return docx.bytes();
    }

    private static void cover(ThaiDocx docx, ReportState state, ExportVersion version) {
        for (int i = 0; i < 6; i++) {
            docx.centered("", false);
        }
        docx.title("รายงานผลการดำเนินการ (Application Report)");
        docx.centered("การพัฒนาคุณภาพการบริหารจัดการภาครัฐ (PMQA 4.0)", true);
        docx.centered(nullToEmpty(state.organizationName), true);
        docx.centered("ปีงบประมาณ พ.ศ. " + state.fiscalYear, false);
        docx.centered("ฉบับ: " + version.description(), false);
        docx.centered("สร้างเมื่อ " + WHEN.format(version.generatedAt()), false);
    }

    private static void profile(ThaiDocx docx, ReportState state, Catalog catalog) {
        docx.heading(1, "ลักษณะสำคัญขององค์การ (Organizational Profile)");
        String part = null;
        for (ProfileQuestion question : catalog.profileQuestions()) {
            if (question.partTitle() != null && !question.partTitle().equals(part)) {
                part = question.partTitle();
                docx.heading(2, part);
            }
            docx.heading(3, "(" + question.number() + ") " + question.text());
            ReportState.Text answer = state.profileAnswers.get(Integer.toString(question.number()));
            if (drafted(answer)) {
                docx.paragraphs(answer.text());
            }
            boolean anyItem = false;
            for (ProfileItem item : catalog.profileItems()) {
                if (item.question() != question.number()) {
                    continue;
                }
                anyItem = true;
                docx.bold(item.number() + ". " + item.title());
                text(docx, state.profile.get(Integer.toString(item.number())));
            }
            if (!anyItem && !drafted(answer)) {
                docx.paragraphs(NOT_WRITTEN);
            }
        }
    }

    private static void category(ThaiDocx docx, ReportState state, Catalog catalog, Category category) {
        docx.heading(1, "หมวด " + category.number() + " " + category.title());
        for (Criterion criterion : catalog.criteria()) {
            if (criterion.category() != category.number()) {
                continue;
            }
            ReportState.CriterionSection section = state.criteria.getOrDefault(criterion.id(),
                                                                               new ReportState.CriterionSection());
            docx.heading(2, criterion.id() + " " + criterion.title());
            List<String> items = section.profileItems.stream()
                    .map(n -> n + ". " + catalog.profileItem(n).map(ProfileItem::title).orElse("")).toList();
            docx.labelled("ประเด็น OP ที่เชื่อมโยง:", items.isEmpty() ? "-" : String.join(", ", items));
            List<String> groups = section.indicatorGroups.stream()
                    .map(g -> g + " " + catalog.indicatorGroup(g).map(i -> i.title()).orElse("")).toList();
            docx.labelled("ตัวชี้วัดที่เชื่อมโยง:", groups.isEmpty() ? "-" : String.join(", ", groups));
            for (LevelKind level : LevelKind.values()) {
                docx.heading(3, catalog.band(level).nameThai() + " (" + catalog.band(level).nameEnglish() + ")");
                criterion.level(level).ifPresent(l -> docx.labelled("ข้อกำหนด:", l.requirement()));
                for (AdrPart part : AdrPart.values()) {
                    docx.bold(partName(part));
                    text(docx, section.parts.get(level.pathName() + "/" + part.pathName()));
                }
                if (level == LevelKind.ADVANCE) {
                    cid(docx, section);
                }
            }
            docx.heading(3, "สรุปภาพรวมและระดับที่ประเมิน (Step-2)");
            text(docx, section.summary);
            docx.labelled("ระดับที่ประเมิน:", section.rating == null ? "ยังไม่ประเมิน"
                    : catalog.band(section.rating.level()).nameThai() + " (" + section.rating.score() + " คะแนน)");
        }
    }

    private static void cid(ThaiDocx docx, ReportState.CriterionSection section) {
        docx.bold("ตาราง C-I-D");
        if (section.cid.isEmpty()) {
            docx.paragraphs("(ยังไม่มีแถว)");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (ReportState.CidEntry row : section.cid.values()) {
            rows.add(List.of(nullToEmpty(row.kind()), nullToEmpty(row.data()), nullToEmpty(row.output()),
                             nullToEmpty(row.process()), nullToEmpty(row.need())));
        }
        docx.table(List.of("ประเภท", "ข้อมูล", "ผลผลิต", "กระบวนการ", "ความต้องการ"), rows);
    }

    private static void summary(ThaiDocx docx, ReportState state, Catalog catalog) {
        docx.heading(1, "สรุประดับที่ประเมินและคะแนนประมาณการ");
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> rated : ReportRenderer.ratedLevels(state, catalog)) {
            rows.add(List.of(rated.get("criterionId") + " " + rated.get("title"),
                             rated.get("levelName") == null ? "ยังไม่ประเมิน" : rated.get("levelName").toString(),
                             rated.get("score") == null ? "-" : rated.get("score").toString()));
        }
        docx.table(List.of("เกณฑ์ย่อย", "ระดับที่ประเมิน", "คะแนน"), rows);
        Map<String, Object> estimate = ReportRenderer.estimatedScore(state, catalog);
        Object value = estimate.get("value");
        docx.labelled("คะแนนประมาณการ (ตามกฎของเครื่องมือ ไม่ใช่เกณฑ์ทางการ):",
                      (value == null ? "ยังไม่มี" : value.toString()) + " จาก " + estimate.get("rated") + "/"
                      + estimate.get("criteria") + " เกณฑ์ย่อยที่ประเมินแล้ว");
        Object rule = estimate.get("estimateRuleThai");
        if (rule != null) {
            docx.paragraphs(rule.toString());
        }
    }

    static String partName(AdrPart part) {
        return switch (part) {
            case APPROACH -> "แนวทาง (Approach)";
            case DEPLOY -> "การนำไปปฏิบัติ (Deploy)";
            case RESULT -> "ผลลัพธ์ (Result)";
        };
    }

    private static void text(ThaiDocx docx, ReportState.Text text) {
        docx.paragraphs(drafted(text) ? text.text() : NOT_WRITTEN);
    }

    private static boolean drafted(ReportState.Text text) {
        return text != null && text.isDrafted();
    }

    static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
