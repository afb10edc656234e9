package th.pmqa.studio.command.answer;

/**
 * The answer of an edit that may have been merged with what others saved since it began. Its own package, below both
 * the commands that answer it and the web layer that counts merged edits, so that neither depends on the other.
 */
public interface EditAnswer {

    /** Whether the edit started from an older revision and was merged with what others saved since. */
    boolean merged();
}
