package th.pmqa.studio.query.report;

import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.query.diff.TextDiff;
import th.pmqa.studio.query.view.ReportChangeView;
import th.pmqa.studio.query.view.ReportDiffView;
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
            compare(changes, budget, Place.opItem(Integer.parseInt(item)).format(), "text", ReportFold.text(from.profile.get(item)), ReportFold.text(to.profile.get(item)));
        }
        Set<String> questions = new TreeSet<>((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
        questions.addAll(from.profileAnswers.keySet());
        questions.addAll(to.profileAnswers.keySet());
        for (String question : questions) {
            compare(changes, budget, Place.opQuestion(Integer.parseInt(question)).format(), "text",
                    ReportFold.text(from.profileAnswers.get(question)), ReportFold.text(to.profileAnswers.get(question)));
        }
        Set<String> criteria = new TreeSet<>(from.criteria.keySet());
        criteria.addAll(to.criteria.keySet());
        for (String id : criteria) {
            ReportState.CriterionSection a = from.criteria.getOrDefault(id, new ReportState.CriterionSection());
            ReportState.CriterionSection b = to.criteria.getOrDefault(id, new ReportState.CriterionSection());
            String section = Place.criterion(id).format();
            compare(changes, budget, section, "analysis", ReportFold.text(a.analysis), ReportFold.text(b.analysis));
            compare(changes, budget, section, "links/profile", ReportFold.items(a.profileItems), ReportFold.items(b.profileItems));
            compare(changes, budget, section, "links/indicators", String.join(", ", a.indicatorGroups), String.join(", ", b.indicatorGroups));
            Set<String> parts = new LinkedHashSet<>(a.parts.keySet());
            parts.addAll(b.parts.keySet());
            for (String part : parts) {
                compare(changes, budget, section, part, ReportFold.text(a.parts.get(part)), ReportFold.text(b.parts.get(part)));
            }
            for (LevelKind level : LevelKind.values()) {
                compare(changes, budget, section, "results/" + level.pathName(), ReportFold.results(a, level), ReportFold.results(b, level));
            }
            compare(changes, budget, section, "summary", ReportFold.text(a.summary), ReportFold.text(b.summary));
            compare(changes, budget, section, "rating", ReportFold.rating(a.rating), ReportFold.rating(b.rating));
            compare(changes, budget, section, "cid", RowsFold.worksheetText(a), RowsFold.worksheetText(b));
            compare(changes, budget, section, "links/keyProcesses", RowsFold.linkedNames(from, a.keyProcesses),
                    RowsFold.linkedNames(to, b.keyProcesses));
        }
        String host = RowsFold.host(to);
        compare(changes, budget, RowsFold.hostSection(host), "keyProcesses",
                RowsFold.keyProcessesText(from), RowsFold.keyProcessesText(to));
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
