package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The answers of a text edit, declared once for every text-edit endpoint. Listing one answer makes springdoc
 * list only those given, so the success answer is named too.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "200", description = "stored, merged, or already so",
             content = @Content(mediaType = "application/json", schema = @Schema(implementation = Revision.class)))
@ApiResponse(responseCode = "409", description = "the edit started from an older revision and changes the same words as "
                                               + "what was saved since, or the assessment is submitted",
             content = @Content(mediaType = "application/problem+json",
                                schema = @Schema(implementation = EditConflictDoc.class)))
@interface TextEditAnswers {
}
