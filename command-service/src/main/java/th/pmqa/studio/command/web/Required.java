package th.pmqa.studio.command.web;

import th.pmqa.studio.command.rejection.InvalidInputException;

/** Presence checks for request fields that a command cannot even be built without. */
public final class Required {

    private Required() {
    }

    public static <T> T field(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, field + " is required");
        }
        return value;
    }
}
