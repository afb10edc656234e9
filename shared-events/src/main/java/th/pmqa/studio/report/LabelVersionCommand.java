package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A lead names the report as it stands now ("ร่างครั้งที่ 1 ส่งพี่เลี้ยง"), to come back to and compare with. */
public record LabelVersionCommand(@TargetAggregateIdentifier AssessmentId assessmentId, String label, Author author) {
}
