package th.pmqa.studio.query.export;

import th.pmqa.studio.catalog.AdrPart;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Catalogs;
import th.pmqa.studio.catalog.ProfileQuestion;
import th.pmqa.studio.query.view.CategoryView;
import th.pmqa.studio.query.view.CidRowView;
import th.pmqa.studio.query.view.EstimatedScoreView;
import th.pmqa.studio.query.view.KeyProcessView;
import th.pmqa.studio.query.view.LevelView;
import th.pmqa.studio.query.view.ProfileItemView;
import th.pmqa.studio.query.view.ProfileQuestionView;
import th.pmqa.studio.query.view.RatedLevelView;
import th.pmqa.studio.query.view.ReportView;
import th.pmqa.studio.query.view.SubCriterionView;
import th.pmqa.studio.query.view.TextView;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Application Report as a Word document, rendered from the typed report ({@link ReportView}, the one the JSON
 * and HTML come from) in the report's order: cover, table of contents, the Organizational Profile (13 questions with
 * their items), categories 1–6 (per sub-criterion: linked OP items and indicators, A-D-R per level, the C-I-D rows,
 * the Step-2 summary and rated level), category 7 as tables ({@link ResultsDocx}) and the summary of rated levels
 * with the estimate. Empty parts say so rather than vanish, so a reader sees what is missing.
 */
public final class ApplicationReportDocx {

    static final String NOT_WRITTEN = "(ยังไม่ได้เขียน)";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'น.'")
                                                                   .withZone(ZoneId.of("Asia/Bangkok"));

    private ApplicationReportDocx() {
    }

    public static byte[] write(ReportView report, ExportVersion version) {
        EvidenceNames evidence = EvidenceNames.of(report);
        ThaiDocx docx = new ThaiDocx();
        docx.pageNumbersInFooter();
        cover(docx, report, version);
        docx.pageBreak();
        docx.tableOfContents("สารบัญ", "(สารบัญจะปรากฏเมื่อเปิดเอกสาร: กด F9 หรือ \"ปรับปรุงเขตข้อมูล\" หากไม่ปรากฏ)", 2);
        profile(docx, report);
        Map<String, RatedLevelView> rated = report.ratedLevels().stream()
                .collect(Collectors.toMap(RatedLevelView::criterionId, Function.identity(), (a, b) -> a));
        for (CategoryView category : report.categories()) {
            docx.heading(1, "หมวด " + category.number() + " " + category.title());
            for (SubCriterionView criterion : category.criteria()) {
                criterion(docx, criterion, rated.get(criterion.id()), evidence);
            }
        }
        ResultsDocx.categorySeven(docx, report, evidence);
        summary(docx, report);
        return docx.bytes();
    }

    private static void cover(ThaiDocx docx, ReportView report, ExportVersion version) {
        for (int i = 0; i < 6; i++) {
            docx.centered("", false);
        }
        docx.title("รายงานผลการดำเนินการ (Application Report)");
        docx.centered("การพัฒนาคุณภาพการบริหารจัดการภาครัฐ (PMQA 4.0)", true);
        docx.centered(nullToEmpty(report.organization().name()), true);
        docx.centered("ปีงบประมาณ พ.ศ. " + report.fiscalYear(), false);
        docx.centered("ฉบับ: " + version.description(), false);
        docx.centered("สร้างเมื่อ " + WHEN.format(version.generatedAt()), false);
    }

    private static void profile(ThaiDocx docx, ReportView report) {
        docx.heading(1, "ลักษณะสำคัญขององค์การ (Organizational Profile)");
        // the part headings (ลักษณะองค์การ, สภาวการณ์ขององค์การ) are the catalog's, not the report's
        Catalog catalog = Catalogs.load(report.catalogVersion()).orElseGet(Catalogs::current);
        String part = null;
        for (ProfileQuestionView question : report.profile().questions()) {
            String partTitle = catalog.profileQuestion(question.number()).map(ProfileQuestion::partTitle).orElse(null);
            if (partTitle != null && !partTitle.equals(part)) {
                part = partTitle;
                docx.heading(2, part);
            }
            docx.heading(3, "(" + question.number() + ") " + question.text());
            if (!question.answerEmpty()) {
                docx.paragraphs(question.answer().text());
            }
            List<ProfileItemView> items = question.items() == null ? List.of() : question.items();
            for (ProfileItemView item : items) {
                docx.bold(item.number() + ". " + item.title());
                text(docx, item.text());
            }
            if (items.isEmpty() && question.answerEmpty()) {
                docx.paragraphs(NOT_WRITTEN);
            }
        }
    }

