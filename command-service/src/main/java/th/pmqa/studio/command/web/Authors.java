package th.pmqa.studio.command.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ResponseStatusException;
import th.pmqa.studio.report.Author;

/** Every command is attributed to the person in the bearer token, never to something the client sends. */
public final class Authors {

    private Authors() {
    }

    public static Author from(Jwt jwt) {
        if (jwt == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "a bearer token is required");
        }
        String name = jwt.getClaimAsString("name");
        if (name == null || name.isBlank()) {
            name = jwt.getClaimAsString("preferred_username");
        }
        if (name == null || name.isBlank()) {
            name = jwt.getSubject();
        }
        return new Author(jwt.getSubject(), name);
    }
}
