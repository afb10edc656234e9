package th.pmqa.studio.command.report;

import java.util.List;

/**
 * The line break {@link TextMerge} adds, for the time of a merge, to the end of all three texts, so that the text
 * after the last line break is a line like every other: "A¶B" is the lines A and B, "A¶B¶" the lines A, B and an
 * empty one. A line added at the end ("A¶B" to "A¶B¶C") is then a line added, not a change of "B" that would meet
 * the other writer's edit of "B"; a final line break added or removed is an empty last line added or removed. The
 * break added is the one base ends its last line break with (else theirs', yours', or LF), so that a CRLF text
 * stays CRLF; taken off again afterwards, it leaves each text exactly as it was.
 *
 * @param lineBreak the break added
 * @param lastLines the last line of each of the three texts, with the break added
 */
record FinalLineBreak(String lineBreak, List<String> lastLines) {

    static FinalLineBreak of(String base, String theirs, String yours) {
        String lineBreak = lastLineBreak(base);
        lineBreak = lineBreak != null ? lineBreak : lastLineBreak(theirs);
        lineBreak = lineBreak != null ? lineBreak : lastLineBreak(yours);
        lineBreak = lineBreak != null ? lineBreak : "\n";
        return new FinalLineBreak(lineBreak, List.of(lastLine(base) + lineBreak, lastLine(theirs) + lineBreak,
                                                     lastLine(yours) + lineBreak));
    }

    private static String lastLineBreak(String text) {
        int feed = text.lastIndexOf('\n');
        if (feed < 0) {
            return null;
        }
        return feed > 0 && text.charAt(feed - 1) == '\r' ? "\r\n" : "\n";
    }

    private static String lastLine(String text) {
        return text.substring(text.lastIndexOf('\n') + 1);
    }

    /** {@code text} with the break added. */
    String completed(String text) {
        return text + lineBreak;
    }

    /**
     * A merged text without the break of its last line: every line of the merge ends with a break, and every text's
     * last line had none. Mostly that is the break added, on a last line that was last in one of the texts. But
     * when each side removed the lines after some line ("A¶B¶C": one removed C, the other B), that line (A) is
     * last now, and it is its own break that goes; with no line left, the merge is empty.
     */
    String restored(String merged) {
        if (merged.isEmpty()) {
            return merged;
        }
        String last = lastLine(merged.substring(0, merged.length() - 1)) + "\n";
        if (lastLines.contains(last) && merged.endsWith(lineBreak)) {
            return merged.substring(0, merged.length() - lineBreak.length());
        }
        return merged.substring(0, merged.length() - (merged.endsWith("\r\n") ? 2 : 1));
    }

    /**
     * A piece of a conflict that reaches the end, without the break added. Two insertions at the very end (both
     * added a last paragraph) begin after it: base's piece is empty then, and theirs and yours read as the lines
     * they added.
     */
    String cut(String piece) {
        return piece.endsWith(lineBreak) ? piece.substring(0, piece.length() - lineBreak.length()) : piece;
    }
}
