package th.pmqa.studio.catalog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins every correction listed in {@code docs/catalog-pmqa-4.0-2567.md} ("Corrections"): the chosen reading is in the
 * catalog and the old one is gone. A ¶ marks the start or the end of a text, for corrections at its edges.
 */
class CatalogCorrectionsTest {

    private static final Catalog CATALOG = Catalogs.current();

    record Correction(String where, Function<Catalog, String> text, String oldReading, String newReading) {
        @Override
        public String toString() {
            return where + ": " + oldReading + " → " + newReading;
        }
    }

    private static Function<Catalog, String> requirement(String criterion, LevelKind level) {
        return c -> level(c, criterion, level).requirement();
    }

    private static Function<Catalog, String> english(String criterion, LevelKind level) {
        return c -> level(c, criterion, level).requirementEnglish();
    }

    private static Function<Catalog, String> explanation(String criterion, LevelKind level) {
        return c -> level(c, criterion, level).explanation();
    }

    private static Function<Catalog, String> example(String criterion, LevelKind level) {
        return c -> level(c, criterion, level).example();
    }

    private static Function<Catalog, String> goal(String criterion) {
        return c -> c.criterion(criterion).orElseThrow().goal();
    }

    private static Function<Catalog, String> intent(int category) {
        return c -> c.category(category).orElseThrow().intent();
    }

    private static CriterionLevel level(Catalog catalog, String criterion, LevelKind level) {
        return catalog.criterion(criterion).orElseThrow().level(level).orElseThrow();
    }

