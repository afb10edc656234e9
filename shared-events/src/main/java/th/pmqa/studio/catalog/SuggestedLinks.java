package th.pmqa.studio.catalog;

import java.util.List;

/**
 * What the seed offers a sub-criterion to link: OP item numbers (its category's table "ตัวอย่าง OP และผลลัพธ์ที่
 * เกี่ยวข้อง") and indicator group codes (the groups of the result dimensions its workshop form names). Suggestions
 * only: nothing is linked until the team links it.
 */
public record SuggestedLinks(List<Integer> profileItems, List<String> indicatorGroups) {

    public static final SuggestedLinks NONE = new SuggestedLinks(List.of(), List.of());

    public SuggestedLinks {
        profileItems = profileItems == null ? List.of() : List.copyOf(profileItems);
        indicatorGroups = indicatorGroups == null ? List.of() : List.copyOf(indicatorGroups);
    }
}
