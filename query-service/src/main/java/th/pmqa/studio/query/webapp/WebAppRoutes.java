package th.pmqa.studio.query.webapp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.HEAD;

/**
 * The web app's shell at {@code /app/}: a path with a file extension is a static file of the app (or a 404, never the
 * shell, so a missing script fails loudly), every other path under {@code /app/} is a deep link the client router
 * resolves, answered with {@code index.html} so that a bookmarked or reloaded address works. The shell holds no data:
 * everything a person sees comes from the API with their token.
 */
@Configuration(proxyBeanMethods = false)
class WebAppRoutes {

    static final String ROOT = "static/app/";
    private static final Resource SHELL = new ClassPathResource(ROOT + "index.html");

    @Bean
    RouterFunction<ServerResponse> webAppShell() {
        RequestPredicate deepLink = GET("/app").or(GET("/app/**")).or(HEAD("/app")).or(HEAD("/app/**"))
                .and(request -> !hasExtension(request.path()) && !trailingSlash(request.path()));
        return RouterFunctions.route(deepLink, request -> ServerResponse.ok()
                        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                        // the shell names the current module files: always revalidated
                        .cacheControl(CacheControl.noCache())
                        .bodyValue(SHELL))
                // a file that exists under static/app/ (ResourceHandlerFunction refuses '..' and encoded tricks)
                .and(RouterFunctions.resources("/app/**", new ClassPathResource(ROOT)))
                // a missing file is a 404 here, not the default static handler's second look
                .and(RouterFunctions.route(GET("/app/**").or(HEAD("/app/**")),
                        request -> ServerResponse.notFound().build()));
    }

    /**
     * One spelling per address: {@code /app/assessments/X/} is not {@code /app/assessments/X} (a 404, as everywhere in
     * the API); only the app's root is {@code /app/} as well as {@code /app}.
     */
    static boolean trailingSlash(String path) {
        return path.endsWith("/") && !path.equals("/app/");
    }

    /** An extension starts with a letter: criterion ids such as {@code 1.1} and {@code 7.1.1} are not one. */
    private static final java.util.regex.Pattern EXTENSION = java.util.regex.Pattern.compile("[^/]\\.[A-Za-z][A-Za-z0-9]{0,7}$");

    /**
     * {@code /app/js/api.js} is a file; {@code /app/assessments/KKN-2567} and {@code /app/assessments/KKN-2567/criteria/1.1}
     * are deep links.
     */
    static boolean hasExtension(String path) {
        return EXTENSION.matcher(path).find();
    }
}
