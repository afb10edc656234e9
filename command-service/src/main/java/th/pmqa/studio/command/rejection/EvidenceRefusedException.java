package th.pmqa.studio.command.rejection;

/** An evidence file refused for its bytes (empty, too large, a type it may not have or its bytes contradict). */
public class EvidenceRefusedException extends RejectedCommandException {

    private EvidenceRefusedException(RejectionKind kind, String problemType, String message) {
        super(kind, problemType, "file", message);
    }

    public static EvidenceRefusedException empty() {
        return new EvidenceRefusedException(RejectionKind.INVALID, "evidence-empty", "the file is empty");
    }

    public static EvidenceRefusedException tooLarge(long maxBytes) {
        return new EvidenceRefusedException(RejectionKind.TOO_LARGE, "evidence-too-large",
                "an evidence file is at most " + maxBytes + " bytes (studio.evidence.max-size); nothing was stored");
    }

    public static EvidenceRefusedException type(String message) {
        return new EvidenceRefusedException(RejectionKind.INVALID, "evidence-type", message);
    }
}
