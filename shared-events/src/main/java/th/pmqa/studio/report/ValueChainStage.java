package th.pmqa.studio.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a key process sits in the value chain. The Thai names are the seed's value-chain slide ("1 ต้นทาง คุณภาพ",
 * "2 กลางทาง มั่นใจ", "3 ปลายทาง ยั่งยืน"); the criteria call the same idea "ต้นน้ำจรดปลายน้ำ".
 */
public enum ValueChainStage {
    UPSTREAM("ต้นทาง"), MIDSTREAM("กลางทาง"), DOWNSTREAM("ปลายทาง");

    private final String thai;

    ValueChainStage(String thai) {
        this.thai = thai;
    }

    public String thai() {
        return thai;
    }

    /** The lower-case name the API uses, e.g. {@code upstream}. */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ValueChainStage> fromPath(String value) {
        return Arrays.stream(values()).filter(s -> s.pathName().equals(value)).findFirst();
    }
}
