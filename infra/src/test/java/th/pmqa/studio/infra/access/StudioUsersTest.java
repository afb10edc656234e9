package th.pmqa.studio.infra.access;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StudioUsersTest {

    private final StudioUsers users = new StudioUsers("org", "roles", "name");

    private static Jwt token(Consumer<Map<String, Object>> claims) {
        return Jwt.withTokenValue("t").header("alg", "HS256")
                  .claims(c -> {
                      c.put("sub", "u-1");
                      c.put("name", "สมศรี");
                      c.put("exp", Instant.now().plusSeconds(600));
                      claims.accept(c);
                  }).build();
    }

    private void refusedAs401(Jwt jwt, String mentioning) {
        assertThatThrownBy(() -> users.from(jwt))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(401);
                    assertThat(e.getBody().getDetail()).contains(mentioning);
                    assertThat(e.getBody().getType().toString()).endsWith("/unauthenticated");
                });
    }

    @Test
    void aTokenWithoutASubjectNamesNobodyAndIsRefusedWith401() {
        refusedAs401(token(c -> {
            c.remove("sub");
            c.put("org", "KKN");
            c.put("roles", List.of("EDITOR"));
        }), "sub");
    }

    @Test
    void aTokenWithABlankSubjectIsRefusedWith401() {
        refusedAs401(token(c -> {
            c.put("sub", " \t");
            c.put("org", "KKN");
            c.put("roles", List.of("EDITOR"));
        }), "sub");
    }

    @Test
    void anEditorOrLeadWithoutAnOrganizationIsRefusedWith401RatherThanBelongingToOneNamedNull() {
        refusedAs401(token(c -> c.put("roles", List.of("EDITOR"))), "org");
        refusedAs401(token(c -> {
            c.put("roles", List.of("LEAD"));
            c.put("org", "  ");
        }), "org");
        refusedAs401(token(c -> {
            c.put("roles", List.of("LEAD"));
            c.put("org", List.of("KKN", "BKK"));
        }), "org");
    }

    @Test
    void facilitatorsAdminsAndTokensWithoutRolesNeedNoOrganization() {
        assertThat(users.from(token(c -> c.put("roles", List.of("FACILITATOR")))).organization()).isNull();
        assertThat(users.from(token(c -> c.put("roles", List.of("ADMIN")))).organization()).isNull();
        assertThat(users.from(token(c -> {
        })).roles()).isEmpty();
    }

    @Test
    void anEditorSeesTheirOwnOrganizationInListsAndAFacilitatorEveryOne() {
        StudioUser editor = users.from(token(c -> {
            c.put("org", "KKN");
            c.put("roles", List.of("EDITOR"));
        }));
        assertThat(StudioUsers.visibleOrganization(editor, Action.READ)).isEqualTo("KKN");
        StudioUser facilitator = users.from(token(c -> c.put("roles", List.of("FACILITATOR"))));
        assertThat(StudioUsers.visibleOrganization(facilitator, Action.READ)).isNull();
    }
}
