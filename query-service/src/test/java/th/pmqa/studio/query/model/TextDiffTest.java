package th.pmqa.studio.query.model;

import org.junit.jupiter.api.Test;
import th.pmqa.studio.query.model.TextDiff.Chunk;
import th.pmqa.studio.query.model.TextDiff.Op;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TextDiffTest {

    private static Chunk eq(String text) {
        return new Chunk(Op.EQUAL, text);
    }

    private static Chunk ins(String text) {
        return new Chunk(Op.INSERT, text);
    }

    private static Chunk del(String text) {
        return new Chunk(Op.DELETE, text);
    }

    private static String before(List<Chunk> chunks) {
        StringBuilder out = new StringBuilder();
        chunks.stream().filter(c -> c.op() != Op.INSERT).forEach(c -> out.append(c.text()));
        return out.toString();
    }

    private static String after(List<Chunk> chunks) {
        StringBuilder out = new StringBuilder();
        chunks.stream().filter(c -> c.op() != Op.DELETE).forEach(c -> out.append(c.text()));
        return out.toString();
    }

    private static void assertRebuilds(String before, String after, List<Chunk> chunks) {
        assertThat(before(chunks).getBytes(StandardCharsets.UTF_8)).isEqualTo(before.getBytes(StandardCharsets.UTF_8));
        assertThat(after(chunks).getBytes(StandardCharsets.UTF_8)).isEqualTo(after.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean startsWithCombiningMark(String text) {
        return !text.isEmpty() && Character.getType(text.codePointAt(0)) == Character.NON_SPACING_MARK;
    }

    @Test
    void aThaiWordInsertedInTheMiddleIsAnInsertOfThatWordOnly() {
        assertThat(TextDiff.diff("ผู้บริหารกำหนดทิศทางองค์การ", "ผู้บริหารร่วมกันกำหนดทิศทางองค์การ"))
                .containsExactly(eq("ผู้บริหาร"), ins("ร่วมกัน"), eq("กำหนดทิศทางองค์การ"));
    }

    @Test
    void aThaiWordRemovedFromTheMiddleIsADeleteOfThatWordOnly() {
        assertThat(TextDiff.diff("ผู้บริหารร่วมกันกำหนดทิศทางองค์การ", "ผู้บริหารกำหนดทิศทางองค์การ"))
                .containsExactly(eq("ผู้บริหาร"), del("ร่วมกัน"), eq("กำหนดทิศทางองค์การ"));
    }

    @Test
    void aThaiWordReplacedInTheMiddleIsADeleteAndAnInsertOfThatWord() {
        assertThat(TextDiff.diff("ผู้บริหารกำหนดทิศทางองค์การ", "ผู้บริหารทบทวนทิศทางองค์การ"))
                .containsExactly(eq("ผู้บริหาร"), del("กำหนด"), ins("ทบทวน"), eq("ทิศทางองค์การ"));
    }

    @Test
    void thaiTextIsTokenizedOnWordBoundaries() {
        assertThat(TextDiff.tokens("ผู้บริหารกำหนดทิศทางองค์การ"))
                .containsExactly("ผู้", "บริหาร", "กำหนด", "ทิศทาง", "องค์การ");
    }

    @Test
    void spacesAndPunctuationAreTokensOfTheirOwn() {
        List<String> tokens = TextDiff.tokens("แผน ปี 2567, ผล");
        assertThat(tokens).contains(" ", ",");
        assertThat(String.join("", tokens)).isEqualTo("แผน ปี 2567, ผล");
    }

    @Test
    void changingOnlyTheLastWordsSpellingKeepsTheSentenceEqual() {
        String before = "ผู้นำต้องใส่ใจเรื่องน้ำ";
        String after = "ผู้นำต้องใส่ใจเรื่องนํ้า"; // NIKHAHIT + MAI THO instead of SARA AM
        List<Chunk> diff = TextDiff.diff(before, after);

        assertThat(diff).containsExactly(eq("ผู้นำต้องใส่ใจเรื่อง"), del("น้ำ"), ins("นํ้า"));
        assertRebuilds(before, after, diff);
    }

    @Test
    void aChangedToneMarkNeverSplitsABaseCharacterFromItsMarks() {
        String before = "ผู้นำต้องใส่ใจเรื่องน้ำ";
        for (String after : List.of("ผู้นำต้องใส่ใจเรื่องน่ำ", "ผู้นำต้องใส่ใจเรื่องน๊ำ", "ผู่นำต้องใส่ใจเรื่องน้ำ",
                                    "ผู้นำต้องใส่ใจเรื่องนํ้า", "ผู้นำต้องใส่ใจเรื่องน้า", "ผู้นำต่องใส่ใจเรื่องน้ำ")) {
            List<Chunk> diff = TextDiff.diff(before, after);
            assertThat(diff).as(after).noneMatch(c -> startsWithCombiningMark(c.text()));
            assertThat(diff).as(after).anyMatch(c -> c.op() == Op.EQUAL);
            assertRebuilds(before, after, diff);
        }
    }

    @Test
    void tokensOfWellFormedThaiNeverStartWithACombiningMark() {
        String consonants = "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮ";
        String above = "\u0E31\u0E34\u0E35\u0E36\u0E37\u0E47";
        String below = "\u0E38\u0E39";
        String tones = "\u0E48\u0E49\u0E4A\u0E4B\u0E4C";
        Random random = new Random(20240301);
        for (int n = 0; n < 3000; n++) {
            StringBuilder text = new StringBuilder();
            int syllables = 1 + random.nextInt(12);
            for (int i = 0; i < syllables; i++) {
                text.append(consonants.charAt(random.nextInt(consonants.length())));
                switch (random.nextInt(4)) {
                    case 1 -> text.append(above.charAt(random.nextInt(above.length())));
                    case 2 -> text.append(below.charAt(random.nextInt(below.length())));
                    default -> { }
                }
                if (random.nextInt(3) == 0) {
                    text.append(tones.charAt(random.nextInt(tones.length())));
                }
                if (random.nextInt(5) == 0) {
                    text.append('\u0E32');
                }
            }
            List<String> tokens = TextDiff.tokens(text.toString());
            assertThat(tokens).as(text.toString()).noneMatch(TextDiffTest::startsWithCombiningMark);
            assertThat(String.join("", tokens)).isEqualTo(text.toString());
        }
    }

    @Test
    void emojiWithZeroWidthJoinersAndThaiDigitsSurvive() {
        String before = "ทีม 👩‍💻 ทำงานปี ๒๕๖๗ ได้ ๑๒๓ ชิ้น 👨‍👩‍👧‍👦";
        String after = "ทีม 👩‍🔬 ทำงานปี ๒๕๖๘ ได้ ๑๒๓ ชิ้น 👨‍👩‍👧‍👦🇹🇭";
        List<Chunk> diff = TextDiff.diff(before, after);

        assertRebuilds(before, after, diff);
        assertThat(diff).contains(del("๒๕๖๗"), ins("๒๕๖๘"));
        assertThat(diff).noneMatch(c -> Character.isLowSurrogate(c.text().charAt(0)));
        assertThat(diff).noneMatch(c -> Character.isHighSurrogate(c.text().charAt(c.text().length() - 1)));
        assertThat(String.join("", diff.stream().filter(c -> c.op() == Op.EQUAL).map(Chunk::text).toList()))
                .contains("๑๒๓");
    }

    @Test
    void aZwjEmojiSequenceIsReplacedAsAWhole() {
        assertThat(TextDiff.diff("ทีม 👩‍💻 ทำงาน", "ทีม 👩‍🔬 ทำงาน"))
                .containsExactly(eq("ทีม "), del("👩‍💻"), ins("👩‍🔬"), eq(" ทำงาน"));
    }

    @Test
    void randomEditsAlwaysRebuildBeforeAndAfterByteExact() {
        String alphabet = "ผู้บริหารกำหนดทิศทางองค์การร่วมกันน้ำนํ้าใส่ใจ ๐๑๒๓๔๕๖๗๘๙ abc XYZ 123,.\n\t👩‍💻🇹🇭é";
        int[] codePoints = alphabet.codePoints().toArray();
        Random random = new Random(42);
        for (int n = 0; n < 1000; n++) {
            StringBuilder before = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                before.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
            }
            String after = edit(before.toString(), random, codePoints);
            List<Chunk> diff = TextDiff.diff(before.toString(), after);

            assertRebuilds(before.toString(), after, diff);
            assertThat(diff).noneMatch(c -> c.text().isEmpty());
            for (int i = 1; i < diff.size(); i++) {
                assertThat(diff.get(i).op()).isNotEqualTo(diff.get(i - 1).op());
            }
        }
    }

    private static String edit(String text, Random random, int[] codePoints) {
        int[] cps = text.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        int edits = random.nextInt(4);
        int cut = cps.length == 0 ? 0 : random.nextInt(cps.length + 1);
        int cutEnd = Math.min(cps.length, cut + (edits == 0 ? 0 : random.nextInt(5)));
        for (int i = 0; i < cps.length; i++) {
            if (i == cut) {
                for (int k = 0; k < edits; k++) {
                    out.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
                }
            }
            if (i < cut || i >= cutEnd) {
                out.appendCodePoint(cps[i]);
            }
        }
        if (cut >= cps.length) {
            for (int k = 0; k < edits; k++) {
                out.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
            }
        }
        return out.toString();
    }

    // Worst cases of the size a text may have (50,000 characters): before issue 11 each of these cost the word diff
    // seconds to minutes of CPU. Whatever the diff falls back to, it must still give back both texts exactly.

    private static void assertWellFormed(String before, String after, List<Chunk> diff) {
        assertRebuilds(before, after, diff);
        assertThat(diff).noneMatch(c -> c.text().isEmpty());
        assertThat(diff).noneMatch(c -> Character.isLowSurrogate(c.text().charAt(0)));
        assertThat(diff).noneMatch(c -> Character.isHighSurrogate(c.text().charAt(c.text().length() - 1)));
        for (int i = 1; i < diff.size(); i++) {
            assertThat(diff.get(i).op()).isNotEqualTo(diff.get(i - 1).op());
        }
    }

    @Test
    void fiftyThousandOneCharacterWordsReplacedByOneWordAreADeleteAndAnInsert() {
        String before = "a ".repeat(25_000);

        TextDiff.Result diff = TextDiff.between(before, "x", th.pmqa.studio.text.DiffBudget.ofOneText());

        // no word in common: replacing everything is the exact word diff, not a coarse one
        assertThat(diff.chunks()).containsExactly(del(before), ins("x"));
        assertThat(diff.coarse()).isFalse();
    }

    @Test
    void fiftyThousandOneCharacterWordsAgainstEntirelyOtherWordsGiveBothTextsBackInACoarseDiff() {
        String before = "a ".repeat(25_000);
        String after = "b ".repeat(25_000);

        TextDiff.Result diff = TextDiff.between(before, after, th.pmqa.studio.text.DiffBudget.ofOneText());

        assertWellFormed(before, after, diff.chunks());
        assertThat(diff.coarse()).isTrue();
        assertThat(diff.chunks()).extracting(Chunk::op).containsExactly(Op.DELETE, Op.INSERT, Op.EQUAL);
    }

    @Test
    void aDiffWithoutBudgetIsCoarseButStillExact() {
        String before = "ผู้บริหารกำหนดทิศทาง\nองค์การ 👩‍💻";
        String after = "ผู้บริหารร่วมกันกำหนดทิศทาง\nองค์การ 👩‍🔬";

        TextDiff.Result diff = TextDiff.between(before, after, new th.pmqa.studio.text.DiffBudget(0));

        assertRebuilds(before, after, diff.chunks());
        assertThat(diff.coarse()).isTrue();
        assertThat(TextDiff.between(before, after, th.pmqa.studio.text.DiffBudget.ofOneText()).coarse()).isFalse();
    }

    @Test
    void manyRepeatedWordsShiftedByOneGiveBothTextsBack() {
        String before = "การ นำ ".repeat(7_000);
        String after = "นำ การ ".repeat(7_000);

        assertWellFormed(before, after, TextDiff.diff(before, after));
    }

    @Test
    void oneLongLineAgainstTheSameWordsOnManyLinesGivesBothTextsBack() {
        StringBuilder words = new StringBuilder();
        for (int i = 0; words.length() < 49_000; i++) {
            words.append("คำ").append(i % 97).append(i % 5 == 0 ? "👩‍💻" : "").append(' ');
        }
        String before = words.toString();
        String after = before.replace(' ', '\n');

        assertWellFormed(before, after, TextDiff.diff(before, after));
        assertWellFormed(after, before, TextDiff.diff(after, before));
    }

    @Test
    void everyLineOfManyLinesChangedGivesBothTextsBack() {
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (int i = 0; before.length() < 48_000; i++) {
            before.append("ข้อ ").append(i).append(" น้ำ\n");
            after.append(i % 3 == 0 ? "ข้อ " + i + " นํ้า\n" : "ประเด็น " + (i * 7) + "\n");
        }

        assertWellFormed(before.toString(), after.toString(), TextDiff.diff(before.toString(), after.toString()));
    }

    @Test
    void aSmallEditInALongTextIsStillAWordDiff() {
        String before = "ผู้บริหารกำหนดทิศทางองค์การ\n".repeat(1_500);
        int line1000 = "ผู้บริหารกำหนดทิศทางองค์การ\n".length() * 1_000 + "ผู้บริหาร".length();
        String after = before.substring(0, line1000) + "ร่วมกัน" + before.substring(line1000);

        List<Chunk> diff = TextDiff.diff(before, after);

        assertWellFormed(before, after, diff);
        assertThat(diff.stream().filter(c -> c.op() != Op.EQUAL)).containsExactly(ins("ร่วมกัน"));
    }

    @Test
    void equalTextsAreOneEqualChunk() {
        assertThat(TextDiff.diff("ผู้บริหาร กำหนด", "ผู้บริหาร กำหนด")).containsExactly(eq("ผู้บริหาร กำหนด"));
    }

    @Test
    void emptyAndNullInputsGiveEmptyOrWholeChunks() {
        assertThat(TextDiff.diff("", "")).isEmpty();
        assertThat(TextDiff.diff(null, null)).isEmpty();
        assertThat(TextDiff.diff(null, "")).isEmpty();
        assertThat(TextDiff.diff(null, "ผู้บริหาร กำหนด")).containsExactly(ins("ผู้บริหาร กำหนด"));
        assertThat(TextDiff.diff("ผู้บริหาร กำหนด", null)).containsExactly(del("ผู้บริหาร กำหนด"));
        assertThat(TextDiff.diff("", "abc")).containsExactly(ins("abc"));
        assertThat(TextDiff.tokens("")).isEmpty();
    }

    @Test
    void whitespaceIsKeptExactly() {
        String before = "  ผู้บริหาร\n\tกำหนด  ";
        String after = "  ผู้บริหาร\n\n\tกำหนด ";
        assertRebuilds(before, after, TextDiff.diff(before, after));
    }
}
