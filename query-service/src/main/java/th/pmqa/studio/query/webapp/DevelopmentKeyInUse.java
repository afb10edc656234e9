package th.pmqa.studio.query.webapp;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when the services accept tokens signed with the local development key, i.e. no OIDC issuer is configured:
 * the same settings {@code StudioSecurityAutoConfiguration} reads to choose its token decoder.
 */
class DevelopmentKeyInUse implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String issuer = context.getEnvironment().getProperty("studio.jwt.issuer-uri",
                context.getEnvironment().getProperty("STUDIO_JWT_ISSUER_URI", ""));
        return issuer.isBlank();
    }
}
