package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;

/** A key process a sub-criterion of category 6 links to: name "" and stage null when it no longer exists. */
public record LinkedKeyProcessView(String processId, String name,
                                   @Schema(types = {"string", "null"}) String stage) {
}
