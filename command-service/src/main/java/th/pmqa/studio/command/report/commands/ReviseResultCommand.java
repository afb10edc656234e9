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
 * Replaces what an attached result says (the same fields as when it was attached) where it stays: same id, same
 * level, same place in the list. How a team corrects a value or adds the newest fiscal year without detaching the
 * result and attaching a new one.
 */
public record ReviseResultCommand(@TargetAggregateIdentifier AssessmentId assessmentId, CriterionId criterion,
                                  LevelKind level, ResultId resultId, String indicatorGroup, String name, String unit,
                                  BigDecimal target, Map<Integer, BigDecimal> valuesByFiscalYear, List<String> evidence,
                                  Comparison comparison, ResultDirection direction, Author author) {
}
