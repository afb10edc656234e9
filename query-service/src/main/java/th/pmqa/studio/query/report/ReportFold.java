package th.pmqa.studio.query.report;

import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.report.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Folds one event into a {@link ReportState} and says what changed. Pure apart from mutating the state it is given:
 * the same events in the same order always give the same state and the same changes, which is what makes read models
 * rebuildable and time travel exact.
 * <p>
 * Evolving computes no diff: what changed is the changed part's text before and after, which the fold has at hand.
 * Diffing them is {@link ChangeDescriber}'s, done once when the projector stores the change; time travel and
 * replays, which only need the state, never pay for it.
 */
public final class ReportFold {

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

    /** Moves the state on by one event at a global position; says what changed, without a diff. */
    public static ReportChange evolve(ReportState state, AssessmentEvent event, long position) {
        ReportChange change = fold(state, event, position);
        String section = WORKFLOW.equals(change.what()) ? null : workflowSectionOf(change.section());
        if (section != null && "READY_FOR_REVIEW".equals(state.workflow.get(section))) {
            state.changedSinceReady.add(section);
        }
        return change;
    }

    /** The {@code what} of a workflow step's change entry; every other change of a section is of its content. */
    private static final String WORKFLOW = "workflow";

    /**
     * The review-workflow section a change of content belongs to: {@code profile/3} and {@code profile/questions/6}
     * → {@code profile}, a sub-criterion's {@code criteria/1.1} stays itself; null for changes of the assessment as a
     * whole.
     */
    private static String workflowSectionOf(String changed) {
        return Place.parse(changed).flatMap(Place::workflowSection).map(Place::format).orElse(null);
    }

    /** The section of a change of the assessment as a whole. */
    private static final String ASSESSMENT = Place.ASSESSMENT.format();

