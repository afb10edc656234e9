package th.pmqa.studio.command.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import th.pmqa.studio.catalog.AdrPart;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.command.rejection.AssessmentSubmittedException;
import th.pmqa.studio.report.ApproachDraftedEvent;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.AssessmentOpenedEvent;
import th.pmqa.studio.report.AssessmentReopenedEvent;
import th.pmqa.studio.report.AssessmentStatus;
import th.pmqa.studio.report.AssessmentSubmittedEvent;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.CidRowAddedEvent;
import th.pmqa.studio.report.CidRowEditedEvent;
import th.pmqa.studio.report.CidRowRemovedEvent;
import th.pmqa.studio.report.CriterionAnalysisWrittenEvent;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.report.CriterionSummaryWrittenEvent;
import th.pmqa.studio.report.DeploymentDraftedEvent;
import th.pmqa.studio.report.EvidenceRemovedEvent;
import th.pmqa.studio.report.EvidenceUploadedEvent;
import th.pmqa.studio.report.KeyProcessAddedEvent;
import th.pmqa.studio.report.KeyProcessEditedEvent;
import th.pmqa.studio.report.KeyProcessRemovedEvent;
import th.pmqa.studio.report.KeyProcessesLinkedEvent;
import th.pmqa.studio.report.LevelRatedEvent;
import th.pmqa.studio.report.Place;
import th.pmqa.studio.report.ProfileItemDraftedEvent;
import th.pmqa.studio.report.ProfileItemsLinkedEvent;
import th.pmqa.studio.report.ProfileQuestionAnsweredEvent;
import th.pmqa.studio.report.ProfileQuestionNumber;
import th.pmqa.studio.report.ResultAttachedEvent;
import th.pmqa.studio.report.ResultDetachedEvent;
import th.pmqa.studio.report.ResultDraftedEvent;
import th.pmqa.studio.report.ResultIndicatorsLinkedEvent;
import th.pmqa.studio.report.ResultRevisedEvent;
import th.pmqa.studio.report.Section;
import th.pmqa.studio.report.SectionApprovedEvent;
import th.pmqa.studio.report.SectionMarkedReadyEvent;
import th.pmqa.studio.report.SectionReopenedEvent;
import th.pmqa.studio.report.SubmissionWindowExtendedEvent;
import th.pmqa.studio.report.SubmissionWindowSetEvent;
import th.pmqa.studio.report.VersionLabeledEvent;

import java.time.Instant;
import java.util.List;

