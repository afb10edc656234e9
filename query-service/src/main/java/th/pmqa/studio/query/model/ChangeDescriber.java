package th.pmqa.studio.query.model;

import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.report.*;
import th.pmqa.studio.text.DiffBudget;

/**
 * Describes a change for the history: which part of the report an event changed, a summary of it, that part as text
 * before and after, and the word diff of the two. Only the projector (which stores the entry that history, the
 * change feed and live updates read) describes; time travel and replays run {@link ReportFold} alone.
 * <p>
 * The part before the change is read from the state before the fold moves it on, the part after from the state
 * after: {@link #fold} does both around {@link ReportFold#evolve}. The diff is bounded ({@link DiffBudget#ofOneText()}):
 * a rewrite too large to diff word by word is stored with a coarse diff and {@code coarseDiff} set.
 */
public final class ChangeDescriber {

    private ChangeDescriber() {
    }

    /** The rest of a description, once the fold has moved the state on. */
    @FunctionalInterface
    interface Described {
        ReportChange after(ReportState state);
    }

    /** Folds the event into the state and describes its change, with the diff: the history's entry. */
    public static ChangeEntry describe(ReportState state, AssessmentEvent event, long position) {
        return describe(fold(state, event, position));
    }

    /** Folds the event into the state and says what it changed, without a diff. */
    public static ReportChange fold(ReportState state, AssessmentEvent event, long position) {
        Described described = before(state, event);
        ReportFold.evolve(state, event, position);
        return described.after(state);
    }

    /** The change entry of a change: its fields and the word diff of its before and after. */
    public static ChangeEntry describe(ReportChange change) {
        TextDiff.Result diff = TextDiff.between(change.before(), change.after(), DiffBudget.ofOneText());
        return new ChangeEntry(change.position(), change.assessmentId(), change.at(), change.author(), change.section(),
                               change.criterionId(), change.profileItem(), change.kind(), change.what(), change.summary(),
                               change.before(), change.after(), diff.chunks(), diff.coarse(), change.revision(),
                               change.merge());
    }

