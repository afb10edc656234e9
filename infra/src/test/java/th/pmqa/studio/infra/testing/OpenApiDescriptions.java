package th.pmqa.studio.infra.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Checks of a service's published OpenAPI description that clients and the fuzzer in .ci/run rely on. */
public final class OpenApiDescriptions {

    private OpenApiDescriptions() {
    }

    /** Every {@code $ref} that names no schema under {@code components}: a client cannot know that shape. */
    public static List<String> unresolvedReferences(JsonNode api) {
        List<String> unresolved = new ArrayList<>();
        collect(api, api, "", unresolved);
        return unresolved;
    }

    private static void collect(JsonNode root, JsonNode node, String at, List<String> unresolved) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref")) {
                    String ref = field.getValue().asText();
                    if (!ref.startsWith("#/") || root.at(ref.substring(1)).isMissingNode()) {
                        unresolved.add(at + " → " + ref);
                    }
                } else {
                    collect(root, field.getValue(), at + "/" + field.getKey(), unresolved);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(root, node.get(i), at + "/" + i, unresolved);
            }
        }
    }

    /**
     * Each {@code text/event-stream} answer whose schema does not describe one event (an object with a
     * {@code data} text), as OpenAPI before 3.2 reads it: "path method status".
     */
    public static List<String> eventStreamsNotDescribedAsOneEvent(JsonNode api) {
        List<String> wrong = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                op.getValue().path("responses").fields().forEachRemaining(response -> {
                    JsonNode stream = response.getValue().path("content").path("text/event-stream");
                    if (!stream.isMissingNode()
                        && !stream.path("schema").path("properties").path("data").path("type").asText().equals("string")) {
                        wrong.add(path.getKey() + " " + op.getKey() + " " + response.getKey());
                    }
                })));
        return wrong;
    }

    /** How many {@code text/event-stream} answers the description has, so a check of them cannot pass on none. */
    public static int eventStreams(JsonNode api) {
        int[] count = {0};
        api.path("paths").forEach(item -> item.forEach(op -> op.path("responses").forEach(response -> {
            if (response.path("content").has("text/event-stream")) {
                count[0]++;
            }
        })));
        return count[0];
    }

    /** Operations that document no 2xx answer: "path method" (clients and the fuzzer would call a success an error). */
    public static List<String> operationsWithoutSuccessAnswer(JsonNode api) {
        List<String> missing = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            boolean success = false;
            var statuses = op.getValue().path("responses").fieldNames();
            while (statuses.hasNext()) {
                success |= statuses.next().startsWith("2");
            }
            if (!success) {
                missing.add(path.getKey() + " " + op.getKey());
            }
        }));
        return missing;
    }

    /**
     * The description a client gets when it sends a forged {@code Host}: its {@code servers} entry must be the
     * configured one ("/"), never the header's host, which a cache in front would serve to everyone.
     */
    public static String describedForAForgedHost(org.springframework.test.web.reactive.server.WebTestClient client) {
        return client.get().uri("/v3/api-docs").header("Host", "attacker.example:6666")
                     .header("X-Forwarded-Host", "attacker.example").exchange()
                     .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

}
