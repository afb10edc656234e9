package th.pmqa.studio.command.report;

import org.junit.jupiter.api.Test;
import th.pmqa.studio.text.WordTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TextMergeTest {

    private static final String BASE = "ส่วนราชการมีการกำหนดวิสัยทัศน์และพันธกิจอย่างชัดเจน";

    @Test
    void editsInTwoDifferentWordsOfOneUnspacedThaiSentenceBothSurvive() {
        String theirs = "ส่วนราชการมีการทบทวนวิสัยทัศน์และพันธกิจอย่างชัดเจน";
        String yours = "ส่วนราชการมีการกำหนดวิสัยทัศน์และพันธกิจอย่างเป็นระบบ";

        TextMerge.Outcome outcome = TextMerge.merge(BASE, theirs, yours);

        assertThat(outcome.merged()).isTrue();
        assertThat(outcome.text()).isEqualTo("ส่วนราชการมีการทบทวนวิสัยทัศน์และพันธกิจอย่างเป็นระบบ");
    }

    @Test
    void twoDifferentEditsOfTheSameWordAreAConflictThatNamesTheThreeVersionsOfIt() {
        String theirs = "ส่วนราชการมีการทบทวนวิสัยทัศน์และพันธกิจอย่างชัดเจน";
        String yours = "ส่วนราชการมีการปรับปรุงวิสัยทัศน์และพันธกิจอย่างชัดเจน";

        TextMerge.Outcome outcome = TextMerge.merge(BASE, theirs, yours);

        assertThat(outcome.merged()).isFalse();
        assertThat(outcome.text()).isNull();
        assertThat(outcome.conflicts()).containsExactly(new TextMerge.Conflict("กำหนด", "ทบทวน", "ปรับปรุง"));
    }

    @Test
    void theSameEditMadeOnBothSidesIsKeptOnce() {
        String both = "ส่วนราชการมีการทบทวนวิสัยทัศน์และพันธกิจอย่างชัดเจนทุกปี";
        String theirs = both;
        String yours = "ส่วนราชการมีการทบทวนวิสัยทัศน์และพันธกิจอย่างชัดเจนทุกปี และสื่อสารให้บุคลากรทราบ";

        assertThat(TextMerge.merge(BASE, theirs, both).text()).isEqualTo(both);
        assertThat(TextMerge.merge(BASE, theirs, yours).text()).isEqualTo(yours);
    }

    @Test
    void twoDifferentInsertionsAtTheSamePlaceAreAConflictBecauseTheirOrderWouldBeAGuess() {
        TextMerge.Outcome outcome = TextMerge.merge(BASE, BASE + " (ทีม ก)", BASE + " (ทีม ข)");

        assertThat(outcome.merged()).isFalse();
        assertThat(outcome.conflicts()).hasSize(1);
        assertThat(outcome.conflicts().get(0).theirs()).contains("ทีม ก");
        assertThat(outcome.conflicts().get(0).yours()).contains("ทีม ข");
    }

    @Test
    void anAdditionAtTheEndAndAnEditAtTheStartMerge() {
        String theirs = BASE + "\nและทบทวนทุกปีงบประมาณ ๒๕๖๗";
        String yours = "จังหวัดมีการกำหนดวิสัยทัศน์และพันธกิจอย่างชัดเจน";

        assertThat(TextMerge.merge(BASE, theirs, yours).text())
                .isEqualTo("จังหวัดมีการกำหนดวิสัยทัศน์และพันธกิจอย่างชัดเจน\nและทบทวนทุกปีงบประมาณ ๒๕๖๗");
    }

    @Test
    void whenOnlyOneSideChangedTheMergeIsThatSide() {
        String changed = "ส่วนราชการมีการทบทวนวิสัยทัศน์";
        assertThat(TextMerge.merge(BASE, BASE, changed).text()).isEqualTo(changed);
        assertThat(TextMerge.merge(BASE, changed, BASE).text()).isEqualTo(changed);
    }

    @Test
    void deletionsOfDifferentWordsBothHappen() {
        String theirs = "ส่วนราชการมีการกำหนดวิสัยทัศน์อย่างชัดเจน";          // without "และพันธกิจ"
        String yours = "ส่วนราชการกำหนดวิสัยทัศน์และพันธกิจอย่างชัดเจน";      // without "มีการ"

        assertThat(TextMerge.merge(BASE, theirs, yours).text()).isEqualTo("ส่วนราชการกำหนดวิสัยทัศน์อย่างชัดเจน");
    }

    @Test
    void toneMarksDecomposedVowelsThaiDigitsAndEmojiComeOutExactlyAsWritten() {
        // "น้ำ" spelled with NIKHAHIT + SARA AA rather than SARA AM: a normalizing merge would change it
        String base = "น\u0E49\u0E4D\u0E32ประปา ๑๒๓ หน่วย";
        String theirs = "น\u0E49\u0E4D\u0E32ประปา ๑๒๔ หน่วย";
        String yours = "น\u0E49\u0E4D\u0E32ประปา ๑๒๓ หน่วย 👩🏽‍💻";

        String merged = TextMerge.merge(base, theirs, yours).text();

        assertThat(merged).isEqualTo("น\u0E49\u0E4D\u0E32ประปา ๑๒๔ หน่วย 👩🏽‍💻");
        assertThat(merged.codePoints().toArray()).containsSubsequence(0x0E19, 0x0E49, 0x0E4D, 0x0E32);
    }

    @Test
    void randomEditsOfBothSidesOnEitherSideOfAnUntouchedWordAlwaysMergeToBothEditsApplied() {
        Random random = new Random(2567);
        List<String> words = List.of("การ", "นำ", "องค์การ", "วิสัยทัศน์", "พันธกิจ", "ค่านิยม", " ", "ยุทธศาสตร์",
                                     "บุคลากร", "ผล", "ลัพธ์", "๒๕๖๗", ",", "ประชาชน", "ดิจิทัล");
        for (int run = 0; run < 300; run++) {
            // a word neither side touches, and that no edit can slide across, between the two edited parts
            String baseText = randomWords(words, random) + "¶" + randomWords(words, random);
            List<String> baseTokens = WordTokens.of(baseText);
            int cut = baseTokens.indexOf("¶");
            List<String> theirTokens = editWithin(baseTokens, 0, cut, random);
            List<String> yourTokens = editWithin(baseTokens, cut + 1, baseTokens.size(), random);
            String theirs = String.join("", theirTokens);
            String yours = String.join("", yourTokens);
            String expected = theirs.substring(0, theirs.indexOf('¶')) + yours.substring(yours.indexOf('¶'));

            TextMerge.Outcome outcome = TextMerge.merge(baseText, theirs, yours);

            assertThat(outcome.conflicts()).as("run %d: %s | %s | %s", run, baseText, theirs, yours).isEmpty();
            assertThat(outcome.text()).as("run %d", run).isEqualTo(expected);
        }
    }

    @Test
    void anInsertionADiffPlacesInsideARepeatedPhraseStillClashesWithAChangeOfThatPhrase() {
        // Found by the concurrency harness: yours put a new entry before "«3·24»", and the diff, seeing "«3·" twice,
        // placed it after that prefix; theirs had changed the entry's "3" to "2". Merged, the entry read "«2·106»".
        String base = "«1·10» «3·24» «5·98» ";
        String theirs = "«1·10» «2·24» «5·98» ";
        String yours = "«1·10» «3·106» «3·24» «5·98» ";

        TextMerge.Outcome outcome = TextMerge.merge(base, theirs, yours);

        assertThat(outcome.merged()).isFalse();
    }

    @Test
    void theSameInsertionPlacedDifferentlyByTheTwoDiffsIsKeptOnce() {
        String base = "ก ข ค ข ค ง";
        String theirs = "ก ข ค ข ค ข ค ง";
        String yours = "ก ข ค ข ค ข ค ง";
        assertThat(TextMerge.merge(base, theirs, yours).text()).isEqualTo(theirs);
        // the same words inserted once by each side at different places of the repeated run: one insertion each
        TextMerge.Outcome twoPlaces = TextMerge.merge("ก ข ค ง", "ก ข ค ข ค ง", "ก ข ค ง ข ค");
        assertThat(twoPlaces.merged()).isTrue();
        assertThat(twoPlaces.text()).isEqualTo("ก ข ค ข ค ง ข ค");
    }

    /**
     * Issue 11: a 50,000-character text, rewritten as "x" by one writer while a stale tab wrote "y" over the first
     * revision, cost the word merge ~40 s of CPU. Both changed everything: a conflict naming the whole text.
     */
    @Test
    void aStaleEditOfALongTextThatWasRewrittenSinceIsAConflictOverTheWholeText() {
        String base = "a ".repeat(25_000);

        TextMerge.Outcome outcome = TextMerge.merge(base, "x", "y");

        assertThat(outcome.merged()).isFalse();
        assertThat(outcome.conflicts()).containsExactly(new TextMerge.Conflict(base, "x", "y"));
    }

    @Test
    void twoRewritesOfEveryWordOfALongTextOfRepeatedWordsAreAConflict() {
        String base = "a ".repeat(25_000);

        TextMerge.Outcome outcome = TextMerge.merge(base, "b ".repeat(25_000), "c ".repeat(25_000));

        assertThat(outcome.merged()).isFalse();
        assertThat(outcome.text()).isNull();
        TextMerge.Conflict conflict = outcome.conflicts().get(0);
        assertThat(base).contains(conflict.base());
        assertThat(conflict.theirs()).isNotEqualTo(conflict.yours());
    }

    @Test
    void aParagraphRewrittenWordByWordOnOneSideStillMergesWithAnEditOfAnotherParagraph() {
        // the rewrite is too large to diff word by word: it is one change of its whole paragraph, which the other
        // side did not touch
        String first = "ก ".repeat(20_000);
        String second = "ส่วนราชการมีการกำหนดวิสัยทัศน์และพันธกิจอย่างชัดเจน";
        String base = first + "\n" + second;
        String theirs = "ข ".repeat(20_000) + "\n" + second;
        String yours = first + "\n" + "ส่วนราชการมีการทบทวนวิสัยทัศน์และพันธกิจอย่างชัดเจน";

        TextMerge.Outcome outcome = TextMerge.merge(base, theirs, yours);

        assertThat(outcome.conflicts()).isEmpty();
        assertThat(outcome.text()).isEqualTo("ข ".repeat(20_000) + "\n" + "ส่วนราชการมีการทบทวนวิสัยทัศน์และพันธกิจอย่างชัดเจน");
    }

    @Test
    void editsAtBothEndsOfALongTextOfRepeatedWordsMerge() {
        String base = "a ".repeat(25_000);
        String theirs = "b" + base.substring(1);
        String yours = base.substring(0, base.length() - 2) + "c 👩‍💻";

        TextMerge.Outcome outcome = TextMerge.merge(base, theirs, yours);

        assertThat(outcome.text()).isEqualTo("b" + base.substring(1, base.length() - 2) + "c 👩‍💻");
    }

    private static String randomWords(List<String> words, Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0, length = 3 + random.nextInt(20); i < length; i++) {
            text.append(words.get(random.nextInt(words.size())));
        }
        return text.toString();
    }

    /** Base with tokens [from, to) replaced by a shuffled, shortened or extended version of them. */
    private static List<String> editWithin(List<String> base, int from, int to, Random random) {
        List<String> middle = new ArrayList<>(base.subList(from, to));
        switch (random.nextInt(3)) {
            case 0 -> middle.add(random.nextInt(middle.size() + 1), "เพิ่ม");
            case 1 -> {
                if (!middle.isEmpty()) {
                    middle.remove(random.nextInt(middle.size()));
                }
            }
            default -> {
                if (!middle.isEmpty()) {
                    middle.set(random.nextInt(middle.size()), "แก้ไข");
                }
            }
        }
        List<String> edited = new ArrayList<>(base.subList(0, from));
        edited.addAll(middle);
        edited.addAll(base.subList(to, base.size()));
        return edited;
    }
}
