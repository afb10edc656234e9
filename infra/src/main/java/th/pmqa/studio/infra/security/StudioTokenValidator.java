package th.pmqa.studio.infra.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import th.pmqa.studio.infra.access.StudioUsers;
import th.pmqa.studio.infra.access.UnauthenticatedProblem;

/**
 * What the studio needs of a token beyond a valid signature and issuer, checked when the token is decoded so that a
 * token lacking it is refused (401) for every request alike: an expiry ({@code exp}; Spring checks it only when
 * present, and a token that never expires cannot be withdrawn), a subject, and an organization for an
 * organization-scoped role (the same rules {@link StudioUsers#from} applies to every request).
 */
public final class StudioTokenValidator implements OAuth2TokenValidator<Jwt> {

    private final StudioUsers users;

    public StudioTokenValidator(StudioUsers users) {
        this.users = users;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        if (token.getExpiresAt() == null) {
            return invalid("The token never expires: its exp claim is missing");
        }
        try {
            users.from(token);
        } catch (UnauthenticatedProblem problem) {
            return invalid(problem.getBody().getDetail());
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