    private static ReportChange fold(ReportState state, AssessmentEvent event, long position) {
        state.position = position;
        state.eventCount++;
        state.lastChangeAt = event.at();
        state.lastAuthor = event.author();
        String id = event.assessmentId().value();
        if (event instanceof AssessmentOpenedEvent e) {
                state.assessmentId = id;
                state.organizationCode = e.organizationCode();
                state.organizationName = e.organizationName();
                state.organizationType = e.organizationType().name();
                state.fiscalYear = e.fiscalYear();
                state.catalogVersion = e.catalogVersion();
                state.status = AssessmentStatus.OPEN.name();
                state.openedAt = e.at();
                return change(position, e, ASSESSMENT, null, null, "OPENED", "status",
                             "เปิดการประเมิน " + e.organizationName() + " ปีงบประมาณ " + e.fiscalYear(), "", "OPEN");
            }
        if (event instanceof AssessmentSubmittedEvent e) {
                String before = state.status;
                state.status = AssessmentStatus.SUBMITTED.name();
                state.submitOverride = e.overrideReason();
                String summary = e.overrideReason() == null ? "ส่งรายงาน"
                        : "ส่งรายงานโดยยังไม่อนุมัติ " + e.unapprovedSections().size() + " ส่วน: " + e.overrideReason();
                return change(position, e, ASSESSMENT, null, null, "SUBMITTED", "status", summary, before, state.status);
            }
        if (event instanceof SectionMarkedReadyEvent e) {
                return workflow(state, position, e, e.section(), "READY_FOR_REVIEW", "SECTION_READY",
                                e.section() + " พร้อมให้ตรวจ");
            }
        if (event instanceof SectionApprovedEvent e) {
                return workflow(state, position, e, e.section(), "APPROVED", "SECTION_APPROVED",
                                e.section() + " อนุมัติแล้ว");
            }
        if (event instanceof SectionReopenedEvent e) {
                return workflow(state, position, e, e.section(), "DRAFTING", "SECTION_REOPENED",
                                e.section() + " กลับไปแก้ไข: " + e.reason());
            }
        if (event instanceof VersionLabeledEvent e) {
                edited(state, e);
                state.labels.add(new ReportState.Label(e.label(), position, e.author(), e.at()));
                return change(position, e, ASSESSMENT, null, null, "LABEL", "label", "ป้ายชื่อฉบับ: " + e.label(), "",
                             e.label());
            }
        if (event instanceof SubmissionWindowSetEvent e) {
                edited(state, e);
                String before = window(state);
                state.windowOpensAt = e.opensAt();
                state.windowClosesAt = e.closesAt();
                return change(position, e, ASSESSMENT, null, null, "WINDOW_SET", "submissionWindow",
                             "กำหนดช่วงส่งรายงาน " + window(state), before, window(state));
            }
        if (event instanceof SubmissionWindowExtendedEvent e) {
                edited(state, e);
                String before = window(state);
                state.windowClosesAt = e.closesAt();
                return change(position, e, ASSESSMENT, null, null, "WINDOW_EXTENDED", "submissionWindow",
                             "ขยายเวลาส่งถึง " + e.closesAt() + ": " + e.reason(), before, window(state));
            }
        if (event instanceof AssessmentReopenedEvent e) {
                String before = state.status;
                state.status = AssessmentStatus.OPEN.name();
                return change(position, e, ASSESSMENT, null, null, "REOPENED", "status",
                             "เปิดแก้ไขอีกครั้ง: " + e.reason(), before, state.status);
            }
        if (event instanceof ProfileItemDraftedEvent e) {
                edited(state, e);
                String key = Integer.toString(e.item());
                ReportState.Text before = state.profile.get(key);
                state.profile.put(key, new ReportState.Text(e.text(), e.revision(), e.author(), e.at()));
                return change(position, e, Place.opItem(e.item()).format(), null, e.item(), "PROFILE_ITEM", "text",
                             "OP " + e.item() + " revision " + e.revision() + merged(e.merge()), text(before), e.text());
            }
        if (event instanceof ApproachDraftedEvent e) {
            return part(state, position, e, e.criterion(), e.level(), "approach", e.text(), e.revision(), e.merge(), "APPROACH");
        }
        if (event instanceof DeploymentDraftedEvent e) {
            return part(state, position, e, e.criterion(), e.level(), "deploy", e.text(), e.revision(), e.merge(), "DEPLOYMENT");
        }
        if (event instanceof ResultDraftedEvent e) {
            return part(state, position, e, e.criterion(), e.level(), "result", e.text(), e.revision(), e.merge(), "RESULT_TEXT");
        }
        if (event instanceof CriterionSummaryWrittenEvent e) {
                edited(state, e);
                ReportState.CriterionSection section = state.criterion(e.criterion().value());
                String before = text(section.summary);
                section.summary = new ReportState.Text(e.text(), e.revision(), e.author(), e.at());
                return change(position, e, Place.criterion(e.criterion()).format(), e.criterion().value(), null, "SUMMARY",
                             "summary", e.criterion().value() + " summary revision " + e.revision() + merged(e.merge()), before,
                             e.text());
            }
        if (event instanceof LevelRatedEvent e) {
                edited(state, e);
                ReportState.CriterionSection section = state.criterion(e.criterion().value());
                String before = rating(section.rating);
                section.rating = new ReportState.Rating(e.level(), e.score(), e.rationale(), e.author(), e.at());
                return change(position, e, Place.criterion(e.criterion()).format(), e.criterion().value(), null, "RATING",
                             "rating", e.criterion().value() + " rated " + e.level().pathName() + " " + e.score(),
                             before, rating(section.rating));
            }
        if (event instanceof ProfileItemsLinkedEvent e) {
                edited(state, e);
                ReportState.CriterionSection section = state.criterion(e.criterion().value());
                String before = items(section.profileItems);
                section.profileItems = new ArrayList<>(e.profileItems());
                return change(position, e, Place.criterion(e.criterion()).format(), e.criterion().value(), null, "LINKS",
                             "links/profile", e.criterion().value() + " linked OP items", before, items(section.profileItems));
            }
        if (event instanceof ResultIndicatorsLinkedEvent e) {
                edited(state, e);
                ReportState.CriterionSection section = state.criterion(e.criterion().value());
                String before = String.join(", ", section.indicatorGroups);
                section.indicatorGroups = new ArrayList<>(e.indicatorGroups());
                return change(position, e, Place.criterion(e.criterion()).format(), e.criterion().value(), null, "LINKS",
                             "links/indicators", e.criterion().value() + " linked indicator groups", before,
                             String.join(", ", section.indicatorGroups));
            }
        if (event instanceof ResultAttachedEvent e) {
                edited(state, e);
                ReportState.CriterionSection section = state.criterion(e.criterion().value());
                String before = results(section, e.level());
                section.results.put(e.resultId().value(), new ReportState.Result(
                        e.resultId().value(), e.level(), e.indicatorGroup(), e.name(), e.unit(), e.target(),
                        e.valuesByFiscalYear(), e.evidence(), e.author(), e.at(), e.comparison(), e.direction()));
                return change(position, e, Place.criterion(e.criterion()).format(), e.criterion().value(), null,
                             "RESULT_ATTACHED", "results/" + e.level().pathName(),
                             e.criterion().value() + " " + e.level().pathName() + " result attached: " + e.name()
                             + comparisonNote(e.comparison()),
                             before, results(section, e.level()));
            }
        if (event instanceof ResultRevisedEvent e) {
                edited(state, e);
                ReportState.CriterionSection section = state.criterion(e.criterion().value());
                String before = results(section, e.level());
                // put on the id it had: the result keeps its place in the list
                section.results.put(e.resultId().value(), new ReportState.Result(
                        e.resultId().value(), e.level(), e.indicatorGroup(), e.name(), e.unit(), e.target(),
                        e.valuesByFiscalYear(), e.evidence(), e.author(), e.at(), e.comparison(), e.direction()));
                return change(position, e, Place.criterion(e.criterion()).format(), e.criterion().value(), null,
                             "RESULT_REVISED", "results/" + e.level().pathName(),
                             e.criterion().value() + " " + e.level().pathName() + " result revised: " + e.name()
                             + comparisonNote(e.comparison()),
                             before, results(section, e.level()));
            }
        if (event instanceof ResultDetachedEvent e) {
                edited(state, e);
                ReportState.CriterionSection section = state.criterion(e.criterion().value());
                String before = results(section, e.level());
                ReportState.Result removed = section.results.remove(e.resultId().value());
                return change(position, e, Place.criterion(e.criterion()).format(), e.criterion().value(), null,
                             "RESULT_DETACHED", "results/" + e.level().pathName(),
                             e.criterion().value() + " " + e.level().pathName() + " result detached"
                             + (removed == null ? "" : ": " + removed.name()),
                             before, results(section, e.level()));
            }
        if (event instanceof ProfileQuestionAnsweredEvent e) {
            edited(state, e);
            String key = Integer.toString(e.question().value());
            ReportState.Text before = state.profileAnswers.get(key);
            state.profileAnswers.put(key, new ReportState.Text(e.text(), e.revision(), e.author(), e.at()));
            return change(position, e, Place.opQuestion(e.question().value()).format(), null, null, "PROFILE_QUESTION", "text",
                          "OP question (" + key + ") revision " + e.revision() + merged(e.merge()), text(before),
                          e.text());
        }
        if (event instanceof CriterionAnalysisWrittenEvent e) {
            edited(state, e);
            ReportState.CriterionSection section = state.criterion(e.criterion().value());
            String before = text(section.analysis);
            section.analysis = new ReportState.Text(e.text(), e.revision(), e.author(), e.at());
            return change(position, e, Place.criterion(e.criterion()).format(), e.criterion().value(), null, "ANALYSIS",
                          "analysis", e.criterion().value() + " analysis revision " + e.revision() + merged(e.merge()),
                          before, e.text());
        }
        if (event instanceof EvidenceUploadedEvent e) {
            edited(state, e);
            ReportState.Evidence evidence = new ReportState.Evidence(e.evidenceId().value(), e.sha256(), e.size(),
                    e.contentType(), e.fileName(), e.title(), e.place(),
                    e.resultId() == null ? null : e.resultId().value(), e.author(), e.at());
            state.evidence.put(evidence.evidenceId(), evidence);
            return evidenceChange(state, position, e, evidence, "EVIDENCE_UPLOADED", "แนบหลักฐาน: ", "",
                                  EvidenceList.describe(evidence));
        }
        if (event instanceof EvidenceRemovedEvent e) {
            edited(state, e);
            ReportState.Evidence removed = state.evidence.remove(e.evidenceId().value());
            ReportState.Evidence shown = removed != null ? removed : new ReportState.Evidence(e.evidenceId().value(),
                    "", 0, "", e.evidenceId().value(), null, null, null, e.author(), e.at());
            return evidenceChange(state, position, e, shown, "EVIDENCE_REMOVED", "นำหลักฐานออก: ",
                                  EvidenceList.describe(shown), "");
        }
        if (event instanceof CidRowEvent || event instanceof KeyProcessEvent) {
            return RowsFold.fold(state, event, position);
        }
        throw new IllegalArgumentException("unknown event " + event.getClass());
    }

