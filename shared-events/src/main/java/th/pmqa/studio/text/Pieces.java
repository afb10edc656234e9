package th.pmqa.studio.text;

import java.util.ArrayList;
import java.util.List;

/** A text cut into consecutive pieces (lines or words): piece i is {@code [start(i), start(i + 1))}. */
record Pieces(List<String> texts, int[] starts) {

    int start(int piece) {
        return starts[piece];
    }

    int size() {
        return texts.size();
    }

    /** Lines with their line feed; a last line without one is a line too. */
    static Pieces lines(String text) {
        List<String> lines = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int feed = text.indexOf('\n', start);
            int end = feed < 0 ? text.length() : feed + 1;
            lines.add(text.substring(start, end));
            starts.add(start);
            start = end;
        }
        starts.add(text.length());
        return new Pieces(lines, starts.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The words of {@code text[from, to)}, with their offsets in the whole text. */
    static Pieces words(String text, int from, int to) {
        List<String> words = WordTokens.of(text.substring(from, to));
        int[] starts = new int[words.size() + 1];
        int offset = from;
        for (int i = 0; i < words.size(); i++) {
            starts[i] = offset;
            offset += words.get(i).length();
        }
        starts[words.size()] = offset;
        return new Pieces(words, starts);
    }
}
