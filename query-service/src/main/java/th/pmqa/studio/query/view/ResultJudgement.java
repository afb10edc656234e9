package th.pmqa.studio.query.view;

import th.pmqa.studio.report.Comparison;
import th.pmqa.studio.report.ResultDirection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a result's figures read, computed from the stored numbers as they are (BigDecimal: exact, no rounding):
 * <ul>
 *     <li>{@code trend}: how the values moved over the fiscal years that have one, from each year to the next.
 *     {@code rising} or {@code falling} when every step goes that way or stays, {@code flat} when none moves,
 *     {@code fluctuating} when steps go both ways; {@code change} is the latest value less the earliest. Null with
 *     fewer than two years;</li>
 *     <li>{@code targetGap}: the latest year's value less the target; null without a target or a value;</li>
 *     <li>{@code comparisonGap}: the latest year's value less the comparison value; null without either.</li>
 * </ul>
 * Only with a {@link ResultDirection} does a movement or a difference become a judgement (improving / worsening,
 * target met or not, better / worse than the comparison); without one those are null, because a falling death rate
 * read as "higher is better" would be called a decline. Differences only, no percentages: a ratio would need
 * rounding, and the unit often is a percentage already.
 */
public record ResultJudgement(Trend trend, TargetGap targetGap, ComparisonGap comparisonGap) {

    /** How the values moved from {@code fromYear} to {@code toYear}; {@code judgement} needs a direction. */
    public record Trend(int fromYear, BigDecimal from, int toYear, BigDecimal to, BigDecimal change, int years,
                        String movement, String judgement) {
    }

    /** The latest year's value against the target; {@code met} needs a direction (the target itself counts as met). */
    public record TargetGap(int year, BigDecimal value, BigDecimal target, BigDecimal difference, Boolean met) {
    }

    /** The latest year's value against the comparison value: {@code better}, {@code equal} or {@code worse}. */
    public record ComparisonGap(int year, BigDecimal value, BigDecimal comparison, BigDecimal difference,
                                String judgement) {
    }

    public static final String RISING = "rising";
    public static final String FALLING = "falling";
    public static final String FLAT = "flat";
    public static final String FLUCTUATING = "fluctuating";
    public static final String IMPROVING = "improving";
    public static final String WORSENING = "worsening";

    /** How the figures of a result read: its values by fiscal year, target, comparison and direction (each may be null). */
    public static ResultJudgement of(Map<Integer, BigDecimal> valuesByFiscalYear, BigDecimal resultTarget,
                                     Comparison against, ResultDirection direction) {
        TreeMap<Integer, BigDecimal> values = new TreeMap<>();
        if (valuesByFiscalYear != null) {
            valuesByFiscalYear.forEach((year, value) -> {
                if (year != null && value != null) {
                    values.put(year, value);
                }
            });
        }
        Map.Entry<Integer, BigDecimal> latest = values.lastEntry();
        TargetGap target = null;
        if (latest != null && resultTarget != null) {
            BigDecimal difference = latest.getValue().subtract(resultTarget);
            target = new TargetGap(latest.getKey(), latest.getValue(), resultTarget, difference,
                                   direction == null ? null : better(difference, direction) >= 0);
        }
        ComparisonGap comparison = null;
        if (latest != null && against != null && against.value() != null) {
            BigDecimal difference = latest.getValue().subtract(against.value());
            comparison = new ComparisonGap(latest.getKey(), latest.getValue(), against.value(), difference,
                                           direction == null ? null : switch (better(difference, direction)) {
                                               case 1 -> "better";
                                               case -1 -> "worse";
                                               default -> "equal";
                                           });
        }
        return new ResultJudgement(trend(values, direction), target, comparison);
    }

    private static Trend trend(TreeMap<Integer, BigDecimal> values, ResultDirection direction) {
        if (values.size() < 2) {
            return null;
        }
        List<BigDecimal> inOrder = new ArrayList<>(values.values());
        boolean up = false;
        boolean down = false;
        for (int i = 1; i < inOrder.size(); i++) {
            int step = inOrder.get(i).compareTo(inOrder.get(i - 1));
            up |= step > 0;
            down |= step < 0;
        }
        String movement = up && down ? FLUCTUATING : up ? RISING : down ? FALLING : FLAT;
        String judgement = null;
        if (direction != null) {
            judgement = switch (movement) {
                case RISING -> direction == ResultDirection.HIGHER ? IMPROVING : WORSENING;
                case FALLING -> direction == ResultDirection.LOWER ? IMPROVING : WORSENING;
                default -> movement;
            };
        }
        Map.Entry<Integer, BigDecimal> first = values.firstEntry();
        Map.Entry<Integer, BigDecimal> last = values.lastEntry();
        return new Trend(first.getKey(), first.getValue(), last.getKey(), last.getValue(),
                         last.getValue().subtract(first.getValue()), values.size(), movement, judgement);
    }

    /** 1 when a difference (value less reference) is the better side in {@code direction}, -1 the worse, 0 equal. */
    private static int better(BigDecimal difference, ResultDirection direction) {
        int sign = difference.signum();
        return direction == ResultDirection.HIGHER ? sign : -sign;
    }
}
