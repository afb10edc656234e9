package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

record LabelRequest(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 200,
                            example = "ร่างครั้งที่ 1 ส่งพี่เลี้ยง") String label) {
}
