package th.pmqa.studio.query.view;

import th.pmqa.studio.query.model.PartTexts;
import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.query.model.RowTexts;
import th.pmqa.studio.query.model.RowsFold;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.query.model.TextDiff;
import th.pmqa.studio.report.Place;
import th.pmqa.studio.text.DiffBudget;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What differs between two states of one report, section by section, with word diffs. All the diffs of one
 * comparison share one budget ({@link #BUDGET}): a report has over two hundred texts, and each alone may cost up to
 * its own budget; once the shared one is spent, the remaining changes get coarse diffs ({@code coarseDiff}).
 */
public final class ReportDiff {

    /** The work all diffs of one comparison may do together: a few texts' worth. */
    static final long BUDGET = 4 * DiffBudget.ONE_TEXT;

    private ReportDiff() {
    }

    public static ReportDiffView between(ReportState from, ReportState to) {
        List<ReportChangeView> changes = new ArrayList<>();
        DiffBudget budget = new DiffBudget(BUDGET);
        compare(changes, budget, Place.ASSESSMENT.format(), "status", from.status, to.status);
        Set<String> items = new TreeSet<>((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
        items.addAll(from.profile.keySet());
        items.addAll(to.profile.keySet());
        for (String item : items) {
            compare(changes, budget, Place.opItem(Integer.parseInt(item)).format(), "text", PartTexts.text(from.profile.get(item)), PartTexts.text(to.profile.get(item)));
        }
        Set<String> questions = new TreeSet<>((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
        questions.addAll(from.profileAnswers.keySet());
        questions.addAll(to.profileAnswers.keySet());
        for (String question : questions) {
            compare(changes, budget, Place.opQuestion(Integer.parseInt(question)).format(), "text",
                    PartTexts.text(from.profileAnswers.get(question)), PartTexts.text(to.profileAnswers.get(question)));
        }
        Set<String> criteria = new TreeSet<>(from.criteria.keySet());
        criteria.addAll(to.criteria.keySet());
        for (String id : criteria) {
            ReportState.CriterionSection a = from.criteria.getOrDefault(id, new ReportState.CriterionSection());
            ReportState.CriterionSection b = to.criteria.getOrDefault(id, new ReportState.CriterionSection());
            String section = Place.criterion(id).format();
            compare(changes, budget, section, "analysis", PartTexts.text(a.analysis), PartTexts.text(b.analysis));
            compare(changes, budget, section, "links/profile", PartTexts.items(a.profileItems), PartTexts.items(b.profileItems));
            compare(changes, budget, section, "links/indicators", String.join(", ", a.indicatorGroups), String.join(", ", b.indicatorGroups));
            Set<String> parts = new LinkedHashSet<>(a.parts.keySet());
            parts.addAll(b.parts.keySet());
            for (String part : parts) {
                compare(changes, budget, section, part, PartTexts.text(a.parts.get(part)), PartTexts.text(b.parts.get(part)));
            }
            for (LevelKind level : LevelKind.values()) {
                compare(changes, budget, section, "results/" + level.pathName(), PartTexts.results(a, level), PartTexts.results(b, level));
            }
            compare(changes, budget, section, "summary", PartTexts.text(a.summary), PartTexts.text(b.summary));
            compare(changes, budget, section, "rating", PartTexts.rating(a.rating), PartTexts.rating(b.rating));
            compare(changes, budget, section, "cid", RowTexts.worksheetText(a), RowTexts.worksheetText(b));
            compare(changes, budget, section, "links/keyProcesses", RowTexts.linkedNames(from, a.keyProcesses),
                    RowTexts.linkedNames(to, b.keyProcesses));
        }
        String host = RowsFold.host(to);
        compare(changes, budget, RowsFold.hostSection(host), "keyProcesses",
                RowTexts.keyProcessesText(from), RowTexts.keyProcessesText(to));
        return new ReportDiffView(to.assessmentId, new ReportDiffView.Point(from.position),
                                  new ReportDiffView.Point(to.position),
                                  changes.stream().map(ReportChangeView::section).distinct().toList(), changes);
    }

    private static void compare(List<ReportChangeView> changes, DiffBudget budget, String section, String what,
                                String before, String after) {
        String b = before == null ? "" : before;
        String a = after == null ? "" : after;
        if (Objects.equals(b, a)) {
            return;
        }
        TextDiff.Result diff = TextDiff.between(b, a, budget);
        changes.add(new ReportChangeView(section, what, b, a, diff.chunks(), diff.coarse()));
    }
}