    private static void criterion(ThaiDocx docx, SubCriterionView criterion, RatedLevelView rated,
                                  EvidenceNames evidence) {
        docx.heading(2, criterion.id() + " " + criterion.title());
        List<String> items = criterion.profileItems().stream().map(i -> i.number() + ". " + i.title()).toList();
        docx.labelled("ประเด็น OP ที่เชื่อมโยง:", items.isEmpty() ? "-" : String.join(", ", items));
        List<String> groups = criterion.indicatorGroups().stream().map(g -> g.id() + " " + g.title()).toList();
        docx.labelled("ตัวชี้วัดที่เชื่อมโยง:", groups.isEmpty() ? "-" : String.join(", ", groups));
        List<String> files = criterion.evidence() == null ? List.of()
                : criterion.evidence().stream().map(evidence::nameOf).toList();
        if (!files.isEmpty()) {
            docx.labelled("หลักฐาน:", String.join(", ", files));
        }
        if (criterion.linkedKeyProcesses() != null) {
            List<String> linked = criterion.linkedKeyProcesses().stream().map(p -> nullToEmpty(p.name())).toList();
            docx.labelled("กระบวนการหลักที่เกี่ยวข้อง:", linked.isEmpty() ? "-" : String.join(", ", linked));
        }
        if (criterion.keyProcesses() != null) {
            keyProcesses(docx, criterion.keyProcesses());
        }
        for (LevelView level : criterion.levels()) {
            String name = level.guidance() == null ? level.level().pathName()
                    : level.guidance().name() + " (" + level.guidance().english() + ")";
            docx.heading(3, name);
            if (level.guidance() != null && level.guidance().requirement() != null) {
                docx.labelled("ข้อกำหนด:", level.guidance().requirement());
            }
            for (AdrPart part : AdrPart.values()) {
                docx.bold(partName(part));
                text(docx, level.part(part));
            }
            if (level.cid() != null) {
                cid(docx, level.cid());
            }
        }
        docx.heading(3, "สรุปภาพรวมและระดับที่ประเมิน (Step-2)");
        text(docx, criterion.summary());
        docx.labelled("ระดับที่ประเมิน:", criterion.rating() == null || rated == null ? "ยังไม่ประเมิน"
                : rated.levelName() + " (" + criterion.rating().score() + " คะแนน)");
    }

    private static void keyProcesses(ThaiDocx docx, List<KeyProcessView> processes) {
        docx.bold("กระบวนการหลัก (Key processes) ตามห่วงโซ่คุณค่า");
        if (processes.isEmpty()) {
            docx.paragraphs("(ยังไม่มีกระบวนการหลัก)");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (KeyProcessView p : processes) {
            rows.add(List.of(nullToEmpty(p.name()), nullToEmpty(p.stageName()), nullToEmpty(p.objectives()),
                             nullToEmpty(p.outputs()), nullToEmpty(p.leadingIndicators())));
        }
        docx.table(List.of("กระบวนการ", "ห่วงโซ่คุณค่า", "วัตถุประสงค์", "ผลผลิต", "ตัวชี้วัดนำ"), rows);
    }

    private static void cid(ThaiDocx docx, List<CidRowView> cid) {
        docx.bold("ตาราง C-I-D");
        if (cid.isEmpty()) {
            docx.paragraphs("(ยังไม่มีแถว)");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (CidRowView row : cid) {
            rows.add(List.of(nullToEmpty(row.kind()), nullToEmpty(row.data()), nullToEmpty(row.output()),
                             nullToEmpty(row.process()), nullToEmpty(row.need())));
        }
        docx.table(List.of("ประเภท", "ข้อมูล", "ผลผลิต", "กระบวนการ", "ความต้องการ"), rows);
    }

    private static void summary(ThaiDocx docx, ReportView report) {
        docx.heading(1, "สรุประดับที่ประเมินและคะแนนประมาณการ");
        List<List<String>> rows = new ArrayList<>();
        for (RatedLevelView rated : report.ratedLevels()) {
            rows.add(List.of(rated.criterionId() + " " + rated.title(),
                             rated.levelName() == null ? "ยังไม่ประเมิน" : rated.levelName(),
                             rated.score() == null ? "-" : rated.score().toString()));
        }
        docx.table(List.of("เกณฑ์ย่อย", "ระดับที่ประเมิน", "คะแนน"), rows);
        EstimatedScoreView estimate = report.estimatedScore();
        docx.labelled("คะแนนประมาณการ (ตามกฎของเครื่องมือ ไม่ใช่เกณฑ์ทางการ):",
                      (estimate.value() == null ? "ยังไม่มี" : estimate.value().toString()) + " จาก "
                      + estimate.rated() + "/" + estimate.criteria() + " เกณฑ์ย่อยที่ประเมินแล้ว");
        if (estimate.estimateRuleThai() != null) {
            docx.paragraphs(estimate.estimateRuleThai());
        }
    }

    static String partName(AdrPart part) {
        return switch (part) {
            case APPROACH -> "แนวทาง (Approach)";
            case DEPLOY -> "การนำไปปฏิบัติ (Deploy)";
            case RESULT -> "ผลลัพธ์ (Result)";
        };
    }

    private static void text(ThaiDocx docx, TextView text) {
        docx.paragraphs(text == null || text.empty() ? NOT_WRITTEN : text.text());
    }

    static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
