package th.pmqa.studio.command.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.command.rejection.ConflictException;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.command.rejection.NotFoundException;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.command.report.commands.AttachResultCommand;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.command.report.commands.DetachResultCommand;
import th.pmqa.studio.report.ResultAttachedEvent;
import th.pmqa.studio.report.ResultDetachedEvent;
import th.pmqa.studio.report.ResultId;
import th.pmqa.studio.report.ResultRevisedEvent;
import th.pmqa.studio.command.report.commands.ReviseResultCommand;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The results (indicator figures) attached to the levels of the sub-criteria: where each sits and what it says now.
 * The aggregate checks that the section may be edited and names a level; this decides attaching, revising and
 * detaching, and keeps the report's size up to date.
 * <p>
 * Unwrapped into the aggregate's snapshot ({@code resultPlacements}, {@code resultFigures}), the shape it had before
 * this class.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class AttachedResults {

    /** Reports name a handful of indicators per level; the bound keeps a level's results a readable list. */
    static final int MAX_RESULTS_PER_LEVEL = 50;

    /** Result id → {@link #levelKey} of the level it is attached to. */
    private Map<String, String> resultPlacements = new HashMap<>();
    /** Result id → what it says now, to tell a revision that changes nothing. */
    private Map<String, ResultFigures> resultFigures = new HashMap<>();

    ResultAttachedEvent attach(AssessmentId assessment, AttachResultCommand command, Catalog catalog, ReportSize size,
                               Instant at) {
        if (command.resultId() == null) {
            throw new InvalidInputException("resultId", "resultId is required");
        }
        if (resultPlacements.containsKey(command.resultId().value())) {
            throw new ConflictException("duplicate-result", "resultId",
                    "Result " + command.resultId() + " is already attached");
        }
        ResultFigures figures = ResultFigures.check(catalog, command.indicatorGroup(), command.name(),
                command.unit(), command.target(), command.valuesByFiscalYear(), command.evidence(),
                command.comparison(), command.direction());
        String level = levelKey(command.criterion(), command.level());
        if (resultPlacements.values().stream().filter(level::equals).count() >= MAX_RESULTS_PER_LEVEL) {
            throw new ConflictException("too-many-results", "resultId", "A level holds at most "
                    + MAX_RESULTS_PER_LEVEL + " results; detach one first");
        }
        size.requireRoomFor(sizeKey(command.resultId()), figures.characters(), "name");
        return new ResultAttachedEvent(assessment, command.criterion(), command.level(), command.resultId(),
                figures.indicatorGroup(), figures.name(), figures.unit(), figures.target(), figures.values(),
                figures.evidence(), command.author(), at, figures.comparison(), figures.direction());
    }

    /**
     * Corrects an attached result in place; empty when the command says what the result already says (a retry, a
     * form saved twice). Last write wins, as for links: a result is a handful of figures, not a text to merge, and the
     * history shows every revision with who made it.
     */
    Optional<ResultRevisedEvent> revise(AssessmentId assessment, ReviseResultCommand command, Catalog catalog,
                                        ReportSize size, Instant at) {
        requireAttached(command.resultId(), command.criterion(), command.level());
        ResultFigures figures = ResultFigures.check(catalog, command.indicatorGroup(), command.name(),
                command.unit(), command.target(), command.valuesByFiscalYear(), command.evidence(),
                command.comparison(), command.direction());
        // absent for a result attached before an older snapshot was taken: then the revision is stored
        if (figures.equals(resultFigures.get(command.resultId().value()))) {
            return Optional.empty();
        }
        size.requireRoomFor(sizeKey(command.resultId()), figures.characters(), "name");
        return Optional.of(new ResultRevisedEvent(assessment, command.criterion(), command.level(), command.resultId(),
                figures.indicatorGroup(), figures.name(), figures.unit(), figures.target(), figures.values(),
                figures.evidence(), figures.comparison(), figures.direction(), command.author(), at));
    }

    ResultDetachedEvent detach(AssessmentId assessment, DetachResultCommand command, Instant at) {
        requireAttached(command.resultId(), command.criterion(), command.level());
        return new ResultDetachedEvent(assessment, command.criterion(), command.level(), command.resultId(),
                command.author(), at);
    }

    private void requireAttached(ResultId result, CriterionId criterion, LevelKind level) {
        String placement = result == null ? null : resultPlacements.get(result.value());
        if (placement == null || !placement.equals(levelKey(criterion, level))) {
            throw new NotFoundException("resultId", "Result " + result + " is not attached to "
                    + criterion + " " + level.pathName());
        }
    }

    void on(ResultAttachedEvent event, ReportSize size) {
        resultPlacements.put(event.resultId().value(), levelKey(event.criterion(), event.level()));
        keep(event.resultId(), new ResultFigures(event.indicatorGroup(), event.name(), event.unit(),
                event.target(), event.valuesByFiscalYear(), event.evidence(), event.comparison(), event.direction()),
             size);
    }

    void on(ResultRevisedEvent event, ReportSize size) {
        keep(event.resultId(), new ResultFigures(event.indicatorGroup(), event.name(), event.unit(),
                event.target(), event.valuesByFiscalYear(), event.evidence(), event.comparison(), event.direction()),
             size);
    }

    void on(ResultDetachedEvent event, ReportSize size) {
        resultPlacements.remove(event.resultId().value());
        resultFigures.remove(event.resultId().value());
        size.set(sizeKey(event.resultId()), 0);
    }

    private void keep(ResultId id, ResultFigures figures, ReportSize size) {
        resultFigures.put(id.value(), figures);
        size.set(sizeKey(id), figures.characters());
    }

    private static String levelKey(CriterionId criterion, LevelKind level) {
        return criterion.value() + "/" + level.pathName();
    }

    private static String sizeKey(ResultId id) {
        return "result/" + id.value();
    }

    /** Whether a result with this id is attached (evidence may name it). */
    boolean holds(String resultId) {
        return resultPlacements.containsKey(resultId);
    }
}
