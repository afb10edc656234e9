package th.pmqa.studio.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content of one row of a sub-criterion's C-I-D worksheet, in the seed's columns: its kind (the "4.0
 * Performance" column: Collaboration, Innovation or Digitalization), ระบุข้อมูล (who or what: partners, the
 * innovation, the digital system), ผลผลิตที่จะเกิดขึ้น, กระบวนการที่เกี่ยวข้องกับ C I D and ตอบสนองความต้องการ (whose
 * needs it meets). Texts are kept exactly as written; an absent one is empty.
 */
public record CidRow(CidKind kind, String data, String output, String process, String need) {

    /** The seed's column headings (its worksheet "กระบวนการ C I D"), in its order. */
    public static final String KIND_HEADING = "4.0 Performance";
    public static final String DATA_HEADING = "ระบุข้อมูล";
    public static final String OUTPUT_HEADING = "ผลผลิตที่จะเกิดขึ้น";
    public static final String PROCESS_HEADING = "กระบวนการที่เกี่ยวข้องกับ C I D";
    public static final String NEED_HEADING = "ตอบสนองความต้องการ";

    public CidRow {
        data = data == null ? "" : data;
        output = output == null ? "" : output;
        process = process == null ? "" : process;
        need = need == null ? "" : need;
    }

    /** The row as the API names its fields, kind as its code: what merges and conflicts are about. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", kind == null ? null : kind.name());
        fields.put("data", data);
        fields.put("output", output);
        fields.put("process", process);
        fields.put("need", need);
        return fields;
    }

    public static CidRow of(Map<String, String> fields) {
        return new CidRow(CidKind.fromCode(fields.get("kind")).orElse(null), fields.get("data"), fields.get("output"),
                          fields.get("process"), fields.get("need"));
    }

    /** Characters of text the row holds. */
    public int characters() {
        return data.length() + output.length() + process.length() + need.length();
    }
}
