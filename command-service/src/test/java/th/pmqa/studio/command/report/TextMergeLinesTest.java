package th.pmqa.studio.command.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The merge goes line by line first, and by Thai words only inside a line both writers changed (issue 13). */
class TextMergeLinesTest {

    private static final String VISION = "ส่วนราชการมีการกำหนดวิสัยทัศน์และพันธกิจอย่างชัดเจน";
    private static final String LEADERS = "การนำองค์การมีการติดตามผลทุกไตรมาส";
    private static final String PEOPLE = "บุคลากรทุกระดับมีส่วนร่วม";

    private static String lines(String... lines) {
        return String.join("\n", lines);
    }

    @Test
    void aNewLineThatBeginsWithThePhraseOfTheNextLineMergesWithAnEditOfThatNextLine() {
        // the word merge alone let the added line slide along "การนำองค์การ" into the next line: a 409
        String base = lines("ผู้บริหารกำหนดทิศทางองค์การ", LEADERS, PEOPLE);
        String theirs = lines("ผู้บริหารกำหนดทิศทางองค์การ", "การนำองค์การอย่างเป็นระบบ", LEADERS, PEOPLE);
        String yours = lines("ผู้บริหารกำหนดทิศทางองค์การ", "ภาวะผู้นำองค์การมีการติดตามผลทุกไตรมาส", PEOPLE);

        TextMerge.Outcome outcome = TextMerge.merge(base, theirs, yours);

        assertThat(outcome.conflicts()).isEmpty();
        assertThat(outcome.text()).isEqualTo(lines("ผู้บริหารกำหนดทิศทางองค์การ", "การนำองค์การอย่างเป็นระบบ",
                                                   "ภาวะผู้นำองค์การมีการติดตามผลทุกไตรมาส", PEOPLE));
    }

    @Test
    void editsOfTheLastWordOfALineAndTheFirstWordOfTheNextBothSurvive() {
        String base = lines(VISION, LEADERS);
        String theirs = lines("ส่วนราชการมีการกำหนดวิสัยทัศน์และพันธกิจอย่างเป็นระบบ", LEADERS);
        String yours = lines(VISION, "ภาวะผู้นำองค์การมีการติดตามผลทุกไตรมาส");

        assertThat(TextMerge.merge(base, theirs, yours).text())
                .isEqualTo(lines("ส่วนราชการมีการกำหนดวิสัยทัศน์และพันธกิจอย่างเป็นระบบ",
                                 "ภาวะผู้นำองค์การมีการติดตามผลทุกไตรมาส"));
    }

    @Test
    void theSameLineChangedDifferentlyByBothIsAConflictOverTheWordsTheyChanged() {
        String base = lines(LEADERS, VISION, PEOPLE);
        String theirs = lines(LEADERS, "ส่วนราชการมีการทบทวนวิสัยทัศน์และพันธกิจอย่างชัดเจน", PEOPLE + " ๑๐๐%");
        String yours = lines("ภาวะผู้นำ" + LEADERS, "ส่วนราชการมีการปรับปรุงวิสัยทัศน์และพันธกิจอย่างชัดเจน", PEOPLE);

        TextMerge.Outcome outcome = TextMerge.merge(base, theirs, yours);

        assertThat(outcome.merged()).isFalse();
        assertThat(outcome.text()).isNull();
        assertThat(outcome.conflicts()).containsExactly(new TextMerge.Conflict("กำหนด", "ทบทวน", "ปรับปรุง"));
    }

    @Test
    void theSameChangeOfALineOnBothSidesIsKeptOnceAlongsideTheOtherLinesChanges() {
        String base = lines(LEADERS, VISION, PEOPLE);
        String same = "ส่วนราชการมีการทบทวนวิสัยทัศน์และพันธกิจทุกปี";
        String theirs = lines("ภาวะผู้นำ" + LEADERS, same, PEOPLE);
        String yours = lines(LEADERS, same, PEOPLE + "อย่างทั่วถึง");

        assertThat(TextMerge.merge(base, theirs, yours).text())
                .isEqualTo(lines("ภาวะผู้นำ" + LEADERS, same, PEOPLE + "อย่างทั่วถึง"));
    }

