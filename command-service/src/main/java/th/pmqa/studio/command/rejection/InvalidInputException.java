package th.pmqa.studio.command.rejection;

public class InvalidInputException extends RejectedCommandException {
    public InvalidInputException(String field, String message) {
        super(RejectionKind.INVALID, "invalid-input", field, message);
    }
}
