package th.pmqa.studio.command.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Three-way merge of a row edited as a whole (a C-I-D row, a key process), field by field: a field only one side
 * changed takes that side's value; a text field both changed is merged with {@link TextMerge} (edits in different
 * words merge, edits of the same words conflict); a choice both changed differently (a row's kind, a process's
 * stage) is a conflict. Rows are edited in a shared worksheet by a workshop team at once, and two people filling two
 * cells of one row is the common case: refusing that would make one of them type their cell again.
 */
final class RowMerge {

    private RowMerge() {
    }

    /** The merged fields, or the fields both sides changed irreconcilably (then {@code fields} is null). */
    record Outcome(Map<String, String> fields, List<String> conflicts) {

        boolean merged() {
            return conflicts.isEmpty();
        }
    }

    /**
     * @param choices fields whose values are picked, not written (merged only when one side left them alone)
     */
    static Outcome merge(Map<String, String> base, Map<String, String> theirs, Map<String, String> yours,
                         Set<String> choices) {
        Map<String, String> merged = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        for (Map.Entry<String, String> field : yours.entrySet()) {
            String name = field.getKey();
            String b = base.get(name);
            String t = theirs.get(name);
            String y = field.getValue();
            if (Objects.equals(y, t) || Objects.equals(y, b)) {
                merged.put(name, t);
            } else if (Objects.equals(b, t)) {
                merged.put(name, y);
            } else if (choices.contains(name) || b == null || t == null || y == null) {
                conflicts.add(name);
            } else {
                TextMerge.Outcome text = TextMerge.merge(b, t, y);
                if (text.merged()) {
                    merged.put(name, text.text());
                } else {
                    conflicts.add(name);
                }
            }
        }
        return conflicts.isEmpty() ? new Outcome(merged, List.of()) : new Outcome(null, List.copyOf(conflicts));
    }
}
