package th.pmqa.studio.command.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import th.pmqa.studio.catalog.AdrPart;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Catalogs;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.catalog.ScoreBand;
import th.pmqa.studio.command.rejection.AssessmentSubmittedException;
import th.pmqa.studio.command.rejection.ConflictException;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.command.rejection.NotFoundException;
import th.pmqa.studio.command.rejection.SectionsNotApprovedException;
import th.pmqa.studio.command.rejection.SubmissionWindowException;
import th.pmqa.studio.report.ApproachDraftedEvent;
import th.pmqa.studio.report.AssessmentEvent;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.AssessmentOpenedEvent;
import th.pmqa.studio.report.AssessmentReopenedEvent;
import th.pmqa.studio.report.AssessmentStatus;
import th.pmqa.studio.report.AssessmentSubmittedEvent;
import th.pmqa.studio.report.AttachResultCommand;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.report.CriterionLinks;
import th.pmqa.studio.report.CriterionSummaryWrittenEvent;
import th.pmqa.studio.report.DeploymentDraftedEvent;
import th.pmqa.studio.report.DetachResultCommand;
import th.pmqa.studio.report.DraftApproachCommand;
import th.pmqa.studio.report.DraftDeploymentCommand;
import th.pmqa.studio.report.DraftProfileItemCommand;
import th.pmqa.studio.report.DraftResultCommand;
import th.pmqa.studio.report.LevelRatedEvent;
import th.pmqa.studio.report.Merge;
import th.pmqa.studio.report.SavedText;
import th.pmqa.studio.report.ApproveSectionCommand;
import th.pmqa.studio.report.ExtendSubmissionWindowCommand;
import th.pmqa.studio.report.MarkSectionReadyCommand;
import th.pmqa.studio.report.ReopenSectionCommand;
import th.pmqa.studio.report.Section;
import th.pmqa.studio.report.SectionApprovedEvent;
import th.pmqa.studio.report.SectionMarkedReadyEvent;
import th.pmqa.studio.report.SectionReopenedEvent;
import th.pmqa.studio.report.SectionStatus;
import th.pmqa.studio.report.SetSubmissionWindowCommand;
import th.pmqa.studio.report.SubmissionWindowExtendedEvent;
import th.pmqa.studio.report.SubmissionWindowSetEvent;
import th.pmqa.studio.report.LabelVersionCommand;
import th.pmqa.studio.report.VersionLabeledEvent;
import th.pmqa.studio.report.LinkCriterionCommand;
import th.pmqa.studio.report.LinkProfileItemsCommand;
import th.pmqa.studio.report.LinkResultIndicatorsCommand;
import th.pmqa.studio.report.OpenAssessmentCommand;
import th.pmqa.studio.report.ProfileItemDraftedEvent;
import th.pmqa.studio.report.ProfileItemsLinkedEvent;
import th.pmqa.studio.report.RateLevelCommand;
import th.pmqa.studio.report.ReopenAssessmentCommand;
import th.pmqa.studio.report.ResultAttachedEvent;
import th.pmqa.studio.report.ResultDetachedEvent;
import th.pmqa.studio.report.ResultDraftedEvent;
import th.pmqa.studio.report.ResultId;
import th.pmqa.studio.report.ResultIndicatorsLinkedEvent;
import th.pmqa.studio.report.ResultRevisedEvent;
import th.pmqa.studio.report.ReviseResultCommand;
import th.pmqa.studio.report.SubmitAssessmentCommand;
import th.pmqa.studio.report.WriteCriterionSummaryCommand;
import th.pmqa.studio.report.AnswerProfileQuestionCommand;
import th.pmqa.studio.report.CriterionAnalysisWrittenEvent;
import th.pmqa.studio.report.ProfileQuestionAnsweredEvent;
import th.pmqa.studio.report.ProfileQuestionNumber;
import th.pmqa.studio.report.WriteCriterionAnalysisCommand;
import th.pmqa.studio.report.AddCidRowCommand;
import th.pmqa.studio.report.AddKeyProcessCommand;
import th.pmqa.studio.report.CidRow;
import th.pmqa.studio.report.CidRowAddedEvent;
import th.pmqa.studio.report.CidRowEditedEvent;
import th.pmqa.studio.report.CidRowId;
import th.pmqa.studio.report.CidRowRemovedEvent;
import th.pmqa.studio.report.EditCidRowCommand;
import th.pmqa.studio.report.EditKeyProcessCommand;
import th.pmqa.studio.report.KeyProcess;
import th.pmqa.studio.report.KeyProcessAddedEvent;
import th.pmqa.studio.report.KeyProcessEditedEvent;
import th.pmqa.studio.report.KeyProcessId;
import th.pmqa.studio.report.KeyProcessRemovedEvent;
import th.pmqa.studio.report.KeyProcessesLinkedEvent;
import th.pmqa.studio.report.RemoveCidRowCommand;
import th.pmqa.studio.report.RemoveKeyProcessCommand;
import th.pmqa.studio.report.SavedRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The PMQA report of one organization for one fiscal year: lifecycle, the 29 OP items and all sub-criterion
 * sections in a single aggregate.
 * <p>
 * Why one aggregate and not one per section: submit/reopen and "a submitted assessment refuses edits" must be
 * decided in one consistency boundary, and a province team of at most about 20 writers gives little contention.
 * Axon serializes commands per aggregate inside a JVM and the event store's optimistic concurrency (unique
 * aggregate id + sequence) catches races between nodes. A cache keeps assessments in memory between commands;
 * snapshots every 100 events keep loading cheap when one is not there.
 * <p>
 * Only what decisions need is kept here (texts with revisions for stale checks, links, where each result sits);
 * everything else lives in the events for the query side. The state is snapshotted with Jackson, hence field
 * visibility and string map keys.
 * <p>
 * Field names in rejections are those of the HTTP API (e.g. {@code values}, {@code criterionId}) because they are
 * shown to the person who has to correct the request.
 */
