package th.pmqa.studio.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class WordDiffTest {

    /** Before and after rebuilt from the diff: equal stretches between hunks, each hunk's own side. */
    private static void assertGivesBack(String before, String after, WordDiff diff) {
        StringBuilder b = new StringBuilder();
        StringBuilder a = new StringBuilder();
        int beforeAt = 0;
        int afterAt = 0;
        boolean first = true;
        for (WordDiff.Hunk hunk : diff.hunks()) {
            assertThat(hunk.beforeEnd() > hunk.beforeStart() || hunk.afterEnd() > hunk.afterStart())
                    .as("%s changes something", hunk).isTrue();
            assertThat(hunk.beforeStart() - beforeAt).as("equal stretch before %s", hunk)
                                                     .isEqualTo(hunk.afterStart() - afterAt);
            assertThat(before.substring(beforeAt, hunk.beforeStart())).isEqualTo(after.substring(afterAt, hunk.afterStart()));
            if (!first) {
                assertThat(hunk.beforeStart()).as("hunks are never adjacent").isGreaterThan(beforeAt);
            }
            first = false;
            b.append(before, beforeAt, hunk.beforeEnd());
            a.append(after, afterAt, hunk.afterStart()).append(after, hunk.afterStart(), hunk.afterEnd());
            beforeAt = hunk.beforeEnd();
            afterAt = hunk.afterEnd();
            for (int offset : new int[] {hunk.beforeStart(), hunk.beforeEnd()}) {
                assertThat(splitsAPair(before, offset)).as("hunk %s splits a surrogate pair", hunk).isFalse();
            }
            for (int offset : new int[] {hunk.afterStart(), hunk.afterEnd()}) {
                assertThat(splitsAPair(after, offset)).as("hunk %s splits a surrogate pair", hunk).isFalse();
            }
        }
        b.append(before, beforeAt, before.length());
        a.append(after, afterAt, after.length());
        assertThat(b.toString()).isEqualTo(before);
        assertThat(a.toString()).isEqualTo(after);
        assertThat(before.substring(beforeAt)).isEqualTo(after.substring(afterAt));
    }

    private static boolean splitsAPair(String text, int offset) {
        return offset > 0 && offset < text.length() && Character.isHighSurrogate(text.charAt(offset - 1))
               && Character.isLowSurrogate(text.charAt(offset));
    }

    private static int changedWords(String before, String after, WordDiff diff) {
        int changed = 0;
        for (WordDiff.Hunk hunk : diff.hunks()) {
            changed += WordTokens.of(before.substring(hunk.beforeStart(), hunk.beforeEnd())).size();
            changed += WordTokens.of(after.substring(hunk.afterStart(), hunk.afterEnd())).size();
        }
        return changed;
    }

    /** The fewest words deleted plus inserted that turn one word list into the other (textbook LCS table). */
    private static int editDistance(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        return a.size() + b.size() - 2 * lcs[0][0];
    }

    private static final List<String> WORDS = List.of("ผู้บริหาร", "กำหนด", "ทิศทาง", "องค์การ", "ร่วมกัน", "การ", "นำ",
                                                      " ", " ", ",", "๒๕๖๗", "👩‍💻", "🇹🇭", "น้ำ", "นํ้า", "abc", "\n");

    private static String randomText(Random random, int words, boolean lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = WORDS.get(random.nextInt(WORDS.size()));
            text.append(lines || !word.equals("\n") ? word : " ");
        }
        return text.toString();
    }

    private static String edited(String text, Random random, boolean lines) {
        StringBuilder out = new StringBuilder(text);
        for (int edits = random.nextInt(5); edits > 0; edits--) {
            int at = random.nextInt(out.length() + 1);
            while (at > 0 && at < out.length() && Character.isLowSurrogate(out.charAt(at))) {
                at--;
            }
            int end = Math.min(out.length(), at + random.nextInt(12));
            while (end < out.length() && Character.isLowSurrogate(out.charAt(end))) {
                end++;
            }
            out.replace(at, end, randomText(random, random.nextInt(4), lines));
        }
        return out.toString();
    }

    @Test
    void randomEditsOfThaiTextWithLinesGiveBothTextsBackExactly() {
        Random random = new Random(11);
        for (int run = 0; run < 2_000; run++) {
            String before = randomText(random, random.nextInt(80), true);
            String after = edited(before, random, true);

            WordDiff diff = WordDiff.between(before, after);

            assertGivesBack(before, after, diff);
            assertThat(diff.coarse()).isFalse();
            assertThat(diff.hunks().isEmpty()).isEqualTo(before.equals(after));
        }
    }

    @Test
    void withinOneLineTheWordDiffChangesAsFewWordsAsPossible() {
        Random random = new Random(12);
        for (int run = 0; run < 1_000; run++) {
            String before = randomText(random, random.nextInt(40), false);
            String after = random.nextBoolean() ? edited(before, random, false) : randomText(random, random.nextInt(40), false);

            WordDiff diff = WordDiff.between(before, after);

            assertGivesBack(before, after, diff);
            assertThat(changedWords(before, after, diff)).as("%s → %s", before, after)
                    .isEqualTo(editDistance(WordTokens.of(before), WordTokens.of(after)));
        }
    }

    @Test
    void withoutBudgetAChangeIsOneCoarseHunkOfItsLinesAndStillExact() {
        String before = "บรรทัดแรก\nผู้บริหารกำหนดทิศทาง 👩‍💻\nบรรทัดสุดท้าย";
        String after = "บรรทัดแรก\nผู้บริหารร่วมกันกำหนดทิศทาง 👩‍🔬\nบรรทัดสุดท้าย";

        WordDiff diff = WordDiff.between(before, after, new DiffBudget(0));

        assertGivesBack(before, after, diff);
        assertThat(diff.coarse()).isTrue();
        int lineStart = "บรรทัดแรก\n".length();
        assertThat(diff.hunks()).containsExactly(new WordDiff.Hunk(lineStart, before.indexOf("บรรทัดสุดท้าย"), lineStart,
                                                                   after.indexOf("บรรทัดสุดท้าย"), true));
        assertThat(WordDiff.between(before, after).coarse()).isFalse();
    }

    @Test
    void aRunOfLinesOnlyAddedOrOnlyRemovedIsExactWithoutSpendingOnWords() {
        String before = "หนึ่ง\nสอง\n";
        String after = "หนึ่ง\nหนึ่งครึ่ง 👩‍💻\nหนึ่งสามส่วนสี่\nสอง\n";

        WordDiff diff = WordDiff.between(before, after, new DiffBudget(0));

        assertGivesBack(before, after, diff);
        assertThat(diff.coarse()).isFalse();
        assertThat(WordDiff.between(after, before, new DiffBudget(0)).coarse()).isFalse();
    }

    @Test
    void diffsSharingABudgetBecomeCoarseOnceItIsSpent() {
        DiffBudget shared = new DiffBudget(DiffBudget.ONE_TEXT);
        String before = "a ".repeat(25_000);
        String after = "b ".repeat(25_000);
        List<WordDiff> diffs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            diffs.add(WordDiff.between(before, after, shared));
        }
        WordDiff small = WordDiff.between("ผู้บริหารกำหนดทิศทาง", "ผู้บริหารร่วมกันกำหนดทิศทาง", shared);

        assertThat(diffs).allMatch(WordDiff::coarse);
        assertThat(shared.remaining()).isZero();
        assertThat(small.coarse()).isTrue();
        assertGivesBack("ผู้บริหารกำหนดทิศทาง", "ผู้บริหารร่วมกันกำหนดทิศทาง", small);
    }

    // The worst cases of the largest allowed size: each finishes within its budget and gives both texts back.

    @Test
    void fiftyThousandOneCharacterWordsAgainstWordsOfNoneOfThemAreOneExactReplacement() {
        String before = "a ".repeat(25_000);
        String after = "ข,".repeat(25_000);

        WordDiff diff = WordDiff.between(before, after);

        assertThat(diff.hunks()).containsExactly(new WordDiff.Hunk(0, 50_000, 0, 50_000, false));
    }

    @Test
    void fiftyThousandOneCharacterWordsAgainstOtherWordsSharingTheSpacesAreOneCoarseReplacement() {
        String before = "a ".repeat(25_000);
        String after = "b ".repeat(25_000);

        WordDiff diff = WordDiff.between(before, after);

        assertGivesBack(before, after, diff);
        assertThat(diff.coarse()).isTrue();
    }

    @Test
    void manyRepeatedWordsWithChangesAllOverGiveBothTextsBack() {
        Random random = new Random(13);
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        while (before.length() < 49_000) {
            String word = random.nextInt(3) == 0 ? "การ " : "นำ ";
            before.append(word);
            after.append(random.nextInt(4) == 0 ? (random.nextBoolean() ? "" : "การ นำ ") : word);
        }

        assertGivesBack(before.toString(), after.toString(), WordDiff.between(before.toString(), after.toString()));
    }

    @Test
    void manyShortLinesAllChangedGiveBothTextsBack() {
        Random random = new Random(14);
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        while (before.length() < 49_000) {
            before.append((char) ('a' + random.nextInt(3))).append('\n');
            after.append((char) ('a' + random.nextInt(3))).append('\n');
        }

        assertGivesBack(before.toString(), after.toString(), WordDiff.between(before.toString(), after.toString()));
    }

    @Test
    void aSmallEditOfALongTextIsAWordDiffOfThatEditOnly() {
        String line = "ผู้บริหารกำหนดทิศทางองค์การ 👩‍💻\n";
        String before = line.repeat(1_500);
        int at = line.length() * 700 + "ผู้บริหาร".length();
        String after = before.substring(0, at) + "ร่วมกัน" + before.substring(at);

        WordDiff diff = WordDiff.between(before, after);

        assertThat(diff.hunks()).containsExactly(new WordDiff.Hunk(at, at, at, at + "ร่วมกัน".length(), false));
    }
}
