package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A dimension of category 7 (7.1 …) with its indicator groups; members in alphabetical order, as always written. */
@Schema(name = "ReportResultDimension")
public record ResultDimensionView(String dimension, List<IndicatorGroupView> indicatorGroups, String title) {
}
