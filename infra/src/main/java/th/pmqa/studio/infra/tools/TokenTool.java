package th.pmqa.studio.infra.tools;

import th.pmqa.studio.infra.security.DevelopmentKey;
import th.pmqa.studio.infra.security.TokenMinter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code infra/run.sh token --user ID --name "NAME" [--org CODE] --role ROLE [--role ROLE2] [--hours H]}: prints a
 * bearer token both services accept in the embedded default. {@code --org} is required for EDITOR and LEAD.
 */
public final class TokenTool {

    private TokenTool() {
    }

    public static void main(String[] args) {
        String user = null;
        String name = null;
        String org = null;
        List<String> roles = new ArrayList<>();
        long hours = 12;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--user" -> user = value;
                case "--name" -> name = value;
                case "--org" -> org = value;
                case "--role" -> roles.addAll(Arrays.asList(value == null ? new String[0] : value.split(",")));
                case "--hours" -> hours = hours(value);
                default -> usage("unknown option " + args[i]);
            }
            i++;
        }
        if (user == null || user.isBlank() || roles.isEmpty()) {
            usage("--user and --role are required");
        }
        for (String role : roles) {
            var parsed = th.pmqa.studio.infra.access.Role.parse(role);
            if (parsed.isEmpty()) {
                usage("unknown role " + role + ": EDITOR, LEAD, FACILITATOR or ADMIN");
            }
            if (th.pmqa.studio.infra.access.Action.needsOrganization(parsed.get()) && (org == null || org.isBlank())) {
                usage("--org is required for role " + parsed.get() + " (the organization it may work on)");
            }
        }
        byte[] key = DevelopmentKey.loadOrCreate(DevelopmentKey.dataDir());
        System.out.println(TokenMinter.mint(key, user, name == null ? user : name, org,
                                            roles.stream().map(String::trim).map(String::toUpperCase).toList(),
                                            Duration.ofHours(hours)));
    }

    private static long hours(String value) {
        try {
            long hours = Long.parseLong(value == null ? "" : value.trim());
            if (hours > 0) {
                return hours;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        usage("--hours takes a whole number of hours from 1, not " + value);
        return 0;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: infra/run.sh token --user ID --name \"NAME\" [--org CODE] --role EDITOR|LEAD|FACILITATOR|ADMIN [--hours 12]");
        System.exit(2);
    }
}