    /** Reads what the description needs of the state before the event; the rest waits for the state after. */
    private static Described before(ReportState state, AssessmentEvent event) {
        String assessment = Place.ASSESSMENT.format();
        if (event instanceof AssessmentOpenedEvent e) {
            return after -> change(after, e, assessment, null, null, "OPENED", "status",
                                   "เปิดการประเมิน " + e.organizationName() + " ปีงบประมาณ " + e.fiscalYear(), "", "OPEN");
        }
        if (event instanceof AssessmentSubmittedEvent e) {
            String before = state.status;
            String summary = e.overrideReason() == null ? "ส่งรายงาน"
                    : "ส่งรายงานโดยยังไม่อนุมัติ " + e.unapprovedSections().size() + " ส่วน: " + e.overrideReason();
            return after -> change(after, e, assessment, null, null, "SUBMITTED", "status", summary, before, after.status);
        }
        if (event instanceof AssessmentReopenedEvent e) {
            String before = state.status;
            return after -> change(after, e, assessment, null, null, "REOPENED", "status",
                                   "เปิดแก้ไขอีกครั้ง: " + e.reason(), before, after.status);
        }
        if (event instanceof SectionMarkedReadyEvent e) {
            return workflow(state, e, e.section(), "READY_FOR_REVIEW", "SECTION_READY", e.section() + " พร้อมให้ตรวจ");
        }
        if (event instanceof SectionApprovedEvent e) {
            return workflow(state, e, e.section(), "APPROVED", "SECTION_APPROVED", e.section() + " อนุมัติแล้ว");
        }
        if (event instanceof SectionReopenedEvent e) {
            return workflow(state, e, e.section(), "DRAFTING", "SECTION_REOPENED",
                            e.section() + " กลับไปแก้ไข: " + e.reason());
        }
        if (event instanceof VersionLabeledEvent e) {
            return after -> change(after, e, assessment, null, null, "LABEL", "label", "ป้ายชื่อฉบับ: " + e.label(), "",
                                   e.label());
        }
        if (event instanceof SubmissionWindowSetEvent e) {
            String before = PartTexts.window(state);
            return after -> change(after, e, assessment, null, null, "WINDOW_SET", "submissionWindow",
                                   "กำหนดช่วงส่งรายงาน " + PartTexts.window(after), before, PartTexts.window(after));
        }
        if (event instanceof SubmissionWindowExtendedEvent e) {
            String before = PartTexts.window(state);
            return after -> change(after, e, assessment, null, null, "WINDOW_EXTENDED", "submissionWindow",
                                   "ขยายเวลาส่งถึง " + e.closesAt() + ": " + e.reason(), before, PartTexts.window(after));
        }
        if (event instanceof ProfileItemDraftedEvent e) {
            String before = PartTexts.text(state.profile.get(Integer.toString(e.item())));
            return after -> change(after, e, Place.opItem(e.item()).format(), null, e.item(), "PROFILE_ITEM", "text",
                                   "OP " + e.item() + " revision " + e.revision() + merged(e.merge()), before, e.text());
        }
        if (event instanceof ProfileQuestionAnsweredEvent e) {
            String key = Integer.toString(e.question().value());
            String before = PartTexts.text(state.profileAnswers.get(key));
            return after -> change(after, e, Place.opQuestion(e.question().value()).format(), null, null,
                                   "PROFILE_QUESTION", "text",
                                   "OP question (" + key + ") revision " + e.revision() + merged(e.merge()), before,
                                   e.text());
        }
        if (event instanceof ApproachDraftedEvent e) {
            return part(state, e, e.criterion(), e.level(), "approach", "APPROACH");
        }
        if (event instanceof DeploymentDraftedEvent e) {
            return part(state, e, e.criterion(), e.level(), "deploy", "DEPLOYMENT");
        }
        if (event instanceof ResultDraftedEvent e) {
            return part(state, e, e.criterion(), e.level(), "result", "RESULT_TEXT");
        }
        if (event instanceof CriterionSummaryWrittenEvent e) {
            String before = PartTexts.text(sectionOf(state, e.criterion()).summary);
            return after -> ofCriterion(after, e, e.criterion(), "SUMMARY", "summary",
                                        e.criterion().value() + " summary revision " + e.revision() + merged(e.merge()),
                                        before, e.text());
        }
        if (event instanceof CriterionAnalysisWrittenEvent e) {
            String before = PartTexts.text(sectionOf(state, e.criterion()).analysis);
            return after -> ofCriterion(after, e, e.criterion(), "ANALYSIS", "analysis",
                                        e.criterion().value() + " analysis revision " + e.revision() + merged(e.merge()),
                                        before, e.text());
        }
        if (event instanceof LevelRatedEvent e) {
            String before = PartTexts.rating(sectionOf(state, e.criterion()).rating);
            return after -> ofCriterion(after, e, e.criterion(), "RATING", "rating",
                                        e.criterion().value() + " rated " + e.level().pathName() + " " + e.score(), before,
                                        PartTexts.rating(sectionOf(after, e.criterion()).rating));
        }
        if (event instanceof ProfileItemsLinkedEvent e) {
            String before = PartTexts.items(sectionOf(state, e.criterion()).profileItems);
            return after -> ofCriterion(after, e, e.criterion(), "LINKS", "links/profile",
                                        e.criterion().value() + " linked OP items", before,
                                        PartTexts.items(sectionOf(after, e.criterion()).profileItems));
        }
        if (event instanceof ResultIndicatorsLinkedEvent e) {
            String before = String.join(", ", sectionOf(state, e.criterion()).indicatorGroups);
            return after -> ofCriterion(after, e, e.criterion(), "LINKS", "links/indicators",
                                        e.criterion().value() + " linked indicator groups", before,
                                        String.join(", ", sectionOf(after, e.criterion()).indicatorGroups));
        }
        if (event instanceof ResultAttachedEvent e) {
            return results(state, e, e.criterion(), e.level(), "RESULT_ATTACHED",
                           " result attached: " + e.name() + PartTexts.comparisonNote(e.comparison()));
        }
        if (event instanceof ResultRevisedEvent e) {
            return results(state, e, e.criterion(), e.level(), "RESULT_REVISED",
                           " result revised: " + e.name() + PartTexts.comparisonNote(e.comparison()));
        }
        if (event instanceof ResultDetachedEvent e) {
            ReportState.Result removed = sectionOf(state, e.criterion()).results.get(e.resultId().value());
            return results(state, e, e.criterion(), e.level(), "RESULT_DETACHED",
                           " result detached" + (removed == null ? "" : ": " + removed.name()));
        }
        if (event instanceof EvidenceUploadedEvent e) {
            return after -> evidence(after, e, "EVIDENCE_UPLOADED", "แนบหลักฐาน: ", "",
                                     after.evidence.get(e.evidenceId().value()), true);
        }
        if (event instanceof EvidenceRemovedEvent e) {
            ReportState.Evidence removed = state.evidence.get(e.evidenceId().value());
            return after -> evidence(after, e, "EVIDENCE_REMOVED", "นำหลักฐานออก: ", e.evidenceId().value(), removed,
                                     false);
        }
        if (event instanceof CidRowEvent || event instanceof KeyProcessEvent) {
            return RowChanges.before(state, event);
        }
        throw new IllegalArgumentException("unknown event " + event.getClass());
    }

