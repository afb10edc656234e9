package th.pmqa.studio.query.webapp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The app's policy follows its settings: it may connect to the command service and the issuer, and nothing else. */
class WebClientSettingsTest {

    @Test
    void theCommandServicesOriginIsAllowedWithoutItsPath() {
        var settings = new WebClientSettings("http://127.0.0.1:8081/base/", "", "web");
        assertThat(settings.commandUrl()).isEqualTo("http://127.0.0.1:8081/base");
        assertThat(settings.contentSecurityPolicy()).contains("connect-src 'self' http://127.0.0.1:8081;")
                                                    .endsWith("form-action 'self'");
    }

    @Test
    void behindOneOriginTheAppConnectsToItsOwnOriginOnly() {
        var settings = new WebClientSettings(" ", "", "web");
        assertThat(settings.commandUrl()).isEmpty();
        assertThat(settings.contentSecurityPolicy()).contains("connect-src 'self';");
    }

    @Test
    void withAnIssuerThePageMayReachItAndBeSentThere() {
        var settings = new WebClientSettings("https://studio.example", "https://id.example/realms/pmqa", "web");
        assertThat(settings.developmentKey()).isFalse();
        assertThat(settings.contentSecurityPolicy())
                .contains("connect-src 'self' https://studio.example https://id.example;")
                .endsWith("form-action 'self' https://id.example");
    }
}
