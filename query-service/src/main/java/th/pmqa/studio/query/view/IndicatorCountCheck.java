package th.pmqa.studio.query.view;

/**
 * The seed's count guidance for an indicator group (7.1.1: "ไม่น้อยกว่า 2 ตัว ไม่เกิน 3 ตัว") against what the report
 * holds. The seed asks it of the organization's category 7 list, so the count is of the whole report: the distinct
 * indicators (by name, ignoring spaces around it) attached in that group under any sub-criterion and level; the same
 * indicator shown as evidence in two places is one indicator. Guidance for the team, never a refusal.
 *
 * @param count  the distinct indicators of the group in the report
 * @param within whether {@code count} is within {@code min}..{@code max}; false is what the report flags
 */
public record IndicatorCountCheck(int min, int max, String text, int count, boolean within) {
}
