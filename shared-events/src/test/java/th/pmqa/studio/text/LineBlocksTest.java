package th.pmqa.studio.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineBlocksTest {

    private static List<LineBlocks> blocks(String base, String theirs, String yours, long budget) {
        return LineBlocks.of(LineDiff.between(base, theirs, new DiffBudget(budget)),
                             LineDiff.between(base, yours, new DiffBudget(budget)));
    }

    @Test
    void neighbouringLinesChangedByTheTwoSidesAreTwoBlocksOfOneSideEach() {
        List<LineBlocks> blocks = blocks("ก\nข\nค\n", "ก ๑\nข\nค\n", "ก\nข ๒\nค\n", DiffBudget.ONE_TEXT);

        assertThat(blocks).hasSize(2);
        assertThat(blocks).noneMatch(LineBlocks::both);
        assertThat(blocks.get(0).theirs()).hasSize(1);
        assertThat(blocks.get(1).yours()).hasSize(1);
        assertThat(blocks.get(0).beforeEnd()).isEqualTo(blocks.get(1).beforeStart());
    }

    @Test
    void aLineAddedBetweenTwoLinesDoesNotMeetAnEditOfEither() {
        List<LineBlocks> blocks = blocks("ก\nข\n", "ก\nใหม่\nข\n", "ก ๑\nข ๒\n", DiffBudget.ONE_TEXT);

        assertThat(blocks).hasSize(1); // yours' two lines are one run
        assertThat(blocks.get(0).both()).isTrue(); // it spans the place between them, where theirs added a line
        assertThat(blocks("ก\nข\nค\n", "ก\nใหม่\nข\nค\n", "ก\nข\nค ๓\n", DiffBudget.ONE_TEXT))
                .hasSize(2).noneMatch(LineBlocks::both);
    }

    @Test
    void aLineAddedNextToEqualLinesMeetsAnEditOfAnyOfThem() {
        // the added "ก" could be any of the three: which one the other side edited is a guess
        String base = "x\nก\nก\nข\n";
        assertThat(blocks(base, "x\nก\nก\nก\nข\n", "x\nก\nก ๑\nข\n", DiffBudget.ONE_TEXT))
                .singleElement().matches(LineBlocks::both);
        assertThat(blocks(base, "x\nก\nก\nก\nข\n", "x\nก\nก\nข ๑\n", DiffBudget.ONE_TEXT))
                .hasSize(2).noneMatch(LineBlocks::both);
    }

    @Test
    void slidingAlongEqualLinesIsPaidFromTheBudgetAndBeyondItAChangeClaimsTheWholeText() {
        String base = "x\n" + "a\n".repeat(100) + "y\n";
        String theirs = "x\n" + "a\n".repeat(101) + "y\n";
        String yours = "x\n" + "a\n".repeat(100) + "z\n";

        assertThat(blocks(base, theirs, yours, DiffBudget.ONE_TEXT)).hasSize(2).noneMatch(LineBlocks::both);
        assertThat(blocks(base, theirs, yours, 50)).singleElement().matches(LineBlocks::both);
    }
}
