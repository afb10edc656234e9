package th.pmqa.studio.infra.access;

import java.util.Locale;
import java.util.Optional;

/** What a person may do in PMQA Report Studio, as carried in the bearer token's roles claim. */
public enum Role {
    /** Reads and edits the drafts of their own organization's assessments; comments. */
    EDITOR,
    /** An editor who also rates, approves, labels versions, submits and reopens, for their own organization. */
    LEAD,
    /** Reads every assessment with its history; comments; extends submission windows; never edits drafts. */
    FACILITATOR,
    /** Opens assessments for any organization, rebuilds read models, reads everything. */
    ADMIN;

    /** Accepts {@code lead}, {@code LEAD} and {@code ROLE_LEAD}; anything else is no role of ours. */
    public static Optional<Role> parse(String claim) {
        if (claim == null) {
            return Optional.empty();
        }
        String name = claim.trim().toUpperCase(Locale.ROOT);
        if (name.startsWith("ROLE_")) {
            name = name.substring(5);
        }
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
