package th.pmqa.studio.catalog;

/** What a sub-criterion asks at one level: ข้อกำหนด (Thai and the English tag), คำอธิบาย, ตัวอย่าง. */
public record CriterionLevel(LevelKind level, String requirement, String requirementEnglish,
                             String explanation, String example) {
}
