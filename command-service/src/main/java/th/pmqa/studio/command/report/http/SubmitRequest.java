package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.media.Schema;

record SubmitRequest(@Schema(types = {"string", "null"}, description = "required when a section is not approved "
                                                                      + "yet: why the report goes in anyway (recorded)")
                     String overrideReason) {
}
