package th.pmqa.studio.query.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * An indicator group of category 7 with every result attached in it (under any sub-criterion and level) and, where
 * the seed gives one (7.1.1: 2 to 3 indicators), the count guidance with the count and whether it is within
 * ({@code indicatorCount}, absent otherwise).
 */
@Schema(name = "ReportIndicatorGroup")
public record IndicatorGroupView(String id, String title,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) IndicatorCountCheck indicatorCount,
                                 List<GroupResultView> results) {
}