    private static ReportChange part(ReportState state, long position, AssessmentEvent e, CriterionId criterion,
                                     LevelKind level, String part, String text, long revision, Merge merge,
                                     String kind) {
        edited(state, e);
        ReportState.CriterionSection section = state.criterion(criterion.value());
        String key = level.pathName() + "/" + part;
        String before = text(section.parts.get(key));
        section.parts.put(key, new ReportState.Text(text, revision, e.author(), e.at()));
        return change(position, e, Place.criterion(criterion).format(), criterion.value(), null, kind, key,
                      criterion.value() + " " + key + " revision " + revision + merged(merge), before, text);
    }

    /** An evidence change is filed under the section the evidence supports (its result's sub-criterion). */
    private static ReportChange evidenceChange(ReportState state, long position, AssessmentEvent e,
                                               ReportState.Evidence evidence, String kind, String summary,
                                               String before, String after) {
        String section = EvidenceList.sectionOf(state, evidence);
        String criterion = section.startsWith("criteria/") ? section.substring("criteria/".length()) : null;
        return change(position, e, section, criterion, null, kind, "evidence", summary + evidence.fileName(), before,
                      after);
    }

    /** How a merged revision came about, for the history: whose edit of which revision met which. */
    static String merged(Merge merge) {
        return merge == null ? ""
                : " (merged: an edit of revision " + merge.baseRevision() + " with revision " + merge.theirsRevision() + ")";
    }

