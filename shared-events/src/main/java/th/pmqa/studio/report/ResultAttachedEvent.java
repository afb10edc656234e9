package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;
import th.pmqa.studio.catalog.LevelKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A measured result was attached to a level of a sub-criterion. */
@Revision("1")
public record ResultAttachedEvent(AssessmentId assessmentId, CriterionId criterion, LevelKind level, ResultId resultId,
                                  String indicatorGroup, String name, String unit, BigDecimal target,
                                  Map<Integer, BigDecimal> valuesByFiscalYear, List<String> evidence,
                                  Author author, Instant at) implements AssessmentEvent {
}