@Aggregate(snapshotTriggerDefinition = "assessmentSnapshotTrigger", cache = "assessmentCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class Assessment {

    /** No hyphen: the assessment id joins code and year with one. */
    static final int FIRST_FISCAL_YEAR = 2500;
    static final int LAST_FISCAL_YEAR = 2700;
    static final int EARLIER_REVISIONS_KEPT = RevisionedTexts.EARLIER_REVISIONS_KEPT;
    /** Reports name a handful of indicators per level; the bounds keep a level's results a readable list. */
    static final int MAX_RESULTS_PER_LEVEL = 50;
    static final int MAX_EVIDENCE_PER_RESULT = 20;
    static final int MAX_LABELS = VersionLabels.MAX_LABELS;

    @AggregateIdentifier
    private AssessmentId assessmentId;
    private String catalogVersion;
    private AssessmentStatus status;
    /** The free texts with their recent revisions; unwrapped so snapshots keep their shape. */
    @JsonUnwrapped
    private RevisionedTexts texts = new RevisionedTexts();
    /** The sections' review workflow. */
    @JsonUnwrapped
    private SectionReviews reviews = new SectionReviews();
    @JsonUnwrapped
    private SubmissionWindow window = new SubmissionWindow();
    @JsonUnwrapped
    private VersionLabels labels = new VersionLabels();
    private Map<String, List<Integer>> profileLinks = new HashMap<>();
    private Map<String, List<String>> indicatorLinks = new HashMap<>();
    /** Result id → {@link #levelKey} of the level it is attached to. */
    private Map<String, String> resultPlacements = new HashMap<>();
    /** Result id → what it says now, to tell a revision that changes nothing. */
    private Map<String, ResultFigures> resultFigures = new HashMap<>();
    /** How much text the report holds: bounded, so its read model stays one storable document. */
    private ReportSize size = new ReportSize();
    /** The sub-criteria's C-I-D worksheets (the table behind the Advance level). */
    private CidWorksheet cidWorksheet = new CidWorksheet();
    /** The key processes of category 6 and which of its sub-criteria link to them. */
    private KeyProcesses keyProcesses = new KeyProcesses();

    protected Assessment() {
        // for Axon (creation and event sourcing) and Jackson (snapshots)
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public AssessmentId handle(OpenAssessmentCommand command) {
        if (assessmentId != null) {
            throw new ConflictException("assessment-exists", "assessmentId",
                    "An assessment for " + command.organizationCode() + " in fiscal year " + command.fiscalYear()
                            + " has already been opened");
        }
        String code = command.organizationCode();
        if (!AssessmentId.isOrganizationCode(code)) {
            throw new InvalidInputException("organizationCode",
                    "organizationCode must be 2 to 32 letters, digits or underscores (no hyphen), and not \"null\"");
        }
        if (command.fiscalYear() < FIRST_FISCAL_YEAR || command.fiscalYear() > LAST_FISCAL_YEAR) {
            throw new InvalidInputException("fiscalYear",
                    "fiscalYear is a Buddhist-era year from " + FIRST_FISCAL_YEAR + " to " + LAST_FISCAL_YEAR);
        }
        if (!AssessmentId.of(code, command.fiscalYear()).equals(command.assessmentId())) {
            throw new InvalidInputException("assessmentId", "assessmentId must be <organizationCode>-<fiscalYear>");
        }
        if (isBlank(command.organizationName())) {
            throw new InvalidInputException("organizationName", "organizationName is required");
        }
        if (command.organizationType() == null) {
            throw new InvalidInputException("organizationType", "organizationType is PROVINCE or AGENCY");
        }
        if (Catalogs.load(command.catalogVersion()).isEmpty()) {
            throw new InvalidInputException("catalogVersion",
                    "catalogVersion " + command.catalogVersion() + " is unknown (current: "
                            + Catalogs.CURRENT_VERSION + ")");
        }
        apply(new AssessmentOpenedEvent(command.assessmentId(), code, command.organizationName(),
                command.organizationType(), command.fiscalYear(), command.catalogVersion(), command.author(), now()));
        return command.assessmentId();
    }

    @CommandHandler
    public SavedText handle(DraftProfileItemCommand command) {
        requireEditable(Section.PROFILE);
        if (catalog().profileItem(command.item()).isEmpty()) {
            throw new NotFoundException("item", "OP item " + command.item() + " does not exist in " + catalogVersion);
        }
        return draft(profileKey(command.item()), command.text(), command.baseRevision(),
                (text, revision, merge) -> new ProfileItemDraftedEvent(assessmentId, command.item(), text, revision,
                        command.author(), now(), merge));
    }

    @CommandHandler
    public SavedText handle(DraftApproachCommand command) {
        return draftPart(command.criterion(), command.level(), AdrPart.APPROACH, command.text(),
                command.baseRevision(), (text, revision, merge) -> new ApproachDraftedEvent(assessmentId, command.criterion(),
                        command.level(), text, revision, command.author(), now(), merge));
    }

    @CommandHandler
    public SavedText handle(DraftDeploymentCommand command) {
        return draftPart(command.criterion(), command.level(), AdrPart.DEPLOY, command.text(),
                command.baseRevision(), (text, revision, merge) -> new DeploymentDraftedEvent(assessmentId, command.criterion(),
                        command.level(), text, revision, command.author(), now(), merge));
    }

    @CommandHandler
    public SavedText handle(DraftResultCommand command) {
        return draftPart(command.criterion(), command.level(), AdrPart.RESULT, command.text(),
                command.baseRevision(), (text, revision, merge) -> new ResultDraftedEvent(assessmentId, command.criterion(),
                        command.level(), text, revision, command.author(), now(), merge));
    }

    @CommandHandler
    public SavedText handle(WriteCriterionSummaryCommand command) {
        requireEditable(command.criterion());
        return draft(summaryKey(command.criterion()), command.text(), command.baseRevision(),
                (text, revision, merge) -> new CriterionSummaryWrittenEvent(assessmentId, command.criterion(), text,
                        revision, command.author(), now(), merge));
    }

    /**
     * The answer to a whole OP question, besides the texts of its items: question (6) โครงสร้างองค์การ has no item of
     * the 29, so this is the only place to write it. Part of the profile's review section, like the items.
     */
    @CommandHandler
    public SavedText handle(AnswerProfileQuestionCommand command) {
        requireEditable(Section.PROFILE);
        ProfileQuestionNumber question = command.question();
        if (question == null || catalog().profileQuestion(question.value()).isEmpty()) {
            throw new NotFoundException("question", "OP question " + question + " does not exist in " + catalogVersion
                                                    + " (questions are numbered from 1 to "
                                                    + catalog().profileQuestions().size() + ")");
        }
        return draft(questionKey(question), command.text(), command.baseRevision(),
                (text, revision, merge) -> new ProfileQuestionAnsweredEvent(assessmentId, question, text, revision,
                        command.author(), now(), merge));
    }

    /** The Step-1 analysis of a sub-criterion ("วิเคราะห์เกณฑ์และคำถาม"): part of that sub-criterion's section. */
    @CommandHandler
    public SavedText handle(WriteCriterionAnalysisCommand command) {
        requireEditable(command.criterion());
        return draft(analysisKey(command.criterion()), command.text(), command.baseRevision(),
                (text, revision, merge) -> new CriterionAnalysisWrittenEvent(assessmentId, command.criterion(), text,
                        revision, command.author(), now(), merge));
    }

    @CommandHandler
    public CriterionLinks handle(LinkProfileItemsCommand command) {
        requireEditable(command.criterion());
        linkProfileItems(command.criterion(), validProfileItems(command.profileItems()), command.author());
        return links(command.criterion());
    }

    @CommandHandler
    public CriterionLinks handle(LinkResultIndicatorsCommand command) {
        requireEditable(command.criterion());
        linkIndicatorGroups(command.criterion(), validIndicatorGroups(command.indicatorGroups()), command.author());
        return links(command.criterion());
    }

    @CommandHandler
    public CriterionLinks handle(LinkCriterionCommand command) {
        requireEditable(command.criterion());
        // Both lists are checked before either event is applied, so a bad second list does not store the first.
        List<Integer> items = command.profileItems() == null ? null : validProfileItems(command.profileItems());
        List<String> groups = command.indicatorGroups() == null ? null
                : validIndicatorGroups(command.indicatorGroups());
        List<KeyProcessId> processes = command.keyProcesses() == null ? null
                : keyProcesses.validLinks(command.criterion(), ofCategorySix(command.criterion()),
                                          command.keyProcesses());
        if (items != null) {
            linkProfileItems(command.criterion(), items, command.author());
        }
        if (groups != null) {
            linkIndicatorGroups(command.criterion(), groups, command.author());
        }
        if (processes != null) {
            keyProcesses.link(assessmentId, command.criterion(), processes, command.author(), now())
                        .ifPresent(org.axonframework.modelling.command.AggregateLifecycle::apply);
        }
        return links(command.criterion());
    }

    @CommandHandler
    public ResultId handle(AttachResultCommand command) {
        requireEditable(command.criterion());
        requireLevel(command.level());
        if (command.resultId() == null) {
            throw new InvalidInputException("resultId", "resultId is required");
        }
        if (resultPlacements.containsKey(command.resultId().value())) {
            throw new ConflictException("duplicate-result", "resultId",
                    "Result " + command.resultId() + " is already attached");
        }
        ResultFigures figures = ResultFigures.check(catalog(), command.indicatorGroup(), command.name(),
                command.unit(), command.target(), command.valuesByFiscalYear(), command.evidence(),
                command.comparison(), command.direction());
        String level = levelKey(command.criterion(), command.level());
        if (resultPlacements.values().stream().filter(level::equals).count() >= MAX_RESULTS_PER_LEVEL) {
            throw new ConflictException("too-many-results", "resultId", "A level holds at most "
                    + MAX_RESULTS_PER_LEVEL + " results; detach one first");
        }
        size.requireRoomFor(resultSizeKey(command.resultId()), figures.characters(), "name");
        apply(new ResultAttachedEvent(assessmentId, command.criterion(), command.level(), command.resultId(),
                figures.indicatorGroup(), figures.name(), figures.unit(), figures.target(), figures.values(),
                figures.evidence(), command.author(), now(), figures.comparison(), figures.direction()));
        return command.resultId();
    }

    /**
     * Corrects an attached result in place. Answers whether anything was stored: sending what the result already
     * says stores nothing (a retry, a form saved twice). Last write wins, as for links: a result is a handful of
     * figures, not a text to merge, and the history shows every revision with who made it.
     */
    @CommandHandler
    public boolean handle(ReviseResultCommand command) {
        requireEditable(command.criterion());
        requireLevel(command.level());
        String placement = command.resultId() == null ? null : resultPlacements.get(command.resultId().value());
        if (placement == null || !placement.equals(levelKey(command.criterion(), command.level()))) {
            throw new NotFoundException("resultId", "Result " + command.resultId() + " is not attached to "
                    + command.criterion() + " " + command.level().pathName());
        }
        ResultFigures figures = ResultFigures.check(catalog(), command.indicatorGroup(), command.name(),
                command.unit(), command.target(), command.valuesByFiscalYear(), command.evidence(),
                command.comparison(), command.direction());
        // absent for a result attached before an older snapshot was taken: then the revision is stored
        if (figures.equals(resultFigures.get(command.resultId().value()))) {
            return false;
        }
        size.requireRoomFor(resultSizeKey(command.resultId()), figures.characters(), "name");
        apply(new ResultRevisedEvent(assessmentId, command.criterion(), command.level(), command.resultId(),
                figures.indicatorGroup(), figures.name(), figures.unit(), figures.target(), figures.values(),
                figures.evidence(), figures.comparison(), figures.direction(), command.author(), now()));
        return true;
    }

    @CommandHandler
    public void handle(DetachResultCommand command) {
        requireEditable(command.criterion());
        requireLevel(command.level());
        String placement = command.resultId() == null ? null : resultPlacements.get(command.resultId().value());
        if (placement == null || !placement.equals(levelKey(command.criterion(), command.level()))) {
            throw new NotFoundException("resultId", "Result " + command.resultId() + " is not attached to "
                    + command.criterion() + " " + command.level().pathName());
        }
        apply(new ResultDetachedEvent(assessmentId, command.criterion(), command.level(), command.resultId(),
                command.author(), now()));
    }

    @CommandHandler
    public void handle(RateLevelCommand command) {
        requireEditable(command.criterion());
        requireLevel(command.level());
        ScoreBand band = catalog().band(command.level());
        if (!band.contains(command.score())) {
            throw new InvalidInputException("score", "A " + band.nameEnglish() + " (" + band.nameThai()
                    + ") rating needs a score from " + band.min() + " to " + band.max());
        }
        if (isBlank(command.rationale())) {
            throw new InvalidInputException("rationale", "rationale is required");
        }
        size.requireRoomFor(ratingSizeKey(command.criterion()), command.rationale().length(), "rationale");
        apply(new LevelRatedEvent(assessmentId, command.criterion(), command.level(), command.score(),
                command.rationale(), command.author(), now()));
    }

    @CommandHandler
    public AssessmentStatus handle(SubmitAssessmentCommand command) {
        if (status == AssessmentStatus.SUBMITTED) {
            throw new ConflictException("already-submitted", "assessmentId",
                    "Assessment " + assessmentId + " has already been submitted");
        }
        requireWindowOpen();
        List<Section> unapproved = reviews.unapproved(sections());
        String override = command.overrideReason();
        if (!unapproved.isEmpty() && isBlank(override)) {
            throw new SectionsNotApprovedException(unapproved);
        }
        if (unapproved.isEmpty()) {
            apply(new AssessmentSubmittedEvent(assessmentId, command.author(), now()));
        } else {
            apply(new AssessmentSubmittedEvent(assessmentId, command.author(), now(), override, unapproved));
        }
        return status;
    }

    @CommandHandler
    public SectionStatus handle(MarkSectionReadyCommand command) {
        requireOpen();
        requireSection(command.section());
        requireWindowOpen();
        apply(reviews.markReady(assessmentId, command, now()));
        return reviews.statusOf(command.section());
    }

    @CommandHandler
    public SectionStatus handle(ApproveSectionCommand command) {
        requireOpen();
        requireSection(command.section());
        apply(reviews.approve(assessmentId, command, now()));
        return reviews.statusOf(command.section());
    }

    @CommandHandler
    public SectionStatus handle(ReopenSectionCommand command) {
        requireOpen();
        requireSection(command.section());
        apply(reviews.reopen(assessmentId, command, now()));
        return reviews.statusOf(command.section());
    }

    /** Labels name versions, also of a submitted report ("ฉบับที่ส่ง"); each name once per assessment. */
    @CommandHandler
    public String handle(LabelVersionCommand command) {
        apply(labels.label(assessmentId, command, now()));
        return command.label();
    }

    @CommandHandler
    public void handle(SetSubmissionWindowCommand command) {
        apply(window.set(assessmentId, command, now()));
    }

    @CommandHandler
    public void handle(ExtendSubmissionWindowCommand command) {
        apply(window.extend(assessmentId, command, now()));
    }

    @CommandHandler
    public AssessmentStatus handle(ReopenAssessmentCommand command) {
        if (status != AssessmentStatus.SUBMITTED) {
            throw new ConflictException("not-submitted", "assessmentId",
                    "Assessment " + assessmentId + " is open; only a submitted assessment can be reopened");
        }
        if (isBlank(command.reason())) {
            throw new InvalidInputException("reason", "reason for reopening is required");
        }
        apply(new AssessmentReopenedEvent(assessmentId, command.reason(), command.author(), now()));
        return status;
    }

    /** Makes the event that stores a text: the text to store, its new revision, and the merge if it was one. */
    @FunctionalInterface
    private interface TextEvent {
        AssessmentEvent of(String text, long revision, Merge merge);
    }

    private SavedText draftPart(CriterionId criterion, LevelKind level, AdrPart part, String text, long baseRevision,
                                TextEvent event) {
        requireEditable(criterion);
        requireLevel(level);
        return draft(partKey(criterion, level, part), text, baseRevision, event);
    }

    /** Stores an edit of one text as {@link RevisionedTexts} decides it. */
    private SavedText draft(String key, String text, long baseRevision, TextEvent event) {
        RevisionedTexts.Edit edit = texts.edit(key, text, baseRevision, size);
        if (edit.stores()) {
            apply(event.of(edit.text(), edit.answer().revision(), edit.merge()));
        }
        return edit.answer();
    }

    private void store(String key, StoredText next) {
        texts.store(key, next, size);
    }

    private List<Integer> validProfileItems(List<Integer> items) {
        if (items == null) {
            throw new InvalidInputException("profileItems", "profileItems is required");
        }
        Catalog catalog = catalog();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Integer item = items.get(i);
            String field = "profileItems[" + i + "]";
            if (item == null || catalog.profileItem(item).isEmpty()) {
                throw new InvalidInputException(field, "OP item " + item + " does not exist in " + catalogVersion);
            }
            if (!seen.add(item)) {
                throw new InvalidInputException(field, "OP item " + item + " is listed twice");
            }
        }
        return List.copyOf(items);
    }

    private List<String> validIndicatorGroups(List<String> groups) {
        if (groups == null) {
            throw new InvalidInputException("indicatorGroups", "indicatorGroups is required");
        }
        Catalog catalog = catalog();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < groups.size(); i++) {
            String group = groups.get(i);
            String field = "indicatorGroups[" + i + "]";
            if (group == null || catalog.indicatorGroup(group).isEmpty()) {
                throw new InvalidInputException(field,
                        "indicator group " + group + " does not exist in " + catalogVersion);
            }
            if (!seen.add(group)) {
                throw new InvalidInputException(field, "indicator group " + group + " is listed twice");
            }
        }
        return List.copyOf(groups);
    }

    private void linkProfileItems(CriterionId criterion, List<Integer> items, Author author) {
        if (!items.equals(profileLinks.getOrDefault(criterion.value(), List.of()))) {
            apply(new ProfileItemsLinkedEvent(assessmentId, criterion, items, author, now()));
        }
    }

    private void linkIndicatorGroups(CriterionId criterion, List<String> groups, Author author) {
        if (!groups.equals(indicatorLinks.getOrDefault(criterion.value(), List.of()))) {
            apply(new ResultIndicatorsLinkedEvent(assessmentId, criterion, groups, author, now()));
        }
    }

    private CriterionLinks links(CriterionId criterion) {
        return new CriterionLinks(profileLinks.getOrDefault(criterion.value(), List.of()),
                indicatorLinks.getOrDefault(criterion.value(), List.of()), keyProcesses.linkedFrom(criterion));
    }

    /** A change of a section's content: the report open, the window open, and the section not approved. */
    private void requireEditable(CriterionId criterion) {
        requireOpen();
        requireCriterion(criterion);
        requireEditable(Section.of(criterion));
    }

    private void requireEditable(Section section) {
        requireOpen();
        requireWindowOpen();
        reviews.requireNotApproved(section);
    }

    private void requireWindowOpen() {
        window.requireOpen(assessmentId, now());
    }

    private void requireSection(Section section) {
        if (section == null || sections().stream().noneMatch(section::equals)) {
            throw new NotFoundException("section", "Section " + section + " does not exist in " + catalogVersion
                    + " (profile, or criteria/<sub-criterion>)");
        }
    }

    /** The workflow's sections: the Organizational Profile, then each sub-criterion of the catalog. */
    private List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        sections.add(Section.PROFILE);
        catalog().criteria().forEach(c -> sections.add(Section.of(new CriterionId(c.id()))));
        return sections;
    }

    private void requireOpen() {
        if (status == AssessmentStatus.SUBMITTED) {
            throw new AssessmentSubmittedException(assessmentId.value());
        }
    }

    private void requireCriterion(CriterionId criterion) {
        if (criterion == null || catalog().criterion(criterion.value()).isEmpty()) {
            throw new NotFoundException("criterionId",
                    "Sub-criterion " + criterion + " does not exist in " + catalogVersion);
        }
    }

    private static void requireLevel(LevelKind level) {
        if (level == null) {
            throw new InvalidInputException("level", "level is basic, advance or significance");
        }
    }

    private Catalog catalog() {
        return Catalogs.load(catalogVersion).orElseThrow(
                () -> new IllegalStateException("catalog " + catalogVersion + " of " + assessmentId + " is gone"));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The fixtures' {@code givenCurrentTime} controls this clock. */
    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    /** For tests that check what a decision will be based on. */
    StoredText storedText(String key) {
        return texts.current(key);
    }

    static String profileKey(int item) {
        return "profile/" + item;
    }

    static String partKey(CriterionId criterion, LevelKind level, AdrPart part) {
        return "criteria/" + criterion.value() + "/" + level.pathName() + "/" + part.pathName();
    }

    static String summaryKey(CriterionId criterion) {
        return "criteria/" + criterion.value() + "/summary";
    }

    static String questionKey(ProfileQuestionNumber question) {
        return "profile/questions/" + question.value();
    }

    static String analysisKey(CriterionId criterion) {
        return "criteria/" + criterion.value() + "/analysis";
    }

    private static String levelKey(CriterionId criterion, LevelKind level) {
        return criterion.value() + "/" + level.pathName();
    }

    @EventSourcingHandler
    void on(AssessmentOpenedEvent event) {
        assessmentId = event.assessmentId();
        catalogVersion = event.catalogVersion();
        status = AssessmentStatus.OPEN;
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
    void on(VersionLabeledEvent event) {
        labels.on(event);
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
    void on(ProfileItemDraftedEvent event) {
        store(profileKey(event.item()), new StoredText(event.text(), event.revision(), event.author()));
    }

    @EventSourcingHandler
    void on(ApproachDraftedEvent event) {
        store(partKey(event.criterion(), event.level(), AdrPart.APPROACH),
                new StoredText(event.text(), event.revision(), event.author()));
    }

    @EventSourcingHandler
    void on(DeploymentDraftedEvent event) {
        store(partKey(event.criterion(), event.level(), AdrPart.DEPLOY),
                new StoredText(event.text(), event.revision(), event.author()));
    }

    @EventSourcingHandler
    void on(ResultDraftedEvent event) {
        store(partKey(event.criterion(), event.level(), AdrPart.RESULT),
                new StoredText(event.text(), event.revision(), event.author()));
    }

    @EventSourcingHandler
    void on(CriterionSummaryWrittenEvent event) {
        store(summaryKey(event.criterion()), new StoredText(event.text(), event.revision(), event.author()));
    }

    @EventSourcingHandler
    void on(ProfileQuestionAnsweredEvent event) {
        store(questionKey(event.question()), new StoredText(event.text(), event.revision(), event.author()));
    }

    @EventSourcingHandler
    void on(CriterionAnalysisWrittenEvent event) {
        store(analysisKey(event.criterion()), new StoredText(event.text(), event.revision(), event.author()));
    }

    @EventSourcingHandler
    void on(ProfileItemsLinkedEvent event) {
        profileLinks.put(event.criterion().value(), new ArrayList<>(event.profileItems()));
    }

    @EventSourcingHandler
    void on(ResultIndicatorsLinkedEvent event) {
        indicatorLinks.put(event.criterion().value(), new ArrayList<>(event.indicatorGroups()));
    }

    @EventSourcingHandler
    void on(ResultAttachedEvent event) {
        resultPlacements.put(event.resultId().value(), levelKey(event.criterion(), event.level()));
        keepFigures(event.resultId(), new ResultFigures(event.indicatorGroup(), event.name(), event.unit(),
                event.target(), event.valuesByFiscalYear(), event.evidence(), event.comparison(), event.direction()));
    }

    @EventSourcingHandler
    void on(ResultRevisedEvent event) {
        keepFigures(event.resultId(), new ResultFigures(event.indicatorGroup(), event.name(), event.unit(),
                event.target(), event.valuesByFiscalYear(), event.evidence(), event.comparison(), event.direction()));
    }

    private void keepFigures(ResultId id, ResultFigures figures) {
        resultFigures.put(id.value(), figures);
        size.set(resultSizeKey(id), figures.characters());
    }

    @EventSourcingHandler
    void on(ResultDetachedEvent event) {
        resultPlacements.remove(event.resultId().value());
        resultFigures.remove(event.resultId().value());
        size.set(resultSizeKey(event.resultId()), 0);
    }

    @EventSourcingHandler
    void on(LevelRatedEvent event) {
        size.set(ratingSizeKey(event.criterion()), ReportSize.of(event.rationale()));
    }

    private static String resultSizeKey(ResultId id) {
        return "result/" + id.value();
    }

    private static String ratingSizeKey(CriterionId criterion) {
        return "rating/" + criterion.value();
    }

    @EventSourcingHandler
    void on(AssessmentSubmittedEvent event) {
        status = AssessmentStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(AssessmentReopenedEvent event) {
        status = AssessmentStatus.OPEN;
    }

    // C-I-D worksheets and key processes (issue 12): the decisions are CidWorksheet's and KeyProcesses'; here only
    // which section each edit belongs to, and applying what they decided.

    /** A C-I-D row is part of its sub-criterion: adding one is an edit of that section. */
    @CommandHandler
    public CidRowId handle(AddCidRowCommand command) {
        requireEditable(command.criterion());
        apply(cidWorksheet.add(assessmentId, command, size, now()));
        return command.rowId();
    }

    @CommandHandler
    public SavedRow<CidRow> handle(EditCidRowCommand command) {
        requireEditable(command.criterion());
        CidWorksheet.Edit edit = cidWorksheet.edit(assessmentId, command, size, now());
        if (edit.event() != null) {
            apply(edit.event());
        }
        return edit.answer();
    }

    @CommandHandler
    public void handle(RemoveCidRowCommand command) {
        requireEditable(command.criterion());
        apply(cidWorksheet.remove(assessmentId, command, now()));
    }

    /** Key processes are written and reviewed with the first sub-criterion of category 6 ({@link KeyProcess#host}). */
    @CommandHandler
    public KeyProcessId handle(AddKeyProcessCommand command) {
        requireEditable(keyProcessHost());
        apply(keyProcesses.add(assessmentId, command, size, now()));
        return command.processId();
    }

    @CommandHandler
    public SavedRow<KeyProcess> handle(EditKeyProcessCommand command) {
        requireEditable(keyProcessHost());
        KeyProcesses.Edit edit = keyProcesses.edit(assessmentId, command, size, now());
        if (edit.event() != null) {
            apply(edit.event());
        }
        return edit.answer();
    }

    /** Removing a process also changes the links of the sub-criteria that named it: each must be editable too. */
    @CommandHandler
    public void handle(RemoveKeyProcessCommand command) {
        requireEditable(keyProcessHost());
        KeyProcessRemovedEvent removal = keyProcesses.remove(assessmentId, command, now());
        removal.unlinkedFrom().forEach(this::requireEditable);
        apply(removal);
    }

    private CriterionId keyProcessHost() {
        return KeyProcess.host(catalog()).map(c -> new CriterionId(c.id())).orElseThrow(() -> new NotFoundException(
                "processId", "Catalog " + catalogVersion + " has no category " + KeyProcess.CATEGORY
                             + ", so it has no key processes"));
    }

    private boolean ofCategorySix(CriterionId criterion) {
        return catalog().criterion(criterion.value()).map(c -> c.category() == KeyProcess.CATEGORY).orElse(false);
    }

    @EventSourcingHandler
    void on(CidRowAddedEvent event) {
        cidWorksheet.on(event);
        size.set(CidWorksheet.sizeKey(event.rowId()), event.row().characters());
    }

    @EventSourcingHandler
    void on(CidRowEditedEvent event) {
        cidWorksheet.on(event);
        size.set(CidWorksheet.sizeKey(event.rowId()), event.row().characters());
    }

    @EventSourcingHandler
    void on(CidRowRemovedEvent event) {
        cidWorksheet.on(event);
        size.set(CidWorksheet.sizeKey(event.rowId()), 0);
    }

    @EventSourcingHandler
    void on(KeyProcessAddedEvent event) {
        keyProcesses.on(event);
        size.set(KeyProcesses.sizeKey(event.processId()), event.process().characters());
    }

    @EventSourcingHandler
    void on(KeyProcessEditedEvent event) {
        keyProcesses.on(event);
        size.set(KeyProcesses.sizeKey(event.processId()), event.process().characters());
    }

    @EventSourcingHandler
    void on(KeyProcessRemovedEvent event) {
        keyProcesses.on(event);
        size.set(KeyProcesses.sizeKey(event.processId()), 0);
    }

    @EventSourcingHandler
    void on(KeyProcessesLinkedEvent event) {
        keyProcesses.on(event);
    }
}