/**
 * What an {@link Assessment} knows, and the only code that changes it: event-sourcing handlers that assign, each
 * delegated to the part that owns the state, and the questions every decision asks of it (is the report open, is a
 * section editable, what the catalog says). The decisions themselves are {@link Assessment}'s command handlers.
 * <p>
 * The state is snapshotted with Jackson, hence field visibility and string map keys; the parts are
 * {@link JsonUnwrapped} so the snapshot keeps the flat shape it had when they were fields of one class
 * ({@code AssessmentSnapshotShapeTest}).
 * <p>
 * Longer than ~300 lines because it has one event-sourcing handler per event type of the assessment (33, each a
 * single assignment or delegation), as Axon wants them on the aggregate's class hierarchy.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
abstract class AssessmentState {

    @AggregateIdentifier
    AssessmentId assessmentId;
    String catalogVersion;
    AssessmentStatus status;
    /** The free texts with their recent revisions. */
    @JsonUnwrapped
    RevisionedTexts texts = new RevisionedTexts();
    @JsonUnwrapped
    SectionReviews reviews = new SectionReviews();
    @JsonUnwrapped
    SubmissionWindow window = new SubmissionWindow();
    @JsonUnwrapped
    VersionLabels labels = new VersionLabels();
    /** The OP items and indicator groups each sub-criterion links to. */
    @JsonUnwrapped
    CriterionSources sources = new CriterionSources();
    @JsonUnwrapped
    AttachedResults results = new AttachedResults();
    /** How much text the report holds: bounded, so its read model stays one storable document. */
    ReportSize size = new ReportSize();
    /** The sub-criteria's C-I-D worksheets (the table behind the Advance level). */
    CidWorksheet cidWorksheet = new CidWorksheet();
    /** The key processes of category 6 and which of its sub-criteria link to them. */
    KeyProcesses keyProcesses = new KeyProcesses();
    /**
     * The evidence files (issue 16): ids and hashes; the bytes are in GridFS. Created when first needed and left out of
     * the snapshot while null, so snapshots of assessments that never had evidence keep the shape they always had.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    EvidenceShelf evidence;

    // What every edit asks

    /** A change of a sub-criterion's content: the report open, the sub-criterion in the catalog, its section editable. */
    void requireEditable(CriterionId criterion) {
        requireOpen();
        rules().requireCriterion(criterion);
        requireEditable(Section.of(criterion));
    }

    /** A change of a section's content: the report open, the window open, and the section not approved. */
    void requireEditable(Section section) {
        requireOpen();
        requireWindowOpen();
        reviews.requireNotApproved(section);
    }

    void requireOpen() {
        if (status == AssessmentStatus.SUBMITTED) {
            throw new AssessmentSubmittedException(assessmentId.value());
        }
    }

    void requireWindowOpen() {
        window.requireOpen(assessmentId, now());
    }

    CatalogRules rules() {
        return CatalogRules.of(catalogVersion, assessmentId);
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The fixtures' {@code givenCurrentTime} controls this clock. */
    static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    /** For tests that check what a decision will be based on. */
    StoredText storedText(String key) {
        return texts.current(key);
    }

    /* A text's key is the place it is written at ({@link Place}), as history, comments and conflicts name it. */

    static String profileKey(int item) {
        return Place.opItem(item).format();
    }

    static String partKey(CriterionId criterion, LevelKind level, AdrPart part) {
        return new Place.AdrText(criterion, level, part).format();
    }

    static String summaryKey(CriterionId criterion) {
        return new Place.Summary(criterion).format();
    }

    static String questionKey(ProfileQuestionNumber question) {
        return Place.opQuestion(question.value()).format();
    }

    static String analysisKey(CriterionId criterion) {
        return new Place.Analysis(criterion).format();
    }

    static String ratingSizeKey(CriterionId criterion) {
        return "rating/" + criterion.value();
    }

    // State changes: only assignments, each delegated to the part that owns the state.

    @EventSourcingHandler
    void on(AssessmentOpenedEvent event) {
        assessmentId = event.assessmentId();
        catalogVersion = event.catalogVersion();
        status = AssessmentStatus.OPEN;
    }

    @EventSourcingHandler
    void on(AssessmentSubmittedEvent event) {
        status = AssessmentStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(AssessmentReopenedEvent event) {
        status = AssessmentStatus.OPEN;
    }

    @EventSourcingHandler
    void on(ProfileItemDraftedEvent event) {
        store(profileKey(event.item()), event.text(), event.revision(), event.author());
    }

    @EventSourcingHandler
    void on(ProfileQuestionAnsweredEvent event) {
        store(questionKey(event.question()), event.text(), event.revision(), event.author());
    }

    @EventSourcingHandler
    void on(ApproachDraftedEvent event) {
        store(partKey(event.criterion(), event.level(), AdrPart.APPROACH), event.text(), event.revision(),
              event.author());
    }

    @EventSourcingHandler
    void on(DeploymentDraftedEvent event) {
        store(partKey(event.criterion(), event.level(), AdrPart.DEPLOY), event.text(), event.revision(),
              event.author());
    }

    @EventSourcingHandler
    void on(ResultDraftedEvent event) {
        store(partKey(event.criterion(), event.level(), AdrPart.RESULT), event.text(), event.revision(),
              event.author());
    }

    @EventSourcingHandler
    void on(CriterionSummaryWrittenEvent event) {
        store(summaryKey(event.criterion()), event.text(), event.revision(), event.author());
    }

    @EventSourcingHandler
    void on(CriterionAnalysisWrittenEvent event) {
        store(analysisKey(event.criterion()), event.text(), event.revision(), event.author());
    }

    private void store(String key, String text, long revision, Author author) {
        texts.store(key, new StoredText(text, revision, author), size);
    }

    @EventSourcingHandler
    void on(ProfileItemsLinkedEvent event) {
        sources.on(event);
    }

    @EventSourcingHandler
    void on(ResultIndicatorsLinkedEvent event) {
        sources.on(event);
    }

    @EventSourcingHandler
    void on(ResultAttachedEvent event) {
        results.on(event, size);
    }

    @EventSourcingHandler
    void on(ResultRevisedEvent event) {
        results.on(event, size);
    }

    @EventSourcingHandler
    void on(ResultDetachedEvent event) {
        results.on(event, size);
    }

    @EventSourcingHandler
    void on(LevelRatedEvent event) {
        size.set(ratingSizeKey(event.criterion()), ReportSize.of(event.rationale()));
    }

    @EventSourcingHandler
    void on(SectionMarkedReadyEvent event) {
        reviews.on(event);
    }

    @EventSourcingHandler
    void on(SectionApprovedEvent event) {
        reviews.on(event);
    }

    @EventSourcingHandler
    void on(SectionReopenedEvent event) {
        reviews.on(event);
    }

    @EventSourcingHandler
    void on(SubmissionWindowSetEvent event) {
        window.on(event);
    }

    @EventSourcingHandler
    void on(SubmissionWindowExtendedEvent event) {
        window.on(event);
    }

    @EventSourcingHandler
    void on(VersionLabeledEvent event) {
        labels.on(event);
    }

    @EventSourcingHandler
    void on(CidRowAddedEvent event) {
        cidWorksheet.on(event, size);
    }

    @EventSourcingHandler
    void on(CidRowEditedEvent event) {
        cidWorksheet.on(event, size);
    }

    @EventSourcingHandler
    void on(CidRowRemovedEvent event) {
        cidWorksheet.on(event, size);
    }

    @EventSourcingHandler
    void on(KeyProcessAddedEvent event) {
        keyProcesses.on(event, size);
    }

    @EventSourcingHandler
    void on(KeyProcessEditedEvent event) {
        keyProcesses.on(event, size);
    }

    @EventSourcingHandler
    void on(KeyProcessRemovedEvent event) {
        keyProcesses.on(event, size);
    }

    @EventSourcingHandler
    void on(KeyProcessesLinkedEvent event) {
        keyProcesses.on(event);
    }

    @EventSourcingHandler
    void on(EvidenceUploadedEvent event) {
        evidence().on(event, size);
    }

    @EventSourcingHandler
    void on(EvidenceRemovedEvent event) {
        evidence().on(event, size);
    }

    /** Checks a result's citations without creating the shelf: snapshots without evidence keep their shape. */
    void citedEvidence(List<String> cited) {
        (evidence == null ? new EvidenceShelf() : evidence).requireCited(cited);
    }

    EvidenceShelf evidence() {
        if (evidence == null) {
            evidence = new EvidenceShelf();
        }
        return evidence;
    }
}
