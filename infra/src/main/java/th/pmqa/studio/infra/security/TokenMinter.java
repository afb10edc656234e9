package th.pmqa.studio.infra.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import th.pmqa.studio.infra.access.Action;
import th.pmqa.studio.infra.access.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Signs development tokens with the local key: subject, name, organization code and roles. */
public final class TokenMinter {

    private TokenMinter() {
    }

    /**
     * @throws IllegalArgumentException for a token the services would refuse: no subject, no validity, or an
     *                                  organization-scoped role (EDITOR, LEAD) without an organization
     */
    public static String mint(byte[] key, String subject, String name, String organization, List<String> roles,
                              Duration validity) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a token names its holder: the subject must not be blank");
        }
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("a token expires: give a positive validity");
        }
        boolean scoped = roles.stream().map(Role::parse).flatMap(java.util.Optional::stream)
                              .anyMatch(Action::needsOrganization);
        if (scoped && (organization == null || organization.isBlank())) {
            throw new IllegalArgumentException("roles EDITOR and LEAD need an organization");
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(DevelopmentKey.ISSUER)
                .subject(subject)
                .claim("name", name)
                .claim("org", organization)
                .claim("roles", roles)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validity)))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }
}
