package th.pmqa.studio.command.rejection;

public class TextTooLongException extends RejectedCommandException {
    public TextTooLongException(String field, long length, int maxChars) {
        super(RejectionKind.TOO_LARGE, "text-too-long", field,
                field + " has " + length + " characters; at most " + maxChars + " are accepted");
    }
}
