package th.pmqa.studio.command.rejection;

/** Why a command was refused, independent of HTTP so that the aggregate does not depend on the web layer. */
public enum RejectionKind {
    /** The addressed thing (criterion, OP item, result) does not exist. */
    NOT_FOUND,
    /** The command's content is wrong; sending it again unchanged fails again. */
    INVALID,
    /** The command does not fit the current state (submitted, already opened, duplicate id). */
    CONFLICT,
    /** The edit started from a revision that is no longer current. */
    STALE,
    /** A text exceeds the configured size limit. */
    TOO_LARGE
}
