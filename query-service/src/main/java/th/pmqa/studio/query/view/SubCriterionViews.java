package th.pmqa.studio.query.view;

import th.pmqa.studio.query.model.EvidenceList;
import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.query.model.RowTexts;
import th.pmqa.studio.query.model.RowsFold;
import th.pmqa.studio.catalog.AdrPart;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Criterion;
import th.pmqa.studio.catalog.CriterionLevel;
import th.pmqa.studio.catalog.IndicatorGroup;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.catalog.ProfileItem;
import th.pmqa.studio.catalog.ScoreBand;
import th.pmqa.studio.catalog.WritingPrompt;
import th.pmqa.studio.report.CidKind;
import th.pmqa.studio.report.KeyProcess;
import th.pmqa.studio.report.Place;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static th.pmqa.studio.query.view.ReportViewBuilder.drafted;
import static th.pmqa.studio.query.view.ReportViewBuilder.text;

/** A sub-criterion of the report: its texts per level, links, worksheet rows, rating, score and what it still misses. */
public final class SubCriterionViews {

    private SubCriterionViews() {
    }

    public static SubCriterionView of(ReportState state, Catalog catalog, Criterion criterion) {
        ReportState.CriterionSection section = Optional.ofNullable(state.criteria.get(criterion.id()))
                                                       .orElseGet(ReportState.CriterionSection::new);
        List<String> missing = new ArrayList<>();
        if (section.profileItems.isEmpty()) {
            missing.add("links/profile");
        }
        if (section.indicatorGroups.isEmpty()) {
            missing.add("links/indicators");
        }
        List<LevelView> levels = new ArrayList<>();
        for (LevelKind level : LevelKind.values()) {
            for (AdrPart part : AdrPart.values()) {
                String key = level.pathName() + "/" + part.pathName();
                if (!drafted(section.parts.get(key))) {
                    missing.add(key);
                }
            }
            levels.add(level(section, catalog, criterion, level));
        }
        if (!drafted(section.summary)) {
            missing.add("summary");
        }
        if (section.rating == null) {
            missing.add("rating");
        }
        String place = Place.criterion(criterion.id()).format();
        ReportState.Rating rating = section.rating;
        return new SubCriterionView(
                place, criterion.id(), ReportViewBuilder.workflow(state, place), state.changedSinceReady.contains(place),
                criterion.title(),
                // Step-1 begins with it, so the section does too; a working note, not part of what completeness counts
                text(section.analysis),
                section.profileItems.stream().map(n -> new LinkedProfileItemView(
                        n, catalog.profileItem(n).map(ProfileItem::title).orElse(""))).toList(),
                section.indicatorGroups.stream().map(g -> new LinkedIndicatorGroupView(
                        g, catalog.indicatorGroup(g).map(IndicatorGroup::title).orElse(""))).toList(),
                criterion.category() == KeyProcess.CATEGORY
                        ? section.keyProcesses.stream().map(id -> linkedKeyProcess(state, id)).toList() : null,
                criterion.id().equals(RowsFold.host(state))
                        ? RowsFold.valueChain(state).stream().map(SubCriterionViews::keyProcess).toList() : null,
                levels, EvidenceList.of(state, criterion.id()), text(section.summary),
                rating == null ? null : new RatingView(rating.level(), rating.score(), rating.rationale(),
                                                       rating.author(), rating.at()),
                ScoreViews.criterion(rating, catalog),
                new CriterionCompletenessView(ReportViewBuilder.adrDrafted(section),
                                              ReportViewBuilder.ADR_PARTS_PER_CRITERION, missing.isEmpty(), missing),
                new SubCriterionView.CriterionPrompts(
                        catalog.workshopSteps().stepOne().isEmpty() ? null : catalog.workshopSteps().stepOne().get(0),
                        criterion.summaryPrompt().map(WritingPrompt::text).orElse(
                                catalog.workshopSteps().stepTwo().isBlank() ? null : catalog.workshopSteps().stepTwo())));
    }

    private static LevelView level(ReportState.CriterionSection section, Catalog catalog, Criterion criterion,
                                   LevelKind level) {
        ScoreBand band = catalog.band(level);
        LevelGuidance guidance = new LevelGuidance(band.nameThai(), band.nameEnglish(),
                criterion.level(level).map(CriterionLevel::requirement).orElse(null),
                prompt(criterion, level, AdrPart.APPROACH), prompt(criterion, level, AdrPart.DEPLOY),
                prompt(criterion, level, AdrPart.RESULT));
        return new LevelView(Level.of(level), text(section.parts.get(level.pathName() + "/approach")),
                             text(section.parts.get(level.pathName() + "/deploy")),
                             text(section.parts.get(level.pathName() + "/result")),
                             section.results.values().stream().filter(r -> r.level() == level).map(ResultViews::of).toList(),
                             // the seed's C-I-D worksheet is the table behind the Advance level ("…(C-I-D)")
                             level == LevelKind.ADVANCE
                                     ? RowsFold.worksheet(section).stream().map(SubCriterionViews::cidRow).toList() : null,
                             guidance);
    }

    private static String prompt(Criterion criterion, LevelKind level, AdrPart part) {
        return criterion.prompt(level, part).map(WritingPrompt::text).orElse(null);
    }

    /** A C-I-D row with its kind's name as the seed prints it. */
    static CidRowView cidRow(ReportState.CidEntry row) {
        return new CidRowView(row.rowId(), row.kind(), CidKind.fromCode(row.kind()).map(CidKind::english).orElse(row.kind()),
                              row.data(), row.output(), row.process(), row.need(), row.revision(), row.author(), row.at());
    }

    /** A key process with its value-chain stage's Thai name. */
    static KeyProcessView keyProcess(ReportState.KeyProcessEntry p) {
        return new KeyProcessView(p.processId(), p.name(), p.stage(), RowTexts.stageName(p.stage()), p.nationalStrategy(),
                                  p.objectives(), p.competitiveness(), p.outputs(), p.successFactors(),
                                  p.leadingIndicators(), p.revision(), p.author(), p.at());
    }

    private static LinkedKeyProcessView linkedKeyProcess(ReportState state, String id) {
        ReportState.KeyProcessEntry process = state.keyProcesses.get(id);
        return new LinkedKeyProcessView(id, process == null ? "" : process.name(), process == null ? null : process.stage());
    }
}
