package th.pmqa.studio.infra.access;

import java.util.Set;

/**
 * The person behind a request, from the bearer token: subject, display name, organization code and roles. The
 * organization is what tenant isolation rests on, so it comes from the identity provider, never from the request.
 */
public record StudioUser(String userId, String name, String organization, Set<Role> roles) {

    public StudioUser {
        roles = Set.copyOf(roles);
    }

    public boolean may(Action action, String organization) {
        return action.allows(this, organization);
    }
}