    private static Described part(ReportState state, TextEvent e, CriterionId criterion, LevelKind level, String part,
                                  String kind) {
        String key = ReportFold.partKey(level, part);
        String before = PartTexts.text(sectionOf(state, criterion).parts.get(key));
        return after -> ofCriterion(after, e, criterion, kind, key,
                                    criterion.value() + " " + key + " revision " + e.revision() + merged(e.merge()),
                                    before, e.text());
    }

    private static Described results(ReportState state, AssessmentEvent e, CriterionId criterion, LevelKind level,
                                     String kind, String summaryTail) {
        String before = PartTexts.results(sectionOf(state, criterion), level);
        return after -> ofCriterion(after, e, criterion, kind, "results/" + level.pathName(),
                                    criterion.value() + " " + level.pathName() + summaryTail, before,
                                    PartTexts.results(sectionOf(after, criterion), level));
    }

    private static Described workflow(ReportState state, AssessmentEvent e, Section section, String status,
                                      String kind, String summary) {
        String before = state.workflow.getOrDefault(section.value(), "DRAFTING");
        String criterion = Place.parse(section.value()).filter(Place.SubCriterion.class::isInstance)
                                .map(p -> ((Place.SubCriterion) p).criterion().value()).orElse(null);
        return after -> change(after, e, section.value(), criterion, null, kind, "workflow", summary, before, status);
    }

    /**
     * An evidence change, filed under the section the file supports: its description is the text after an upload and
     * before a removal (a removal of evidence the state does not know is described by its id).
     */
    private static ReportChange evidence(ReportState after, AssessmentEvent e, String kind, String summary,
                                         String unknown, ReportState.Evidence evidence, boolean uploaded) {
        Place place = ReportFold.placeOf(after, e);
        String criterion = place instanceof Place.SubCriterion sub ? sub.criterion().value() : null;
        String described = evidence == null ? unknown : EvidenceList.describe(evidence);
        String name = evidence == null ? unknown : evidence.fileName();
        return change(after, e, place.format(), criterion, null, kind, "evidence", summary + name,
                      uploaded ? "" : described, uploaded ? described : "");
    }

    /** How a merged revision came about, for the history: whose edit of which revision met which. */
    static String merged(Merge merge) {
        return merge == null ? ""
                : " (merged: an edit of revision " + merge.baseRevision() + " with revision " + merge.theirsRevision() + ")";
    }

    /** A sub-criterion's section as the state has it, read without adding it (empty if it has none yet). */
    static ReportState.CriterionSection sectionOf(ReportState state, CriterionId criterion) {
        ReportState.CriterionSection section = state.criteria.get(criterion.value());
        return section == null ? new ReportState.CriterionSection() : section;
    }

    private static ReportChange ofCriterion(ReportState after, AssessmentEvent e, CriterionId criterion, String kind,
                                            String what, String summary, String before, String afterText) {
        return change(after, e, Place.criterion(criterion).format(), criterion.value(), null, kind, what, summary, before,
                      afterText);
    }

    /** A change; a text event's revision and merge come with it. */
    private static ReportChange change(ReportState after, AssessmentEvent e, String section, String criterionId,
                                       Integer item, String kind, String what, String summary, String before,
                                       String afterText) {
        Long revision = e instanceof TextEvent t ? t.revision() : null;
        Merge merge = e instanceof TextEvent t ? t.merge() : null;
        return change(after, e, section, criterionId, item, kind, what, summary, before, afterText, revision, merge);
    }

    /** A change with the revision and merge it has (a revisioned row's, or none); null texts read as "". */
    static ReportChange change(ReportState after, AssessmentEvent e, String section, String criterionId, Integer item,
                               String kind, String what, String summary, String before, String afterText, Long revision,
                               Merge merge) {
        return new ReportChange(after.position, e.assessmentId().value(), e.at(), e.author(), section, criterionId, item,
                                kind, what, summary, before == null ? "" : before, afterText == null ? "" : afterText,
                                revision, merge);
    }
}
