package th.pmqa.studio.command.rejection;

/**
 * A command refused before anything was stored. Carries what a client needs to correct it: the kind, a stable
 * problem type and the request field at fault (may be {@code null} when no single field is to blame).
 */
public abstract class RejectedCommandException extends RuntimeException {

    private final RejectionKind kind;
    private final String problemType;
    private final String field;

    protected RejectedCommandException(RejectionKind kind, String problemType, String field, String message) {
        // Rejections are expected outcomes, not bugs: a stack trace would only cost time and log noise.
        super(message, null, false, false);
        this.kind = kind;
        this.problemType = problemType;
        this.field = field;
    }

    public RejectionKind kind() {
        return kind;
    }

    /** Short slug such as {@code stale-revision}; the web layer turns it into a problem type URI. */
    public String problemType() {
        return problemType;
    }

    public String field() {
        return field;
    }

    /** Further members of the problem details, for a client to resolve the refusal without another request. */
    public java.util.Map<String, Object> properties() {
        return java.util.Map.of();
    }
}
