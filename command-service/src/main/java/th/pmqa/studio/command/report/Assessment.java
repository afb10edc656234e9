package th.pmqa.studio.command.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import th.pmqa.studio.catalog.AdrPart;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.command.rejection.ConflictException;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.command.rejection.SectionsNotApprovedException;
import th.pmqa.studio.command.report.commands.AddCidRowCommand;
import th.pmqa.studio.command.report.commands.AddKeyProcessCommand;
import th.pmqa.studio.command.report.commands.AnswerProfileQuestionCommand;
import th.pmqa.studio.command.report.commands.ApproveSectionCommand;
import th.pmqa.studio.command.report.commands.AttachResultCommand;
import th.pmqa.studio.command.report.commands.CriterionLinks;
import th.pmqa.studio.command.report.commands.DetachResultCommand;
import th.pmqa.studio.command.report.commands.DraftApproachCommand;
import th.pmqa.studio.command.report.commands.DraftDeploymentCommand;
import th.pmqa.studio.command.report.commands.DraftProfileItemCommand;
import th.pmqa.studio.command.report.commands.DraftResultCommand;
import th.pmqa.studio.command.report.commands.EditCidRowCommand;
import th.pmqa.studio.command.report.commands.EditKeyProcessCommand;
import th.pmqa.studio.command.report.commands.EvidenceStored;
import th.pmqa.studio.command.report.commands.ExtendSubmissionWindowCommand;
import th.pmqa.studio.command.report.commands.LabelVersionCommand;
import th.pmqa.studio.command.report.commands.LinkCriterionCommand;
import th.pmqa.studio.command.report.commands.LinkProfileItemsCommand;
import th.pmqa.studio.command.report.commands.LinkResultIndicatorsCommand;
import th.pmqa.studio.command.report.commands.MarkSectionReadyCommand;
import th.pmqa.studio.command.report.commands.OpenAssessmentCommand;
import th.pmqa.studio.command.report.commands.RateLevelCommand;
import th.pmqa.studio.command.report.commands.RemoveCidRowCommand;
import th.pmqa.studio.command.report.commands.RemoveEvidenceCommand;
import th.pmqa.studio.command.report.commands.RemoveKeyProcessCommand;
import th.pmqa.studio.command.report.commands.ReopenAssessmentCommand;
import th.pmqa.studio.command.report.commands.ReopenSectionCommand;
import th.pmqa.studio.command.report.commands.ReviseResultCommand;
import th.pmqa.studio.command.report.commands.SavedRow;
import th.pmqa.studio.command.report.commands.SavedText;
import th.pmqa.studio.command.report.commands.SetSubmissionWindowCommand;
import th.pmqa.studio.command.report.commands.SubmitAssessmentCommand;
import th.pmqa.studio.command.report.commands.UploadEvidenceCommand;
import th.pmqa.studio.command.report.commands.WriteCriterionAnalysisCommand;
import th.pmqa.studio.command.report.commands.WriteCriterionSummaryCommand;
import th.pmqa.studio.report.ApproachDraftedEvent;
import th.pmqa.studio.report.AssessmentEvent;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.AssessmentOpenedEvent;
import th.pmqa.studio.report.AssessmentReopenedEvent;
import th.pmqa.studio.report.AssessmentStatus;
import th.pmqa.studio.report.AssessmentSubmittedEvent;
import th.pmqa.studio.report.CidRow;
import th.pmqa.studio.report.CidRowId;
import th.pmqa.studio.report.CriterionAnalysisWrittenEvent;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.report.CriterionSummaryWrittenEvent;
import th.pmqa.studio.report.DeploymentDraftedEvent;
import th.pmqa.studio.report.KeyProcess;
import th.pmqa.studio.report.KeyProcessId;
import th.pmqa.studio.report.KeyProcessRemovedEvent;
import th.pmqa.studio.report.LevelRatedEvent;
import th.pmqa.studio.report.Merge;
import th.pmqa.studio.report.ProfileItemDraftedEvent;
import th.pmqa.studio.report.ProfileQuestionAnsweredEvent;
import th.pmqa.studio.report.ProfileQuestionNumber;
import th.pmqa.studio.report.ResultDraftedEvent;
import th.pmqa.studio.report.ResultId;
import th.pmqa.studio.report.Section;
import th.pmqa.studio.report.SectionStatus;
import java.util.List;

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
 * Only what decisions need is kept (texts with revisions for stale checks, links, where each result sits), each part
 * in a class of its own that decides its commands and returns the event; here: which section an edit belongs to,
 * whether it may change, and applying. Checks against the catalog are {@link CatalogRules}. The state, the
 * event-sourcing handlers that assign it and what every decision asks of it are {@link AssessmentState}.
 * <p>
 * Longer than the ~300 lines of other files, for a reason: every command of the one consistency boundary is handled
 * here (about 30, a few lines each) so that what the assessment decides reads in one place; anything longer than a
 * few lines belongs to a part or a rule class.
 * <p>
 * Field names in rejections are those of the HTTP API (e.g. {@code values}, {@code criterionId}) because they are
 * shown to the person who has to correct the request.
 */
