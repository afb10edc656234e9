package th.pmqa.studio.query.presence;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.report.AssessmentId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Who is editing one assessment right now, as the dashboard shows it (the data of its stream's {@code presence}
 * event): how many different people, and each person once per section they edit.
 */
@Schema(name = "DashboardPresence")
public record EditorsNow(@Schema(requiredMode = REQUIRED) String assessmentId,
                         @Schema(requiredMode = REQUIRED, description = "different people editing now") int activeEditors,
                         @Schema(requiredMode = REQUIRED) List<Editor> editors) {

    @Schema(name = "DashboardEditor")
    public record Editor(@Schema(requiredMode = REQUIRED) String userId, @Schema(requiredMode = REQUIRED) String name,
                         @Schema(requiredMode = REQUIRED, types = {"string", "null"}) String section) {
    }

    private static final Comparator<Editor> ORDER = Comparator.comparing(Editor::userId)
            .thenComparing(Editor::section, Comparator.nullsFirst(Comparator.naturalOrder()));

    public static EditorsNow of(String assessmentId, List<PresenceEntry> entries) {
        TreeSet<Editor> editors = new TreeSet<>(ORDER);
        for (PresenceEntry entry : entries) {
            if (entry.isEditing()) {
                editors.add(new Editor(entry.userId(), entry.name(), entry.section()));
            }
        }
        int people = (int) editors.stream().map(Editor::userId).distinct().count();
        return new EditorsNow(assessmentId, people, new ArrayList<>(editors));
    }

    /** The assessments someone is editing, of one organization ({@code null}: of all). */
    public static Map<String, EditorsNow> editing(Map<String, List<PresenceEntry>> state, String organizationOrNull) {
        Map<String, EditorsNow> editing = new TreeMap<>();
        state.forEach((assessmentId, entries) -> {
            if (organizationOrNull == null || organizationOrNull.equals(new AssessmentId(assessmentId).organizationCode())) {
                EditorsNow now = of(assessmentId, entries);
                if (now.activeEditors() > 0) {
                    editing.put(assessmentId, now);
                }
            }
        });
        return editing;
    }

    /** What changed from {@code before} to {@code after}: an assessment nobody edits any more comes with none. */
    public static List<EditorsNow> changes(Map<String, EditorsNow> before, Map<String, EditorsNow> after) {
        TreeSet<String> ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        List<EditorsNow> changed = new ArrayList<>();
        for (String id : ids) {
            EditorsNow next = after.getOrDefault(id, new EditorsNow(id, 0, List.of()));
            if (!Objects.equals(before.get(id), after.get(id))) {
                changed.add(next);
            }
        }
        return changed;
    }
}
