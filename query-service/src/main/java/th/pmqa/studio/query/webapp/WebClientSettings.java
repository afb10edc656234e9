package th.pmqa.studio.query.webapp;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the browser needs to know before it can call the API: where the command service is, and how people sign in
 * ({@code dev} with the local development key, {@code oidc} with {@code STUDIO_JWT_ISSUER_URI}). Also what the app's
 * Content-Security-Policy must allow, derived from the same settings so the two never disagree. An empty
 * {@code studio.web.command-url} means both services are behind one origin (the reverse proxy of
 * docs/operations.md, "Reverse proxy (nginx)"): the app then calls {@code /api/…} on its own origin for writes too.
 */
@Component
public class WebClientSettings {

    private final String commandUrl;
    private final String issuer;
    private final String clientId;

    WebClientSettings(@Value("${studio.web.command-url:http://127.0.0.1:${COMMAND_PORT:8081}}") String commandUrl,
                      @Value("${studio.jwt.issuer-uri:${STUDIO_JWT_ISSUER_URI:}}") String issuer,
                      @Value("${studio.web.oidc.client-id:pmqa-studio-web}") String clientId) {
        this.commandUrl = trimSlash(commandUrl.trim());
        this.issuer = issuer == null ? "" : issuer.trim();
        this.clientId = clientId.trim();
    }

    public String commandUrl() {
        return commandUrl;
    }

    public boolean developmentKey() {
        return issuer.isEmpty();
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    /**
     * The app's pages run Alpine.js, whose standard build evaluates attribute expressions with {@code new Function}
     * (no CSP build is published as a WebJar): hence {@code 'unsafe-eval'}, and nothing else loosened — no inline
     * script, only same-origin scripts and styles, connections to this service and the command service only.
     */
    public String contentSecurityPolicy() {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        if (!commandUrl.isEmpty()) {
            connect.add(origin(commandUrl));
        }
        String formAction = "'self'";
        if (!issuer.isEmpty()) {
            // the OIDC discovery document and token endpoint are fetched by the page
            connect.add(origin(issuer));
            formAction += " " + origin(issuer);
        }
        return "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self'; font-src 'self'; "
               + "img-src 'self' data:; connect-src " + String.join(" ", connect) + "; frame-ancestors 'none'; "
               + "base-uri 'none'; form-action " + formAction;
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
