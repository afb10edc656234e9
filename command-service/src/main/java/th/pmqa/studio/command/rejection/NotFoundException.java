package th.pmqa.studio.command.rejection;

public class NotFoundException extends RejectedCommandException {
    public NotFoundException(String field, String message) {
        super(RejectionKind.NOT_FOUND, "not-found", field, message);
    }
}
