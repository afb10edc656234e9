package th.pmqa.studio.infra.testing;

import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What both services' access-matrix tests share: which endpoints exist, and what a table's scope allows. */
public final class AccessMatrix {

    private AccessMatrix() {
    }

    /** Every endpoint a service maps, as "METHOD pattern", so a test can fail on one its table has no rule for. */
    public static Set<String> endpoints(RequestMappingHandlerMapping mappings) {
        return mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternsCondition().getPatterns().stream().flatMap(pattern ->
                        info.getMethodsCondition().getMethods().stream().map(m -> m + " " + pattern.getPatternString())))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Whether a role with this scope may act on its own organization's assessment ({@code own} true) or another's:
     * {@code any} and {@code list} (a list or stream showing only what the role may see) allow both, {@code own}
     * only its own, no scope neither.
     */
    public static boolean allows(String scope, boolean own) {
        return "any".equals(scope) || "list".equals(scope) || ("own".equals(scope) && own);
    }

    /** Who sends a request: a role ({@code ANONYMOUS} for no token) asking about its own organization or another's. */
    public record Asker(String role, boolean own) {

        public boolean anonymous() {
            return role.equals(ANONYMOUS);
        }
    }

    /** The role name {@link #askersOfSpelling} uses for a request without a token. */
    public static final String ANONYMOUS = "ANONYMOUS";

    /**
     * Who asks for the {@code index}-th spelling of an endpoint's path (see {@link PathVariants}). The plain path is
     * asked by every role for both organizations (the table's own test); a spelling only has to show that it gets the
     * plain path's decision, or is refused, or is not found, whatever that decision was. So it is asked by one token
     * of each decision the plain path has: no token (401, or allowed on a public path), a role allowed (it must pass,
     * or be refused by the firewall, never reach what the plain path does not), a role allowed on its own organization
     * asking about another's (403: the organization is read from the path as the handler decodes it) and a role with
     * no right to the endpoint on its own organization (403: the action is that of the endpoint the router picks).
     * Which role of a kind asks rotates with {@code index}, so across an endpoint's spellings (at least 5 of the same
     * resource, 15 in all) every role of each kind asks some of them.
     */
    public static List<Asker> askersOfSpelling(Map<String, String> allowed, List<String> roles, int index) {
        List<Asker> permitted = new ArrayList<>();
        List<Asker> otherOrganization = new ArrayList<>();
        List<Asker> noRight = new ArrayList<>();
        for (String role : roles) {
            String scope = allowed.get(role);
            for (boolean own : new boolean[]{true, false}) {
                if (allows(scope, own)) {
                    permitted.add(new Asker(role, own));
                } else if (allows(scope, true)) {
                    otherOrganization.add(new Asker(role, false));
                } else if (own) {
                    noRight.add(new Asker(role, true));
                }
            }
        }
        List<Asker> askers = new ArrayList<>();
        askers.add(new Asker(ANONYMOUS, true));
        pick(permitted, index).ifPresent(askers::add);
        pick(otherOrganization, index).ifPresent(askers::add);
        pick(noRight, index).ifPresent(askers::add);
        return askers;
    }

    private static java.util.Optional<Asker> pick(List<Asker> askers, int index) {
        return askers.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(askers.get(index % askers.size()));
    }
}