    static List<Correction> corrections() {
        LevelKind b = LevelKind.BASIC;
        LevelKind a = LevelKind.ADVANCE;
        LevelKind s = LevelKind.SIGNIFICANCE;
        return List.of(
                // requirements and their English tags
                new Correction("6.3 Advance requirement", requirement("6.3", a),
                        "ลดผลกระทบจากความเสียหาย", "ลดผลกระทบจากความเสี่ยง"),
                new Correction("4.2 Significance requirement", requirement("4.2", s),
                        "สื่อสารได้ทันทีที่ เกี่ยวกับ", "สื่อสารได้ทันท่วงที เกี่ยวกับ"),
                new Correction("5.3 Advance requirement", requirement("5.3", a),
                        "เพิ่มพูน สิ่งสมทักษะ", "เพิ่มพูน สั่งสมทักษะ"),
                new Correction("3.2 Advance requirement", requirement("3.2", a),
                        "และผู้มีส่วนได้ส่วน¶", "และผู้มีส่วนได้ส่วนเสีย¶"),
                new Correction("4.1 Advance requirement", requirement("4.1", a),
                        "มีประสิทธิภาพทันเวลา", "มีประสิทธิภาพ ทันเวลา"),
                new Correction("1.2 Basic English tag", english("1.2", b), "Integrity polity", "Integrity policy"),
                new Correction("3.3 Advance English tag", english("3.3", a),
                        "Effective an efficient", "Effective and efficient"),
                // explanations
                new Correction("5.1 Advance explanation", explanation("5.1", a),
                        "เพื่อตอบโต้ภัยกับยุทธศาสตร์", "เพื่อตอบโจทย์กับยุทธศาสตร์"),
                new Correction("1.3 Basic explanation", explanation("1.3", b), "ได้ทันที่¶", "ได้ทันท่วงที¶"),
                new Correction("1.3 Basic explanation", explanation("1.3", b),
                        "ยุทธศาสตร์ที่อาจผลกระทบเชิงลบ", "ยุทธศาสตร์ที่อาจเกิดผลกระทบเชิงลบ"),
                new Correction("4.1 Advance explanation", explanation("4.1", a), "อย่างทันถ่วงที", "อย่างทันท่วงที"),
                new Correction("4.1 Advance explanation", explanation("4.1", a),
                        "โดยเปรียบเทียบค่าเป้าหมาย", "โดยเปรียบเทียบกับค่าเป้าหมาย"),
                new Correction("4.2 Basic explanation", explanation("4.2", b),
                        "พร้อมใช้ นำเชื่อถือ", "พร้อมใช้ น่าเชื่อถือ"),
                new Correction("5.3 Advance explanation", explanation("5.3", a), "การสังสมทักษะ", "การสั่งสมทักษะ"),
                new Correction("6.1 Advance explanation", explanation("6.1", a),
                        "มาตรฐานการทำงาน เช่น ตัวชี้วัดด้าน¶", "มาตรฐานการทำงาน¶"),
                new Correction("2.3 Advance explanation", explanation("2.3", a), "ข้อมูลมหัด", "ข้อมูลมหัต"),
                new Correction("3.3 Advance explanation", explanation("3.3", a),
                        "ศูนย์กับเรื่องร้องเรียน", "ศูนย์รับเรื่องร้องเรียน"),
                new Correction("2.1 Significance explanation", explanation("2.1", s),
                        "ที่ส่งผลการดำเนินการ", "ที่ส่งผลต่อการดำเนินการ"),
                new Correction("6.2 Significance explanation", explanation("6.2", s),
                        "เข้ามา -มีส่วนร่วม", "เข้ามา มีส่วนร่วม"),
                // examples
                new Correction("4.2 Basic example", example("4.2", b), "พร้อมใช้ นำเชื่อถือ", "พร้อมใช้ น่าเชื่อถือ"),
                new Correction("4.1 Advance example", example("4.1", a),
                        "การบริหารจัดการนำ การ", "การบริหารจัดการน้ำ การ"),
                new Correction("6.1 Significance example", example("6.1", s), "ตั้งแต่ต้นนำได้แก่", "ตั้งแต่ต้นน้ำได้แก่"),
                new Correction("6.1 Significance example", example("6.1", s),
                        "บริหารจัดการนำด้วยเทคโนโลยี", "บริหารจัดการน้ำด้วยเทคโนโลยี"),
                new Correction("3.2 Advance example", example("3.2", a), "ของเสีย/นำเสีย", "ของเสีย/น้ำเสีย"),
                new Correction("1.1 Significance example", example("1.1", s), "ไม่เกินไม่เกิน", "ลดลงไม่เกิน 37.5"),
                // goals, titles and intents
                new Correction("1.2 goal", goal("1.2"),
                        "การนำไปสู่การปฏิบัติตามการตรวจสอบในเชิงรุก", "การนำไปสู่การปฏิบัติ การติดตามตรวจสอบในเชิงรุก"),
                new Correction("6.1 goal", goal("6.1"), "นำไปสู่ผลลัพธ์ที่¶", "นำไปสู่ผลลัพธ์ที่ต้องการ¶"),
                new Correction("4.3 goal", goal("4.3"), "การจัดการจัดการความรู้", "เพื่อการจัดการความรู้"),
                new Correction("2.3 title", c -> c.criterion("2.3").orElseThrow().title(),
                        "การปรับเปลี่ยน และการรายงานผล", "การปรับแผน และการรายงานผล"),
                new Correction("category 2 intent", intent(2), "ปรับแผนได้ทันเวลาที่¶", "ปรับแผนได้ทันเวลา¶"),
                new Correction("category 4 intent", intent(4), "การจัดการจัดการความรู้", "เพื่อการจัดการความรู้"),
                new Correction("category 5 intent", intent(5), "เกิดผลงาที่", "เกิดผลงานที่"),
                new Correction("category 5 intent", intent(5), "และมีความมีจริยธรรม", "และความมีจริยธรรม"),
                new Correction("category 6 intent", intent(6), "ประชาชนและและเพิ่ม", "ประชาชนและเพิ่ม"),
                new Correction("category 6 intent", intent(6),
                        "นวัตกรรมกระบวนการเพื่อสร้างคุณค่า", "บูรณาการกระบวนการเพื่อสร้างคุณค่า"),
                // category 7 and the A-D-R slides
                new Correction("7.5.1 title", c -> c.indicatorGroup("7.5.1").orElseThrow().title(),
                        "ของตัววัดรวม¶", "ของตัววัดร่วม¶"),
                new Correction("Deploy definition", c -> c.adrDefinition(AdrPart.DEPLOY).orElseThrow().definition(),
                        "ทัวถึง", "ทั่วถึง"),
                new Correction("Approach summary", c -> c.adrDefinition(AdrPart.APPROACH).orElseThrow().summary(),
                        "กระบวนการต่างอย่างเป็นระบบ", "กระบวนการต่างๆอย่างเป็นระบบ"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corrections")
    void theCatalogReadsTheChosenReadingAndNoLongerTheOldOne(Correction correction) {
        String text = "¶" + correction.text().apply(CATALOG) + "¶";
        assertThat(text).as(correction.where()).contains(correction.newReading())
                        .doesNotContain(correction.oldReading());
    }
}
