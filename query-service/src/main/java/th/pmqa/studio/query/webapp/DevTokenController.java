package th.pmqa.studio.query.webapp;

import com.nimbusds.jwt.SignedJWT;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import th.pmqa.studio.infra.access.Action;
import th.pmqa.studio.infra.access.Role;
import th.pmqa.studio.infra.security.DevelopmentKey;
import th.pmqa.studio.infra.security.TokenMinter;
import th.pmqa.studio.query.web.Problems;
import th.pmqa.studio.report.AssessmentId;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The sign-in page of the embedded default: a demo person's token, signed with the local development key the way
 * {@code infra/run.sh token} signs it. Only while no OIDC issuer is configured; with one, this endpoint does not
 * exist (404), since anyone could otherwise name themselves a lead of any organization.
 */
@RestController
@Conditional(DevelopmentKeyInUse.class)
class DevTokenController {

    static final int MAX_USER_ID = 64;
    static final int MAX_NAME = 200;
    static final Duration VALIDITY = Duration.ofHours(8);
    /** A token that expires within seconds, so the app's way back through sign-in can be tried (and tested). */
    static final long MIN_TTL_SECONDS = 10;
    static final long MAX_TTL_SECONDS = 28_800;
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@-]{1," + MAX_USER_ID + "}");
    private static final Pattern ORGANIZATION = Pattern.compile(AssessmentId.ORGANIZATION_CODE);

    @Schema(name = "DevTokenRequest")
    record DevTokenRequest(
            @Schema(requiredMode = REQUIRED, pattern = "^[A-Za-z0-9._@-]{1,64}$", example = "u-1") String userId,
            @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = MAX_NAME, example = "สมศรี ใจดี") String name,
            @Schema(types = {"string", "null"}, pattern = "^" + AssessmentId.ORGANIZATION_CODE + "$", example = "KKN",
                    description = "required for EDITOR and LEAD") String organization,
            @Schema(requiredMode = REQUIRED, allowableValues = {"EDITOR", "LEAD", "FACILITATOR", "ADMIN"}) String role,
            @Schema(types = {"integer", "null"}, minimum = "" + MIN_TTL_SECONDS, maximum = "" + MAX_TTL_SECONDS,
                    description = "how long the token lasts, in seconds; absent: 8 hours (28,800)") Long ttlSeconds) {
    }

    @Schema(name = "DevToken")
    record DevToken(@Schema(requiredMode = REQUIRED) String token,
                    @Schema(requiredMode = REQUIRED, format = "date-time") Instant expiresAt) {
    }

    private final byte[] key = DevelopmentKey.loadOrCreate(DevelopmentKey.dataDir());

    @Operation(summary = "A development token for a demo person (embedded default only; 404 with an OIDC issuer)")
    @PostMapping("/api/dev/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    DevToken mint(@RequestBody DevTokenRequest request) {
        String userId = request.userId();
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw Problems.invalid("userId", "userId must be 1 to " + MAX_USER_ID
                                             + " letters, digits or . _ @ - (no spaces)");
        }
        String name = request.name();
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw Problems.invalid("name", "name must be 1 to " + MAX_NAME + " characters, not blank");
        }
        Role role = Role.parse(request.role()).filter(r -> request.role().equals(r.name()))
                .orElseThrow(() -> Problems.invalid("role", "role must be EDITOR, LEAD, FACILITATOR or ADMIN"));
        String organization = request.organization();
        if (organization != null && !ORGANIZATION.matcher(organization).matches()) {
            throw Problems.invalid("organization", "organization must be 2 to 32 letters, digits or underscores");
        }
        if (organization == null && Action.needsOrganization(role)) {
            throw Problems.invalid("organization", "an " + role + " works for an organization: give its code");
        }
        Long ttl = request.ttlSeconds();
        if (ttl != null && (ttl < MIN_TTL_SECONDS || ttl > MAX_TTL_SECONDS)) {
            throw Problems.invalid("ttlSeconds", "ttlSeconds must be " + MIN_TTL_SECONDS + " to " + MAX_TTL_SECONDS
                                                 + " (8 hours), or absent for 8 hours");
        }
        Duration validity = ttl == null ? VALIDITY : Duration.ofSeconds(ttl);
        String token = TokenMinter.mint(key, userId, name, organization, List.of(role.name()), validity);
        return new DevToken(token, expiry(token));
    }

    private static Instant expiry(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant();
        } catch (ParseException e) {
            throw new IllegalStateException("a token just minted does not parse", e);
        }
    }
}
