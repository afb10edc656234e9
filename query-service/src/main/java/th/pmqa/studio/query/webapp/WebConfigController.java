package th.pmqa.studio.query.webapp;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The web app's settings, read by the page before anything else: public, they hold no data. */
@RestController
class WebConfigController {

    @Schema(name = "WebConfig")
    record WebConfig(
            @Schema(requiredMode = REQUIRED, example = "http://127.0.0.1:8081",
                    description = "base URL of the command service the page sends its edits to") String commandUrl,
            @Schema(requiredMode = REQUIRED, allowableValues = {"dev", "oidc"},
                    description = "dev: tokens from POST /api/dev/tokens; oidc: authorization code with PKCE") String authMode,
            @Schema(types = {"string", "null"}, description = "the OIDC issuer in oidc mode") String issuer,
            @Schema(requiredMode = REQUIRED, description = "the OIDC client id of the web app") String clientId) {
    }

    private final WebClientSettings settings;

    WebConfigController(WebClientSettings settings) {
        this.settings = settings;
    }

    @Operation(summary = "The web app's settings: the command service's URL and how people sign in")
    @GetMapping("/api/web/config")
    WebConfig config() {
        return new WebConfig(settings.commandUrl(), settings.developmentKey() ? "dev" : "oidc",
                             settings.developmentKey() ? null : settings.issuer(), settings.clientId());
    }
}
