package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;
import th.pmqa.studio.catalog.LevelKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A measured result was attached to a level of a sub-criterion.
 * <p>Revision 2 added {@code comparison} (a comparison value and its source) and {@code direction} (which way is
 * better); revision 1 events read with both absent (null).
 */
@Revision("2")
public record ResultAttachedEvent(AssessmentId assessmentId, CriterionId criterion, LevelKind level, ResultId resultId,
                                  String indicatorGroup, String name, String unit, BigDecimal target,
                                  Map<Integer, BigDecimal> valuesByFiscalYear, List<String> evidence,
                                  Author author, Instant at, Comparison comparison,
                                  ResultDirection direction) implements AssessmentEvent {

    /** A result without comparison value and direction, as every revision 1 event was. */
    public ResultAttachedEvent(AssessmentId assessmentId, CriterionId criterion, LevelKind level, ResultId resultId,
                               String indicatorGroup, String name, String unit, BigDecimal target,
                               Map<Integer, BigDecimal> valuesByFiscalYear, List<String> evidence, Author author,
                               Instant at) {
        this(assessmentId, criterion, level, resultId, indicatorGroup, name, unit, target, valuesByFiscalYear, evidence,
             author, at, null, null);
    }
}
