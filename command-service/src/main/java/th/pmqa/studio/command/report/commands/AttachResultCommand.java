package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.Comparison;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.report.ResultDirection;
import th.pmqa.studio.report.ResultId;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Attaches one measured result (indicator, target and values by fiscal year, optionally a comparison value with its
 * source and the direction that is better) to a level of a sub-criterion.
 */
public record AttachResultCommand(@TargetAggregateIdentifier AssessmentId assessmentId, CriterionId criterion, LevelKind level,
                                  ResultId resultId, String indicatorGroup, String name, String unit,
                                  BigDecimal target, Map<Integer, BigDecimal> valuesByFiscalYear,
                                  List<String> evidence, Comparison comparison, ResultDirection direction,
                                  Author author) {

    /** A result without comparison value and direction. */
    public AttachResultCommand(AssessmentId assessmentId, CriterionId criterion, LevelKind level, ResultId resultId,
                               String indicatorGroup, String name, String unit, BigDecimal target,
                               Map<Integer, BigDecimal> valuesByFiscalYear, List<String> evidence, Author author) {
        this(assessmentId, criterion, level, resultId, indicatorGroup, name, unit, target, valuesByFiscalYear, evidence,
             null, null, author);
    }
}
