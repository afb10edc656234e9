package th.pmqa.studio.query.export;

import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Catalogs;
import th.pmqa.studio.catalog.Criterion;
import th.pmqa.studio.catalog.IndicatorGroup;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.catalog.ProfileItem;
import th.pmqa.studio.catalog.ProfileQuestion;
import th.pmqa.studio.query.model.ReportFold;
import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.query.view.ReportViewBuilder;
import th.pmqa.studio.query.view.ReportView;
import th.pmqa.studio.report.AssessmentEvent;
import th.pmqa.studio.report.CidKind;
import th.pmqa.studio.report.CidRow;
import th.pmqa.studio.report.CidRowAddedEvent;
import th.pmqa.studio.report.CidRowId;
import th.pmqa.studio.report.Comparison;
import th.pmqa.studio.report.ResultAttachedEvent;
import th.pmqa.studio.report.ResultDirection;
import th.pmqa.studio.report.ResultId;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static th.pmqa.studio.query.model.TestEvents.*;

/**
 * A report as large as a province hands in: every OP item and question written, all 18 sub-criteria with every A-D-R
 * part, summary, rating, links and C-I-D rows, and 50 results. Its texts carry what breaks Thai rendering: tone marks
 * on stacked vowels, sara am in both spellings, Thai digits and an emoji.
 */
public final class FullReport {

    /** A paragraph the tests look for byte-exact (tone marks, Thai digits, an emoji with a zero-width joiner). */
    public static final String THAI_PARAGRAPH =
            "ผู้บริหารร่วมกันกำหนดทิศทางองค์การ โดยรับฟังเสียงของผู้รับบริการทุกกลุ่ม น้ำ นํ้า ปี ๒๕๖๗ ได้ผลร้อยละ ๘๕ 👩‍💻";
    /** The value a test finds in the results table: a figure as entered, with its decimals. */
    public static final BigDecimal MARKED_VALUE = new BigDecimal("87.25");
    public static final int RESULTS = 50;

    private static final String SENTENCE = "ส่วนราชการได้ทบทวนกระบวนการสำคัญร่วมกับผู้มีส่วนได้ส่วนเสีย "
            + "และนำข้อมูลจากระบบติดตามผลมาปรับปรุงการให้บริการอย่างต่อเนื่อง เพื่อให้ประชาชนได้รับประโยชน์สูงสุด ";

    private FullReport() {
    }

    static String text(int sentences) {
        return SENTENCE.repeat(sentences).strip();
    }

    public static List<AssessmentEvent> events() {
        Catalog catalog = Catalogs.current();
        List<AssessmentEvent> events = new ArrayList<>();
        int minute = 1;
        events.add(opened());
        for (ProfileQuestion question : catalog.profileQuestions()) {
            events.add(answered(question.number(), "คำตอบภาพรวมของคำถามที่ " + question.number() + " " + text(2), 1,
                                SOMCHAI, minute++));
        }
        for (ProfileItem item : catalog.profileItems()) {
            String body = item.number() == 1 ? THAI_PARAGRAPH + "\n" + text(3) : text(4);
            events.add(profile(item.number(), body, 1, SOMCHAI, minute++));
        }
        int results = 0;
        List<IndicatorGroup> groups = catalog.indicatorGroups();
        for (Criterion criterion : catalog.criteria()) {
            String id = criterion.id();
            events.add(analysis(id, "วิเคราะห์เกณฑ์ " + id + " " + text(2), 1, SOMCHAI, minute++));
            events.add(linkedProfile(id, List.of(1, 2, 3), SOMCHAI, minute++));
            events.add(linkedIndicators(id, List.of(groups.get(0).id(), groups.get(1).id()), SOMCHAI, minute++));
            for (LevelKind level : LevelKind.values()) {
                events.add(approach(id, level, "แนวทาง " + id + " " + text(8), 1, SOMCHAI, minute++));
                events.add(deploy(id, level, "การนำไปปฏิบัติ " + id + " " + text(8), 1, SUDA, minute++));
                events.add(resultText(id, level, "ผลลัพธ์ " + id + " " + text(8), 1, SUDA, minute++));
            }
            for (CidKind kind : CidKind.values()) {
                events.add(new CidRowAddedEvent(ID, c(id), new CidRowId("row-" + id + "-" + kind),
                                                new CidRow(kind, "ข้อมูล " + text(1), "ผลผลิต " + text(1),
                                                           "กระบวนการ " + text(1), "ความต้องการ " + text(1)),
                                                1, SOMCHAI, at(minute++)));
            }
            events.add(summary(id, "สรุป " + id + " " + text(6), 1, SOMCHAI, minute++));
            events.add(rated(id, LevelKind.ADVANCE, 420, "ประเมินตนเอง", SOMCHAI, minute++));
        }
        List<Criterion> criteria = catalog.criteria();
        while (results < RESULTS) {
            IndicatorGroup group = groups.get(results % groups.size());
            Criterion criterion = criteria.get(results % criteria.size());
            BigDecimal last = results == 0 ? MARKED_VALUE : new BigDecimal(60 + results);
            events.add(new ResultAttachedEvent(ID, c(criterion.id()), LevelKind.SIGNIFICANCE,
                                               new ResultId("r-" + results), group.id(),
                                               "ตัวชี้วัดที่ " + (results + 1) + " ร้อยละความพึงพอใจของผู้รับบริการ",
                                               "ร้อยละ", new BigDecimal("90"),
                                               Map.of(2565, new BigDecimal("70.5"), 2566, new BigDecimal("80"),
                                                      2567, last),
                                               List.of("ev-" + results), SOMCHAI, at(minute++),
                                               new Comparison(new BigDecimal("82"), "ค่าเฉลี่ยจังหวัดในกลุ่มเดียวกัน"),
                                               ResultDirection.HIGHER));
            results++;
        }
        return events;
    }

    public static ReportState state() {
        return ReportFold.replay(events());
    }

    /** The typed report the exports render. */
    public static ReportView view() {
        return ReportViewBuilder.build(state());
    }
}
