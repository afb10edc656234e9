package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;
import th.pmqa.studio.catalog.LevelKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything an attached result now says, replacing what it said before; its id, level and place stay. */
@Revision("1")
public record ResultRevisedEvent(AssessmentId assessmentId, CriterionId criterion, LevelKind level, ResultId resultId,
                                 String indicatorGroup, String name, String unit, BigDecimal target,
                                 Map<Integer, BigDecimal> valuesByFiscalYear, List<String> evidence,
                                 Comparison comparison, ResultDirection direction,
                                 Author author, Instant at) implements AssessmentEvent {
}
