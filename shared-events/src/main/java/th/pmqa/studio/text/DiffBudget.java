package th.pmqa.studio.text;

/**
 * How much work diffs may still do, in steps of the Myers search (one compared pair of lines or words; a
 * character handed to the word splitter counts as {@link #STEPS_PER_TOKENIZED_CHARACTER}). Counted in steps rather
 * than measured in time so that the same texts always give the same diff: the history is rebuilt from the events
 * and must come out the same on every node. One budget may be shared by several diffs (all texts of a report diff),
 * so that a request's total stays bounded, not only each text's.
 */
public final class DiffBudget {

    /**
     * What one text's diff may spend: enough to split two texts of the largest allowed size (50,000 characters)
     * into words and to find a word diff with thousands of changed words; measured at a few tens of milliseconds
     * (infra/bench.sh --merge-only prints the worst cases).
     */
    public static final long ONE_TEXT = 12_000_000;

    /** Splitting text into Thai words costs about as much per character as this many steps of the search. */
    static final int STEPS_PER_TOKENIZED_CHARACTER = 40;

    private long remaining;

    public DiffBudget(long steps) {
        this.remaining = steps;
    }

    /** A budget for one diff of one text. */
    public static DiffBudget ofOneText() {
        return new DiffBudget(ONE_TEXT);
    }

    /**
     * Takes {@code steps} if they are left. If not, the budget is spent: false, and what little was left is gone too,
     * so that once one diff found it short, the diffs sharing it all fall back alike rather than by the crumbs.
     */
    boolean take(long steps) {
        if (steps > remaining) {
            remaining = 0;
            return false;
        }
        remaining -= steps;
        return true;
    }

    /** Whether splitting {@code characters} characters into words is still affordable; takes it if so. */
    boolean takeTokenizing(long characters) {
        return take(characters * STEPS_PER_TOKENIZED_CHARACTER);
    }

    public long remaining() {
        return remaining;
    }
}
