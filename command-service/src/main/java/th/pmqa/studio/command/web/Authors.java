package th.pmqa.studio.command.web;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import th.pmqa.studio.infra.access.Action;
import th.pmqa.studio.infra.access.StudioUser;
import th.pmqa.studio.infra.access.StudioUsers;
import th.pmqa.studio.report.Author;

/**
 * Every command is attributed to the person in the bearer token, never to something the client sends, and only
 * sent once that person may do it to that organization's assessment.
 */
@Component
public class Authors {

    private final StudioUsers users;

    public Authors(StudioUsers users) {
        this.users = users;
    }

    /** The author of a command that does {@code action} to an assessment of {@code organization}, or a 403. */
    public Author require(Jwt jwt, Action action, String organization) {
        StudioUser user = users.require(jwt, action, organization);
        return new Author(user.userId(), user.name());
    }
}
