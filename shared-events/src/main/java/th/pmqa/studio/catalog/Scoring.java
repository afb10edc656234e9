package th.pmqa.studio.catalog;

/**
 * Where the weights of the score estimate come from and the rule that uses them. {@code weightsSource} is "tool" when
 * the weights are this tool's own choice (the seed gives no weights and no formula), "seed" only if a future
 * catalog's source prints them.
 */
public record Scoring(String weightsSource, String rule, String ruleThai) {

    public static final String TOOL = "tool";
    public static final String SEED = "seed";

    public Scoring {
        if (!TOOL.equals(weightsSource) && !SEED.equals(weightsSource)) {
            throw new IllegalArgumentException("weightsSource is tool or seed, not " + weightsSource);
        }
    }
}