    @Test
    void aLineBothChangedInDifferentWordsIsMergedWordByWordInsideIt() {
        String base = lines(LEADERS, VISION, PEOPLE);
        String theirs = lines(LEADERS, "ส่วนราชการมีการทบทวนวิสัยทัศน์และพันธกิจอย่างชัดเจน", PEOPLE);
        String yours = lines(LEADERS, "ส่วนราชการมีการกำหนดวิสัยทัศน์และพันธกิจอย่างเป็นระบบ", "บุคลากรมีส่วนร่วม");

        assertThat(TextMerge.merge(base, theirs, yours).text())
                .isEqualTo(lines(LEADERS, "ส่วนราชการมีการทบทวนวิสัยทัศน์และพันธกิจอย่างเป็นระบบ",
                                 "บุคลากรมีส่วนร่วม"));
    }

    @Test
    void aLineAddedAfterTheLastOneMergesWithAnEditOfTheLastWordOfThatLine() {
        // the text has no final line break: the new line's break and the edited last word used to touch
        String base = lines(VISION, LEADERS);
        String theirs = lines(VISION, LEADERS, PEOPLE);
        String yours = lines(VISION, "การนำองค์การมีการติดตามผลทุกเดือน");

        assertThat(TextMerge.merge(base, theirs, yours).text())
                .isEqualTo(lines(VISION, "การนำองค์การมีการติดตามผลทุกเดือน", PEOPLE));
    }

    @Test
    void linesRemovedByEachSideAreAllGoneAndTheFinalLineBreakStaysAsItWas() {
        String base = "ก\r\nข\r\nค\r\nง";
        assertThat(TextMerge.merge(base, "ก\r\nข\r\nค", "ก\r\nค\r\nง").text()).isEqualTo("ก\r\nค");
        assertThat(TextMerge.merge(base, "ก\r\nข\r\nค", "ข\r\nค\r\nง").text()).isEqualTo("ข\r\nค");
        assertThat(TextMerge.merge(base + "\r\n", "ก\r\nข\r\nค\r\n", "ก\r\nค\r\nง\r\n").text()).isEqualTo("ก\r\nค\r\n");
        // one removed the final line break, the other edited the first line
        assertThat(TextMerge.merge(base + "\r\n", base, "ก ๑\r\nข\r\nค\r\nง\r\n").text())
                .isEqualTo("ก ๑\r\nข\r\nค\r\nง");
    }

    @Test
    void twoLinesAddedAtTheSamePlaceAreAConflictWhoseVersionsAreTheLinesAdded() {
        TextMerge.Outcome outcome = TextMerge.merge(VISION, lines(VISION, LEADERS), lines(VISION, PEOPLE));

        assertThat(outcome.merged()).isFalse();
        assertThat(outcome.conflicts()).containsExactly(new TextMerge.Conflict("", LEADERS, PEOPLE));
    }

    @Test
    void aCopyOfALineAddedNextToItWhileTheOtherEditsThatLineIsAConflict() {
        // which of the two equal lines the other writer edited, no one can say
        String base = lines(VISION, LEADERS, PEOPLE);
        TextMerge.Outcome outcome = TextMerge.merge(base, lines(VISION, LEADERS, LEADERS, PEOPLE),
                                                    lines(VISION, "ภาวะผู้นำ" + LEADERS, PEOPLE));

        assertThat(outcome.merged()).isFalse();
    }

    @Test
    void thaiSpelledAnyWayEmojiWithJoinersAndMixedLineBreaksComeOutExactlyAsWritten() {
        // "น้ำ" spelled with NIKHAHIT + SARA AA rather than SARA AM: a normalizing merge would change it
        String water = "น\u0E49\u0E4D\u0E32ประปา ๑๒๓ หน่วย";
        String base = water + "\r\n" + "ทีมงาน 👩🏽‍💻\n" + "ผู้ใช้น้ำ\u200Bประปา";
        String theirs = water + " 👨‍👩‍👧\r\n" + "ทีมงาน 👩🏽‍💻\n" + "ผู้ใช้น้ำ\u200Bประปา";
        String yours = water + "\r\n" + "ทีมงาน 👩🏽‍💻 🏳️‍🌈\n" + "ผู้ใช้น้ำ\u200Bประปา ๒๕๖๗";

        String merged = TextMerge.merge(base, theirs, yours).text();

        assertThat(merged).isEqualTo(water + " 👨‍👩‍👧\r\n" + "ทีมงาน 👩🏽‍💻 🏳️‍🌈\n" + "ผู้ใช้น้ำ\u200Bประปา ๒๕๖๗");
        assertThat(merged.codePoints().toArray()).containsSubsequence(0x0E19, 0x0E49, 0x0E4D, 0x0E32)
                                                 .containsSubsequence(0x1F469, 0x1F3FD, 0x200D, 0x1F4BB);
    }
}
