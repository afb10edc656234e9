package th.pmqa.studio.infra.testing;

import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

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
}
