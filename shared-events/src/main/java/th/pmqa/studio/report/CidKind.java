package th.pmqa.studio.report;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three rows of the seed's C-I-D worksheet ("กระบวนการ C I D", the table behind the Advance level): how a
 * sub-criterion's work reaches "4.0 Performance" through Collaboration, Innovation and Digitalization.
 */
public enum CidKind {
    C("Collaboration"), I("Innovation"), D("Digitalization");

    private final String english;

    CidKind(String english) {
        this.english = english;
    }

    /** The row's heading as the seed prints it (the seed gives these in English only). */
    public String english() {
        return english;
    }

    /** {@code C}, {@code I} or {@code D}, exactly. */
    public static Optional<CidKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.name().equals(code)).findFirst();
    }
}
