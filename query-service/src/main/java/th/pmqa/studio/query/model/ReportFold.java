package th.pmqa.studio.query.model;

import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.report.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds one event into a {@link ReportState}. Pure apart from mutating the state it is given: the same events in the
 * same order always give the same state, which is what makes read models rebuildable and time travel exact.
 * <p>
 * It only moves the state on. Describing what an event changed for the history (a Thai summary, the changed part
 * before and after, the word diff) is {@link ChangeDescriber}'s, which the projector calls; time travel and replays,
 * which only need the state, never pay for descriptions. A new event type gets a case in {@link #apply} (or in
 * {@link RowsFold}), a place in {@link #placeOf} and a description in {@link ChangeDescriber}.
 */
public final class ReportFold {

    /**
     * What a fold produces, as a number: bump it whenever a change here (or in {@link RowsFold}) makes the same
     * events fold into a different {@link ReportState}. Time travel's persisted checkpoints carry it and any of
     * another version are ignored and dropped (a change of {@link ReportState}'s shape is caught without a bump).
     */
    public static final int VERSION = 1;

    private ReportFold() {
    }

    public static ReportState replay(List<? extends AssessmentEvent> events) {
        ReportState state = new ReportState();
        long position = 0;
        for (AssessmentEvent event : events) {
            evolve(state, event, ++position);
        }
        return state;
    }

    /** Moves the state on by one event at a global position. */
    public static void evolve(ReportState state, AssessmentEvent event, long position) {
        state.position = position;
        state.eventCount++;
        state.lastChangeAt = event.at();
        state.lastAuthor = event.author();
        if (!(event instanceof AssessmentOpenedEvent || event instanceof AssessmentSubmittedEvent
              || event instanceof AssessmentReopenedEvent)) {
            state.lastEditBy.put(event.author().userId(), event.at());
        }
        apply(state, event, position);
        if (!isWorkflowStep(event)) {
            // a section ready for review whose content changed: its reviewer must read it again
            placeOf(state, event).workflowSection().map(Place::format).ifPresent(section -> {
                if ("READY_FOR_REVIEW".equals(state.workflow.get(section))) {
                    state.changedSinceReady.add(section);
                }
            });
        }
    }

    private static void apply(ReportState state, AssessmentEvent event, long position) {
        if (event instanceof AssessmentOpenedEvent e) {
            state.assessmentId = e.assessmentId().value();
            state.organizationCode = e.organizationCode();
            state.organizationName = e.organizationName();
            state.organizationType = e.organizationType().name();
            state.fiscalYear = e.fiscalYear();
            state.catalogVersion = e.catalogVersion();
            state.status = AssessmentStatus.OPEN.name();
            state.openedAt = e.at();
        } else if (event instanceof AssessmentSubmittedEvent e) {
            state.status = AssessmentStatus.SUBMITTED.name();
            state.submitOverride = e.overrideReason();
        } else if (event instanceof AssessmentReopenedEvent) {
            state.status = AssessmentStatus.OPEN.name();
        } else if (event instanceof SectionMarkedReadyEvent e) {
            workflow(state, e.section(), "READY_FOR_REVIEW");
        } else if (event instanceof SectionApprovedEvent e) {
            workflow(state, e.section(), "APPROVED");
        } else if (event instanceof SectionReopenedEvent e) {
            workflow(state, e.section(), "DRAFTING");
        } else if (event instanceof VersionLabeledEvent e) {
            state.labels.add(new ReportState.Label(e.label(), position, e.author(), e.at()));
        } else if (event instanceof SubmissionWindowSetEvent e) {
            state.windowOpensAt = e.opensAt();
            state.windowClosesAt = e.closesAt();
        } else if (event instanceof SubmissionWindowExtendedEvent e) {
            state.windowClosesAt = e.closesAt();
        } else if (event instanceof ProfileItemDraftedEvent e) {
            state.profile.put(Integer.toString(e.item()), text(e));
        } else if (event instanceof ProfileQuestionAnsweredEvent e) {
            state.profileAnswers.put(Integer.toString(e.question().value()), text(e));
        } else if (event instanceof ApproachDraftedEvent e) {
            state.criterion(e.criterion().value()).parts.put(partKey(e.level(), "approach"), text(e));
        } else if (event instanceof DeploymentDraftedEvent e) {
            state.criterion(e.criterion().value()).parts.put(partKey(e.level(), "deploy"), text(e));
        } else if (event instanceof ResultDraftedEvent e) {
            state.criterion(e.criterion().value()).parts.put(partKey(e.level(), "result"), text(e));
        } else if (event instanceof CriterionSummaryWrittenEvent e) {
            state.criterion(e.criterion().value()).summary = text(e);
        } else if (event instanceof CriterionAnalysisWrittenEvent e) {
            state.criterion(e.criterion().value()).analysis = text(e);
        } else if (event instanceof LevelRatedEvent e) {
            state.criterion(e.criterion().value()).rating =
                    new ReportState.Rating(e.level(), e.score(), e.rationale(), e.author(), e.at());
        } else if (event instanceof ProfileItemsLinkedEvent e) {
            state.criterion(e.criterion().value()).profileItems = new ArrayList<>(e.profileItems());
        } else if (event instanceof ResultIndicatorsLinkedEvent e) {
            state.criterion(e.criterion().value()).indicatorGroups = new ArrayList<>(e.indicatorGroups());
        } else if (event instanceof ResultAttachedEvent e) {
            state.criterion(e.criterion().value()).results.put(e.resultId().value(), new ReportState.Result(
                    e.resultId().value(), e.level(), e.indicatorGroup(), e.name(), e.unit(), e.target(),
                    e.valuesByFiscalYear(), e.evidence(), e.author(), e.at(), e.comparison(), e.direction()));
        } else if (event instanceof ResultRevisedEvent e) {
            // put on the id it had: the result keeps its place in the list
            state.criterion(e.criterion().value()).results.put(e.resultId().value(), new ReportState.Result(
                    e.resultId().value(), e.level(), e.indicatorGroup(), e.name(), e.unit(), e.target(),
                    e.valuesByFiscalYear(), e.evidence(), e.author(), e.at(), e.comparison(), e.direction()));
        } else if (event instanceof ResultDetachedEvent e) {
            state.criterion(e.criterion().value()).results.remove(e.resultId().value());
        } else if (event instanceof EvidenceUploadedEvent e) {
            state.evidence.put(e.evidenceId().value(), new ReportState.Evidence(
                    e.evidenceId().value(), e.sha256(), e.size(), e.contentType(), e.fileName(), e.title(), e.place(),
                    e.resultId() == null ? null : e.resultId().value(), e.author(), e.at()));
        } else if (event instanceof EvidenceRemovedEvent e) {
            ReportState.Evidence removed = state.evidence.remove(e.evidenceId().value());
            if (removed != null) {
                state.removedEvidence.put(removed.evidenceId(), removed);
            }
        } else if (event instanceof CidRowEvent || event instanceof KeyProcessEvent) {
            RowsFold.apply(state, event);
        } else {
            throw new IllegalArgumentException("unknown event " + event.getClass());
        }
    }

    /**
     * The place of the report an event changes, which is the section of its change entry: the OP item or question,
     * the sub-criterion (of a text, rating, link, result or row), the key processes' host sub-criterion, the workflow
     * section of a workflow step, or the assessment as a whole.
     */
    static Place placeOf(ReportState state, AssessmentEvent event) {
        if (event instanceof ProfileItemDraftedEvent e) {
            return Place.opItem(e.item());
        }
        if (event instanceof ProfileQuestionAnsweredEvent e) {
            return Place.opQuestion(e.question().value());
        }
        if (event instanceof SectionMarkedReadyEvent e) {
            return workflowPlace(e.section());
        }
        if (event instanceof SectionApprovedEvent e) {
            return workflowPlace(e.section());
        }
        if (event instanceof SectionReopenedEvent e) {
            return workflowPlace(e.section());
        }
        if (event instanceof KeyProcessAddedEvent || event instanceof KeyProcessEditedEvent
            || event instanceof KeyProcessRemovedEvent) {
            return RowsFold.hostPlace(RowsFold.host(state));
        }
        if (event instanceof EvidenceUploadedEvent e) {
            return EvidenceList.placeOf(state, state.evidence.get(e.evidenceId().value()));
        }
        if (event instanceof EvidenceRemovedEvent e) {
            return EvidenceList.placeOf(state, state.removedEvidence.get(e.evidenceId().value()));
        }
        CriterionId criterion = criterionOf(event);
        return criterion == null ? Place.ASSESSMENT : Place.criterion(criterion);
    }

    /** The sub-criterion an event of one sub-criterion is about; null for the others. */
    static CriterionId criterionOf(AssessmentEvent event) {
        if (event instanceof ApproachDraftedEvent e) {
            return e.criterion();
        }
        if (event instanceof DeploymentDraftedEvent e) {
            return e.criterion();
        }
        if (event instanceof ResultDraftedEvent e) {
            return e.criterion();
        }
        if (event instanceof CriterionSummaryWrittenEvent e) {
            return e.criterion();
        }
        if (event instanceof CriterionAnalysisWrittenEvent e) {
            return e.criterion();
        }
        if (event instanceof LevelRatedEvent e) {
            return e.criterion();
        }
        if (event instanceof ProfileItemsLinkedEvent e) {
            return e.criterion();
        }
        if (event instanceof ResultIndicatorsLinkedEvent e) {
            return e.criterion();
        }
        if (event instanceof ResultAttachedEvent e) {
            return e.criterion();
        }
        if (event instanceof ResultRevisedEvent e) {
            return e.criterion();
        }
        if (event instanceof ResultDetachedEvent e) {
            return e.criterion();
        }
        if (event instanceof CidRowEvent e) {
            return e.criterion();
        }
        if (event instanceof KeyProcessesLinkedEvent e) {
            return e.criterion();
        }
        return null;
    }

    /** A step of the review workflow, whose change is of the section's status rather than of its content. */
    static boolean isWorkflowStep(AssessmentEvent event) {
        return event instanceof SectionMarkedReadyEvent || event instanceof SectionApprovedEvent
               || event instanceof SectionReopenedEvent;
    }

    private static Place workflowPlace(Section section) {
        return Place.parse(section.value()).orElseThrow(() -> new IllegalArgumentException("section " + section));
    }

    private static void workflow(ReportState state, Section section, String status) {
        state.changedSinceReady.remove(section.value());
        if (status.equals("DRAFTING")) {
            state.workflow.remove(section.value());
        } else {
            state.workflow.put(section.value(), status);
        }
    }

    private static ReportState.Text text(TextEvent e) {
        return new ReportState.Text(e.text(), e.revision(), e.author(), e.at());
    }

    /** The key of an A-D-R text in {@link ReportState.CriterionSection#parts}: {@code basic/approach}. */
    static String partKey(LevelKind level, String part) {
        return level.pathName() + "/" + part;
    }
}