    private static ReportChange workflow(ReportState state, long position, AssessmentEvent e, Section section,
                                         String status, String kind, String summary) {
        edited(state, e);
        String before = state.workflow.getOrDefault(section.value(), "DRAFTING");
        state.changedSinceReady.remove(section.value());
        if (status.equals("DRAFTING")) {
            state.workflow.remove(section.value());
        } else {
            state.workflow.put(section.value(), status);
        }
        String criterion = Place.parse(section.value()).filter(Place.SubCriterion.class::isInstance)
                                .map(p -> ((Place.SubCriterion) p).criterion().value()).orElse(null);
        return change(position, e, section.value(), criterion, null, kind, WORKFLOW, summary, before, status);
    }

    static String window(ReportState state) {
        return state.windowClosesAt == null ? "" : state.windowOpensAt + " – " + state.windowClosesAt;
    }

    static void edited(ReportState state, AssessmentEvent e) {
        state.lastEditBy.put(e.author().userId(), e.at());
    }

    private static ReportChange change(long position, AssessmentEvent e, String section, String criterionId,
                                       Integer item, String kind, String what, String summary, String before,
                                       String after) {
        String b = before == null ? "" : before;
        String a = after == null ? "" : after;
        Long revision = e instanceof TextEvent t ? t.revision() : null;
        Merge merge = e instanceof TextEvent t ? t.merge() : null;
        return new ReportChange(position, e.assessmentId().value(), e.at(), e.author(), section, criterionId, item, kind,
                                what, summary, b, a, revision, merge);
    }

    /** A change of a revisioned row (C-I-D row, key process): its revision and merge, as a text change has. */
    static ReportChange change(long position, AssessmentEvent e, String section, String criterionId, String kind,
                               String what, String summary, String before, String after, Long revision, Merge merge) {
        return new ReportChange(position, e.assessmentId().value(), e.at(), e.author(), section, criterionId, null,
                                kind, what, summary, before == null ? "" : before, after == null ? "" : after,
                                revision, merge);
    }

    static String text(ReportState.Text text) {
        return text == null ? "" : text.text();
    }

    static String rating(ReportState.Rating rating) {
        return rating == null ? "" : rating.level().name() + " " + rating.score() + ": " + rating.rationale();
    }

    static String items(List<Integer> items) {
        return items.stream().map(i -> "OP " + i).collect(Collectors.joining(", "));
    }

    static String results(ReportState.CriterionSection section, LevelKind level) {
        return section.results.values().stream()
                .filter(r -> r.level() == level)
                .map(r -> r.indicatorGroup() + " " + r.name() + " (" + nullToEmpty(r.unit()) + ") target "
                          + plain(r.target()) + " " + values(r.valuesByFiscalYear()) + comparisonNote(r.comparison())
                          + directionNote(r.direction()))
                .collect(Collectors.joining("\n"));
    }

    /** The comparison value and its source, as the history and a change's summary show them; "" without one. */
    static String comparisonNote(Comparison comparison) {
        return comparison == null ? ""
                : " · ค่าเทียบเคียง " + plain(comparison.value()) + " (ที่มา: " + nullToEmpty(comparison.source()) + ")";
    }

    static String directionNote(ResultDirection direction) {
        return direction == null ? "" : " · " + directionThai(direction);
    }

    static String directionThai(ResultDirection direction) {
        return direction == ResultDirection.HIGHER ? "ยิ่งสูงยิ่งดี" : "ยิ่งต่ำยิ่งดี";
    }

    private static String values(Map<Integer, BigDecimal> values) {
        return values == null ? "" : new java.util.TreeMap<>(values).entrySet().stream()
                .map(v -> v.getKey() + "=" + plain(v.getValue())).collect(Collectors.joining(" "));
    }

    static String plain(BigDecimal value) {
        return value == null ? "-" : value.toPlainString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
