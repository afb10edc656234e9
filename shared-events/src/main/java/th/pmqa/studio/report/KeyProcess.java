package th.pmqa.studio.report;

import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Criterion;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One key process of an assessment (กระบวนการหลัก), in the fields of the seed's key-process profile for category 6:
 * its name, the national strategy it serves, its objectives, how it raises competitiveness, its outputs, the factors
 * its success depends on, its leading indicators, and where it sits in the value chain. Texts are kept exactly as
 * written; an absent one is empty.
 */
public record KeyProcess(String name, String nationalStrategy, String objectives, String competitiveness,
                         String outputs, String successFactors, String leadingIndicators, ValueChainStage stage) {

    /** The seed's headings of the key-process profile, in its order. */
    public static final String NAME_HEADING = "ชื่อกระบวนการหลัก";
    public static final String NATIONAL_STRATEGY_HEADING = "สอดคล้องกับยุทธศาสตร์ชาติ";
    public static final String OBJECTIVES_HEADING = "วัตถุประสงค์ของกระบวนการ";
    public static final String COMPETITIVENESS_HEADING = "การเพิ่มขีดความสามารถในการแข่งขัน";
    public static final String OUTPUTS_HEADING = "ผลผลิตของกระบวนการที่จะเกิดขึ้น";
    public static final String SUCCESS_FACTORS_HEADING = "ปัจจัยที่เกี่ยวข้องและส่งผลกระทบต่อความสำเร็จของกระบวนการ";
    public static final String LEADING_INDICATORS_HEADING = "ตัวชี้วัด (Leading Indicator)";
    public static final String STAGE_HEADING = "ห่วงโซ่คุณค่า (Value Chain)";

    /** The category whose sub-criteria may link to key processes. */
    public static final int CATEGORY = 6;

    public KeyProcess {
        name = name == null ? "" : name;
        nationalStrategy = nationalStrategy == null ? "" : nationalStrategy;
        objectives = objectives == null ? "" : objectives;
        competitiveness = competitiveness == null ? "" : competitiveness;
        outputs = outputs == null ? "" : outputs;
        successFactors = successFactors == null ? "" : successFactors;
        leadingIndicators = leadingIndicators == null ? "" : leadingIndicators;
    }

    /**
     * The sub-criterion the key processes are written and reviewed with: the first of category 6 (6.1, "design and
     * manage processes end to end", where the seed's workshop shows the value chain and the key-process profile).
     * Editing a key process is an edit of that section; both sides find it with this one rule.
     */
    public static Optional<Criterion> host(Catalog catalog) {
        return catalog.criteria().stream().filter(c -> c.category() == CATEGORY).findFirst();
    }

    /** The process as the API names its fields, stage as its lower-case name. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("nationalStrategy", nationalStrategy);
        fields.put("objectives", objectives);
        fields.put("competitiveness", competitiveness);
        fields.put("outputs", outputs);
        fields.put("successFactors", successFactors);
        fields.put("leadingIndicators", leadingIndicators);
        fields.put("stage", stage == null ? null : stage.pathName());
        return fields;
    }

    public static KeyProcess of(Map<String, String> fields) {
        return new KeyProcess(fields.get("name"), fields.get("nationalStrategy"), fields.get("objectives"),
                              fields.get("competitiveness"), fields.get("outputs"), fields.get("successFactors"),
                              fields.get("leadingIndicators"),
                              ValueChainStage.fromPath(fields.get("stage")).orElse(null));
    }

    /** Characters of text the process holds. */
    public int characters() {
        return name.length() + nationalStrategy.length() + objectives.length() + competitiveness.length()
               + outputs.length() + successFactors.length() + leadingIndicators.length();
    }
}
