package th.pmqa.studio.infra.access;

import java.util.EnumSet;
import java.util.Set;

import static th.pmqa.studio.infra.access.Role.ADMIN;
import static th.pmqa.studio.infra.access.Role.EDITOR;
import static th.pmqa.studio.infra.access.Role.FACILITATOR;
import static th.pmqa.studio.infra.access.Role.LEAD;

/**
 * Everything a request can do, with who may do it: the one table both services enforce. Roles in
 * {@code ownOrganization} may act only on their own organization's assessments, roles in {@code anyOrganization} on
 * every one.
 */
public enum Action {
    /** Read an assessment: report, history, time travel, change feed, streams, exports. */
    READ(EnumSet.of(EDITOR, LEAD), EnumSet.of(FACILITATOR, ADMIN)),
    /** Write draft text and links: OP items, A-D-R parts, summaries, linked OP items and results. */
    EDIT_DRAFT(EnumSet.of(EDITOR, LEAD), EnumSet.noneOf(Role.class)),
    /** Rate a sub-criterion's level. */
    RATE(EnumSet.of(LEAD), EnumSet.noneOf(Role.class)),
    /** Approve a section that is ready for review, or send a section back to drafting. */
    APPROVE(EnumSet.of(LEAD), EnumSet.noneOf(Role.class)),
    /** Name the current version of an assessment. */
    LABEL(EnumSet.of(LEAD), EnumSet.noneOf(Role.class)),
    /** Set an assessment's submission window, or extend it. */
    MANAGE_WINDOW(EnumSet.noneOf(Role.class), EnumSet.of(FACILITATOR, ADMIN)),
    /** Submit or reopen an assessment. */
    SUBMIT(EnumSet.of(LEAD), EnumSet.noneOf(Role.class)),
    /**
     * Comment on an assessment's sections: start, reply to, resolve and reopen threads. Facilitators, who never edit,
     * comment on every organization's report, also once it is submitted.
     */
    COMMENT(EnumSet.of(EDITOR, LEAD), EnumSet.of(FACILITATOR, ADMIN)),
    /** Open an assessment for an organization and fiscal year. */
    OPEN(EnumSet.of(LEAD), EnumSet.of(ADMIN)),
    /** See how the projection stands. */
    SEE_OPERATIONS(EnumSet.noneOf(Role.class), EnumSet.of(FACILITATOR, ADMIN)),
    /** Drop and rebuild the read models. */
    REBUILD(EnumSet.noneOf(Role.class), EnumSet.of(ADMIN)),
    /** Read the service's metrics ({@code /actuator/prometheus}) and any other actuator endpoint but health. */
    SEE_METRICS(EnumSet.noneOf(Role.class), EnumSet.of(ADMIN));

    private final Set<Role> ownOrganization;
    private final Set<Role> anyOrganization;

    Action(Set<Role> ownOrganization, Set<Role> anyOrganization) {
        this.ownOrganization = ownOrganization;
        this.anyOrganization = anyOrganization;
    }

    /**
     * Whether a token with this role must name an organization: the role may do something only to its own
     * organization's assessments (EDITOR, LEAD).
     */
    public static boolean needsOrganization(Role role) {
        for (Action action : values()) {
            if (action.ownOrganization.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether someone with these roles may do this to an assessment of {@code organization}. */
    public boolean allows(StudioUser user, String organization) {
        if (user.roles().stream().anyMatch(anyOrganization::contains)) {
            return true;
        }
        return organization != null && organization.equals(user.organization())
               && user.roles().stream().anyMatch(ownOrganization::contains);
    }

    /** Whether these roles may do this to at least their own organization's assessments. */
    public boolean allowsSomeOrganization(StudioUser user) {
        return user.roles().stream().anyMatch(r -> anyOrganization.contains(r) || ownOrganization.contains(r));
    }

    /** Whether these roles may do this to every organization's assessments, not only their own. */
    public boolean allowsEveryOrganization(StudioUser user) {
        return user.roles().stream().anyMatch(anyOrganization::contains);
    }
}
