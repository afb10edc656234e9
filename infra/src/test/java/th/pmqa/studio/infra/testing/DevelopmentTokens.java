package th.pmqa.studio.infra.testing;

import th.pmqa.studio.infra.security.DevelopmentKey;
import th.pmqa.studio.infra.security.TokenMinter;

import java.time.Duration;
import java.util.List;

/**
 * Tokens the services of a test accept: signed with this machine's development key (the one the services load from
 * the same data directory), as {@code TokenMinter} signs them for people trying the services.
 */
public final class DevelopmentTokens {

    private DevelopmentTokens() {
    }

    public static String mint(String user, String name, String organization, List<String> roles, Duration validity) {
        return TokenMinter.mint(DevelopmentKey.loadOrCreate(DevelopmentKey.dataDir()), user, name, organization, roles,
                                validity);
    }
}
