package th.pmqa.studio.command.rejection;

public class ConflictException extends RejectedCommandException {
    public ConflictException(String problemType, String field, String message) {
        super(RejectionKind.CONFLICT, problemType, field, message);
    }
}
