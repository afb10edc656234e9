package th.pmqa.studio.report;

import java.math.BigDecimal;

/**
 * A comparison value (ค่าเทียบเคียง) for a measured result and where it comes from, e.g. 82.5 from "ค่าเฉลี่ยของ
 * จังหวัดในกลุ่มภาคตะวันออกเฉียงเหนือ ปี 2566": what an assessor sets the organization's own figures against besides
 * its target. Both are given together; the aggregate checks the value like a target and requires the source.
 */
public record Comparison(BigDecimal value, String source) {
}
