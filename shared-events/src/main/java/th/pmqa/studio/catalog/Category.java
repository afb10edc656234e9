package th.pmqa.studio.catalog;

import java.util.List;

/**
 * A category 1–6 with its intent (เจตนารมณ์) and the OP items and result dimensions the seed relates to it
 * (tables "ตัวอย่าง OP และผลลัพธ์ที่เกี่ยวข้อง").
 */
public record Category(int number, String title, String intent, double weight,
                       List<Integer> relatedProfileItems, List<String> relatedResultDimensions) {
    public Category {
        relatedProfileItems = List.copyOf(relatedProfileItems);
        relatedResultDimensions = List.copyOf(relatedResultDimensions);
    }
}