@Aggregate(snapshotTriggerDefinition = "assessmentSnapshotTrigger", cache = "assessmentCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class Assessment extends AssessmentState {

    /** No hyphen: the assessment id joins code and year with one. */
    static final int FIRST_FISCAL_YEAR = 2500;
    static final int LAST_FISCAL_YEAR = 2700;
    static final int EARLIER_REVISIONS_KEPT = RevisionedTexts.EARLIER_REVISIONS_KEPT;
    static final int MAX_RESULTS_PER_LEVEL = AttachedResults.MAX_RESULTS_PER_LEVEL;
    static final int MAX_EVIDENCE_PER_RESULT = 20;
    static final int MAX_LABELS = VersionLabels.MAX_LABELS;

    protected Assessment() {
        // for Axon (creation and event sourcing) and Jackson (snapshots)
    }

    // Lifecycle

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public AssessmentId handle(OpenAssessmentCommand command) {
        if (assessmentId != null) {
            throw new ConflictException("assessment-exists", "assessmentId",
                    "An assessment for " + command.organizationCode() + " in fiscal year " + command.fiscalYear()
                            + " has already been opened");
        }
        OpeningRules.check(command);
        apply(new AssessmentOpenedEvent(command.assessmentId(), command.organizationCode(), command.organizationName(),
                command.organizationType(), command.fiscalYear(), command.catalogVersion(), command.author(), now()));
        return command.assessmentId();
    }

    @CommandHandler
    public AssessmentStatus handle(SubmitAssessmentCommand command) {
        if (status == AssessmentStatus.SUBMITTED) {
            throw new ConflictException("already-submitted", "assessmentId",
                    "Assessment " + assessmentId + " has already been submitted");
        }
        requireWindowOpen();
        List<Section> unapproved = reviews.unapproved(rules().sections());
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

    // Texts: each is part of a section (the profile's or a sub-criterion's) and is stored as RevisionedTexts decides.

    @CommandHandler
    public SavedText handle(DraftProfileItemCommand command) {
        requireEditable(Section.PROFILE);
        rules().requireProfileItem(command.item());
        return draft(profileKey(command.item()), command.text(), command.baseRevision(),
                (text, revision, merge) -> new ProfileItemDraftedEvent(assessmentId, command.item(), text, revision,
                        command.author(), now(), merge));
    }

    /**
     * The answer to a whole OP question, besides the texts of its items: question (6) โครงสร้างองค์การ has no item of
     * the 29, so this is the only place to write it. Part of the profile's review section, like the items.
     */
    @CommandHandler
    public SavedText handle(AnswerProfileQuestionCommand command) {
        requireEditable(Section.PROFILE);
        ProfileQuestionNumber question = command.question();
        rules().requireProfileQuestion(question);
        return draft(questionKey(question), command.text(), command.baseRevision(),
                (text, revision, merge) -> new ProfileQuestionAnsweredEvent(assessmentId, question, text, revision,
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

    /** The Step-1 analysis of a sub-criterion ("วิเคราะห์เกณฑ์และคำถาม"): part of that sub-criterion's section. */
    @CommandHandler
    public SavedText handle(WriteCriterionAnalysisCommand command) {
        requireEditable(command.criterion());
        return draft(analysisKey(command.criterion()), command.text(), command.baseRevision(),
                (text, revision, merge) -> new CriterionAnalysisWrittenEvent(assessmentId, command.criterion(), text,
                        revision, command.author(), now(), merge));
    }

    /** Makes the event that stores a text: the text to store, its new revision, and the merge if it was one. */
    @FunctionalInterface
    private interface TextEvent {
        AssessmentEvent of(String text, long revision, Merge merge);
    }

    private SavedText draftPart(CriterionId criterion, LevelKind level, AdrPart part, String text, long baseRevision,
                                TextEvent event) {
        requireEditable(criterion);
        CatalogRules.requireLevel(level);
        return draft(partKey(criterion, level, part), text, baseRevision, event);
    }

    private SavedText draft(String key, String text, long baseRevision, TextEvent event) {
        RevisionedTexts.Edit edit = texts.edit(key, text, baseRevision, size);
        if (edit.stores()) {
            apply(event.of(edit.text(), edit.answer().revision(), edit.merge()));
        }
        return edit.answer();
    }

    // Links of a sub-criterion

    @CommandHandler
    public CriterionLinks handle(LinkProfileItemsCommand command) {
        requireEditable(command.criterion());
        List<Integer> items = rules().validProfileItems(command.profileItems());
        sources.linkProfileItems(assessmentId, command.criterion(), items, command.author(), now())
               .ifPresent(AggregateLifecycle::apply);
        return links(command.criterion());
    }

    @CommandHandler
    public CriterionLinks handle(LinkResultIndicatorsCommand command) {
        requireEditable(command.criterion());
        List<String> groups = rules().validIndicatorGroups(command.indicatorGroups());
        sources.linkIndicatorGroups(assessmentId, command.criterion(), groups, command.author(), now())
               .ifPresent(AggregateLifecycle::apply);
        return links(command.criterion());
    }

    @CommandHandler
    public CriterionLinks handle(LinkCriterionCommand command) {
        requireEditable(command.criterion());
        CatalogRules rules = rules();
        CriterionId criterion = command.criterion();
        // All lists are checked before any event is applied, so a bad second list does not store the first.
        List<Integer> items = command.profileItems() == null ? null : rules.validProfileItems(command.profileItems());
        List<String> groups = command.indicatorGroups() == null ? null
                : rules.validIndicatorGroups(command.indicatorGroups());
        List<KeyProcessId> processes = command.keyProcesses() == null ? null
                : keyProcesses.validLinks(criterion, rules.ofCategorySix(criterion), command.keyProcesses());
        if (items != null) {
            sources.linkProfileItems(assessmentId, criterion, items, command.author(), now())
                   .ifPresent(AggregateLifecycle::apply);
        }
        if (groups != null) {
            sources.linkIndicatorGroups(assessmentId, criterion, groups, command.author(), now())
                   .ifPresent(AggregateLifecycle::apply);
        }
        if (processes != null) {
            keyProcesses.link(assessmentId, criterion, processes, command.author(), now())
                        .ifPresent(AggregateLifecycle::apply);
        }
        return links(criterion);
    }

    private CriterionLinks links(CriterionId criterion) {
        return new CriterionLinks(sources.profileItemsOf(criterion), sources.indicatorGroupsOf(criterion),
                keyProcesses.linkedFrom(criterion));
    }

    // Results and ratings of a level

    @CommandHandler
    public ResultId handle(AttachResultCommand command) {
        requireEditable(command.criterion());
        CatalogRules.requireLevel(command.level());
        citedEvidence(command.evidence());
        apply(results.attach(assessmentId, command, rules().catalog(), size, now()));
        return command.resultId();
    }

    /** Answers whether anything was stored: sending what the result already says stores nothing. */
    @CommandHandler
    public boolean handle(ReviseResultCommand command) {
        requireEditable(command.criterion());
        CatalogRules.requireLevel(command.level());
        citedEvidence(command.evidence());
        return results.revise(assessmentId, command, rules().catalog(), size, now())
                      .map(AggregateLifecycle::apply).isPresent();
    }

    @CommandHandler
    public void handle(DetachResultCommand command) {
        requireEditable(command.criterion());
        CatalogRules.requireLevel(command.level());
        apply(results.detach(assessmentId, command, now()));
    }

    @CommandHandler
    public void handle(RateLevelCommand command) {
        requireEditable(command.criterion());
        CatalogRules.requireLevel(command.level());
        rules().requireScoreInBand(command.level(), command.score());
        if (isBlank(command.rationale())) {
            throw new InvalidInputException("rationale", "rationale is required");
        }
        size.requireRoomFor(ratingSizeKey(command.criterion()), command.rationale().length(), "rationale");
        apply(new LevelRatedEvent(assessmentId, command.criterion(), command.level(), command.score(),
                command.rationale(), command.author(), now()));
    }

    // Review workflow, window and labels

    @CommandHandler
    public SectionStatus handle(MarkSectionReadyCommand command) {
        requireOpen();
        rules().requireSection(command.section());
        requireWindowOpen();
        apply(reviews.markReady(assessmentId, command, now()));
        return reviews.statusOf(command.section());
    }

    @CommandHandler
    public SectionStatus handle(ApproveSectionCommand command) {
        requireOpen();
        rules().requireSection(command.section());
        apply(reviews.approve(assessmentId, command, now()));
        return reviews.statusOf(command.section());
    }

    @CommandHandler
    public SectionStatus handle(ReopenSectionCommand command) {
        requireOpen();
        rules().requireSection(command.section());
        apply(reviews.reopen(assessmentId, command, now()));
        return reviews.statusOf(command.section());
    }

    @CommandHandler
    public void handle(SetSubmissionWindowCommand command) {
        apply(window.set(assessmentId, command, now()));
    }

    @CommandHandler
    public void handle(ExtendSubmissionWindowCommand command) {
        apply(window.extend(assessmentId, command, now()));
    }

    /** Labels name versions, also of a submitted report, so they ask nothing of the report's state. */
    @CommandHandler
    public String handle(LabelVersionCommand command) {
        apply(labels.label(assessmentId, command, now()));
        return command.label();
    }

    // C-I-D worksheets and key processes (issue 12): the decisions are CidWorksheet's and KeyProcesses'.

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
        requireEditable(rules().keyProcessHost());
        apply(keyProcesses.add(assessmentId, command, size, now()));
        return command.processId();
    }

    @CommandHandler
    public SavedRow<KeyProcess> handle(EditKeyProcessCommand command) {
        requireEditable(rules().keyProcessHost());
        KeyProcesses.Edit edit = keyProcesses.edit(assessmentId, command, size, now());
        if (edit.event() != null) {
            apply(edit.event());
        }
        return edit.answer();
    }

    /** Removing a process also changes the links of the sub-criteria that named it: each must be editable too. */
    @CommandHandler
    public void handle(RemoveKeyProcessCommand command) {
        requireEditable(rules().keyProcessHost());
        KeyProcessRemovedEvent removal = keyProcesses.remove(assessmentId, command, now());
        removal.unlinkedFrom().forEach(this::requireEditable);
        apply(removal);
    }

    // Evidence (issue 16): the decisions are EvidenceShelf's.

    /** Evidence is part of the report's content: the report open and its window open. */
    @CommandHandler
    public EvidenceStored handle(UploadEvidenceCommand command) {
        requireOpen();
        requireWindowOpen();
        EvidenceShelf.Decision decision = evidence().upload(assessmentId, command, rules().catalog(), results::holds,
                size, now());
        decision.event().ifPresent(AggregateLifecycle::apply);
        return decision.answer();
    }

    @CommandHandler
    public void handle(RemoveEvidenceCommand command) {
        requireOpen();
        requireWindowOpen();
        apply(evidence().remove(assessmentId, command, now()));
    }
}
