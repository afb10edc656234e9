package th.pmqa.studio.infra.access;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ResponseStatusException;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads who is asking from the bearer token and decides whether they may. Claim names are configurable because
 * identity providers differ: the development tokens carry {@code org} and {@code roles}; Keycloak puts realm roles
 * under {@code realm_access.roles} and an organization in whatever claim a mapper adds (docs/operations.md,
 * "Identity (OIDC)").
 */
public final class StudioUsers {

    private final String organizationClaim;
    private final String rolesClaim;
    private final String nameClaim;

    public StudioUsers(String organizationClaim, String rolesClaim, String nameClaim) {
        this.organizationClaim = organizationClaim;
        this.rolesClaim = rolesClaim;
        this.nameClaim = nameClaim;
    }

    /**
     * The person a token names. Refused with a 401 problem: a token without a subject (every event records who did
     * it, and the rate limit counts per person), and one whose role is scoped to an organization (EDITOR, LEAD)
     * without naming that organization as text (a missing organization once became one called "null").
     */
    public StudioUser from(Jwt jwt) {
        if (jwt == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "a bearer token is required");
        }
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new UnauthenticatedProblem("The token names nobody: its sub claim is missing or blank");
        }
        Set<Role> roles = roles(claim(jwt, rolesClaim));
        String organization = claim(jwt, organizationClaim) instanceof String code && !code.isBlank() ? code : null;
        for (Role role : roles) {
            if (organization == null && Action.needsOrganization(role)) {
                throw new UnauthenticatedProblem("A token with role " + role + " must name its organization code as "
                                                 + "text in claim '" + organizationClaim + "'");
            }
        }
        String name = text(claim(jwt, nameClaim));
        if (name == null || name.isBlank()) {
            name = jwt.getClaimAsString("preferred_username");
        }
        if (name == null || name.isBlank()) {
            name = subject;
        }
        return new StudioUser(subject, name, organization, roles);
    }

    /** The PMQA roles a token carries, whatever else it lacks: what Spring's role checks (health details) look at. */
    public Set<Role> rolesOf(Jwt jwt) {
        return roles(claim(jwt, rolesClaim));
    }

    /** The user, if they may do {@code action} to an assessment of {@code organization}; a 403 problem otherwise. */
    public StudioUser require(Jwt jwt, Action action, String organization) {
        StudioUser user = from(jwt);
        if (!user.may(action, organization)) {
            throw new AccessDeniedProblem(action, describe(user, action, organization));
        }
        return user;
    }

    /**
     * The user, if they may do {@code action} to some organization's assessments (lists and streams then show only
     * those); a 403 problem otherwise.
     */
    public StudioUser requireSome(Jwt jwt, Action action) {
        StudioUser user = from(jwt);
        if (!action.allowsSomeOrganization(user)) {
            throw new AccessDeniedProblem(action, describe(user, action, user.organization()));
        }
        return user;
    }

    /**
     * The one organization whose assessments a list or stream may show this user, or {@code null} for all of them.
     * Only asked once {@link #requireSome} allowed the action, so a user limited to one organization has one.
     */
    public static String visibleOrganization(StudioUser user, Action action) {
        if (action.allowsEveryOrganization(user)) {
            return null;
        }
        if (user.organization() == null) {
            throw new AccessDeniedProblem(action, "a token without an organization sees no organization's assessments");
        }
        return user.organization();
    }

    private static String describe(StudioUser user, Action action, String organization) {
        String who = user.roles().isEmpty() ? "a token without a PMQA role" : "role " + user.roles();
        return switch (action) {
            case READ -> who + " may not read assessments of organization " + organization;
            case EDIT_DRAFT -> who + " may not edit drafts of organization " + organization;
            case RATE -> who + " may not rate levels of organization " + organization + " (a lead of it may)";
            case SUBMIT -> who + " may not submit or reopen assessments of organization " + organization
                           + " (a lead of it may)";
            case COMMENT -> who + " may not comment on assessments of organization " + organization;
            case APPROVE -> who + " may not approve or reopen sections of organization " + organization
                            + " (a lead of it may)";
            case LABEL -> who + " may not label versions of organization " + organization + " (a lead of it may)";
            case MANAGE_WINDOW -> who + " may not set or extend submission windows (facilitators and admins may)";
            case OPEN -> who + " may not open assessments for organization " + organization;
            case SEE_OPERATIONS -> who + " may not see the projection's status (facilitators and admins may)";
            case REBUILD -> who + " may not rebuild read models (admins may)";
            case SEE_METRICS -> who + " may not read the service's metrics (admins may)";
        };
    }

    /** Follows a dotted path ({@code realm_access.roles}) through nested claims. */
    private static Object claim(Jwt jwt, String path) {
        Object current = jwt.getClaims();
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Set<Role> roles(Object value) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (value instanceof Collection<?> list) {
            list.forEach(v -> Role.parse(String.valueOf(v)).ifPresent(roles::add));
        } else if (value instanceof String text) {
            for (String part : text.split("[\\s,]+")) {
                Role.parse(part).ifPresent(roles::add);
            }
        }
        return roles;
    }
}
