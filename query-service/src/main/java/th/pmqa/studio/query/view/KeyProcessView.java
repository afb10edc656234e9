package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.report.Author;

import java.time.Instant;

/**
 * A key process as the seed's key-process profile has it, with its value-chain stage ({@code upstream} …) and the
 * stage's Thai name; shown under the sub-criterion that hosts the value chain (6.1).
 */
public record KeyProcessView(String processId, String name,
                             @Schema(types = {"string", "null"}) String stage,
                             @Schema(types = {"string", "null"}) String stageName,
                             @Schema(types = {"string", "null"}) String nationalStrategy,
                             @Schema(types = {"string", "null"}) String objectives,
                             @Schema(types = {"string", "null"}) String competitiveness,
                             @Schema(types = {"string", "null"}) String outputs,
                             @Schema(types = {"string", "null"}) String successFactors,
                             @Schema(types = {"string", "null"}) String leadingIndicators,
                             long revision, Author author, Instant at) {
}
