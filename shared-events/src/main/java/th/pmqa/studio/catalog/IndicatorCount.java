package th.pmqa.studio.catalog;

/**
 * How many indicators the seed asks for in one indicator group, e.g. 7.1.1 "ไม่น้อยกว่า 2 ตัว ไม่เกิน 3 ตัว" (at least 2,
 * at most 3). Guidance to show and to flag, never a reason to refuse a result.
 */
public record IndicatorCount(int min, int max, String text) {

    public IndicatorCount {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("indicator count " + min + ".." + max);
        }
    }

    public boolean admits(int count) {
        return count >= min && count <= max;
    }
}
