package th.pmqa.studio.query.presence;

import th.pmqa.studio.report.AssessmentId;

import java.time.Instant;
import java.util.Comparator;

/**
 * One browser tab of one person on one assessment: where they are ({@code section}, {@code null} when on no
 * particular section) and whether they are viewing or editing. {@code since} is when this tab came to that section
 * and activity, {@code seenAt} its last heartbeat (the receiving node's clock).
 */
public record PresenceEntry(String assessmentId, String userId, String name, String clientId, String section,
                           Activity activity, Instant since, Instant seenAt) {

    /** Stable order of a list: by person, then by tab. */
    public static final Comparator<PresenceEntry> ORDER = Comparator.comparing(PresenceEntry::userId)
                                                                   .thenComparing(PresenceEntry::clientId);

    public enum Activity {
        VIEWING, EDITING;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static java.util.Optional<Activity> parse(String text) {
            for (Activity activity : values()) {
                if (activity.wire().equals(text)) {
                    return java.util.Optional.of(activity);
                }
            }
            return java.util.Optional.empty();
        }
    }

    public String organizationCode() {
        return new AssessmentId(assessmentId).organizationCode();
    }

    public boolean sameTab(PresenceEntry other) {
        return assessmentId.equals(other.assessmentId) && userId.equals(other.userId) && clientId.equals(other.clientId);
    }

    public boolean isEditing() {
        return activity == Activity.EDITING;
    }

    /** What a list shows of this entry, leaving out the tab's id. */
    public Person person() {
        return new Person(userId, name, section, activity.wire(), since, seenAt);
    }

    /** The same entry without the time of the last heartbeat: what a stream compares to decide whether to send. */
    Object withoutSeenAt() {
        return java.util.Arrays.asList(userId, name, clientId, section, activity, since);
    }
}
