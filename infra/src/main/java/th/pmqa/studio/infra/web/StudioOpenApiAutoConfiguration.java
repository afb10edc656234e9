package th.pmqa.studio.infra.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI description both services publish at {@code /v3/api-docs}: every operation needs the bearer token
 * (except the catalog and health) and answers errors as RFC 9457 problem details.
 */
@AutoConfiguration
public class StudioOpenApiAutoConfiguration {

    static final String BEARER = "bearer-jwt";

    @Bean
    public OpenAPI studioOpenApi(@Value("${spring.application.name:pmqa-studio}") String name,
                                 @Value("${studio.openapi.server-url:/}") String serverUrl) {
        // A server given here is kept as it is; without one springdoc writes the request's Host header into the
        // description, so whoever sends a forged Host gets it served back (and cached by a proxy) as the API's home.
        // "/" means "the server that served this description".
        return new OpenAPI()
                .servers(java.util.List.of(new io.swagger.v3.oas.models.servers.Server().url(serverUrl)))
                .info(new Info().title("PMQA Report Studio — " + name).version("0.1.0"))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("claims: sub, name, org (organization code), roles (EDITOR, LEAD, FACILITATOR, ADMIN)"))
                        .addSchemas("Problem", problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Adds the problem-details answers every operation can give, so clients and fuzzers know their shape. */
    @Bean
    public OpenApiCustomizer studioProblemResponses() {
        return api -> {
            // springdoc drops component schemas no generated operation refers to, so Problem is (re)added here
            api.getComponents().addSchemas("Problem", problemSchema());
            api.getComponents().getSchemas().values().forEach(StudioOpenApiAutoConfiguration::nullableReferences);
            api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            Content problem = new Content().addMediaType("application/problem+json",
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
            var responses = operation.getResponses();
            for (String status : new String[] {"400", "401", "403", "404", "409", "413", "429", "503"}) {
                if (!responses.containsKey(status)) {
                    responses.addApiResponse(status, new ApiResponse().description("problem details").content(problem));
                }
            }
            // Refused by the web server (Netty) before the application sees the request, so without a problem
            // body: a request line over 4 KiB, headers over 8 KiB (found by the fuzzer: a 10 KB query string)
            responses.putIfAbsent("414", new ApiResponse().description(
                    "the request line (path and query) is longer than the server reads (4 KiB); no body"));
            responses.putIfAbsent("431", new ApiResponse().description(
                    "the request headers are larger than the server reads (8 KiB); no body"));
            if (path.equals("/api/catalog")) {
                operation.setSecurity(java.util.List.of()); // the catalog is public
            }
            responses.values().forEach(StudioOpenApiAutoConfiguration::describeEventStream);
        }));
        };
    }

    /**
     * A property declared {@code @Schema(types = {"object", "null"})} whose type is a named schema comes out as
     * {@code {"type": ["object", "null"], "$ref": …}}; in OpenAPI 3.1 both apply, and the referenced schema says
     * "object", so null is refused after all (the fuzzer found it on {@code merge}, {@code lastAuthor} and
     * {@code resolvedBy}). Such a property becomes "the named schema, or null".
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullableReferences(Schema<?> schema) {
        java.util.Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        properties.replaceAll((name, property) -> {
            if (property.getEnum() != null && property.getTypes() != null && property.getTypes().contains("null")) {
                return nullableEnum(property);
            }
            if (property.get$ref() == null || property.getTypes() == null || !property.getTypes().contains("null")) {
                return property;
            }
            Schema nullable = new Schema<>().specVersion(io.swagger.v3.oas.models.SpecVersion.V31)
                    .oneOf(java.util.List.of(
                            new Schema<>().specVersion(io.swagger.v3.oas.models.SpecVersion.V31).$ref(property.get$ref()),
                            new Schema<>().specVersion(io.swagger.v3.oas.models.SpecVersion.V31)
                                          .types(new java.util.LinkedHashSet<>(java.util.List.of("null")))));
            nullable.setDescription(property.getDescription());
            return nullable;
        });
    }

    /**
     * A nullable property with a closed set of values ({@code @Schema(types = {"string", "null"})} on an enum) comes
     * out as {@code {"type": ["string", "null"], "enum": [...]}}, and since null is not among the values, null is
     * refused after all (a sub-criterion not yet rated has no level). It becomes "one of the values, or null".
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullableEnum(Schema property) {
        java.util.Set<String> types = new java.util.LinkedHashSet<>(property.getTypes());
        types.remove("null");
        Schema values = new Schema<>().specVersion(io.swagger.v3.oas.models.SpecVersion.V31).types(types);
        values.setEnum(property.getEnum());
        values.setFormat(property.getFormat());
        Schema nullable = new Schema<>().specVersion(io.swagger.v3.oas.models.SpecVersion.V31)
                .oneOf(java.util.List.of(values, new Schema<>().specVersion(io.swagger.v3.oas.models.SpecVersion.V31)
                        .types(new java.util.LinkedHashSet<>(java.util.List.of("null")))));
        nullable.setDescription(property.getDescription());
        return nullable;
    }

    /**
     * springdoc describes a {@code Flux<ServerSentEvent>} as a JSON array, which no client ever receives. Before
     * OpenAPI 3.2 the schema of {@code text/event-stream} describes one event, so that is what it becomes: the
     * event name, the JSON payload as text, and the position as id where the stream resumes from one.
     */
    private static void describeEventStream(ApiResponse response) {
        if (response.getContent() == null || !response.getContent().containsKey("text/event-stream")) {
            return;
        }
        MediaType stream = response.getContent().get("text/event-stream");
        stream.setSchema(new ObjectSchema()
                .addProperty("event", new StringSchema())
                .addProperty("data", new StringSchema().contentMediaType("application/json"))
                .addProperty("id", new StringSchema())
                .addProperty("retry", new IntegerSchema())
                .required(java.util.List.of("data")));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("field", new StringSchema())
                // the request's id, as in the X-Request-Id header and the access log (docs/operations.md, "Logs")
                .addProperty("requestId", new StringSchema().maxLength(th.pmqa.studio.infra.tracing.RequestIds.MAX_LENGTH)
                        .pattern("^[A-Za-z0-9._-]+$"));
    }
}
