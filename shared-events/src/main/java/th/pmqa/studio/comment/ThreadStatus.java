package th.pmqa.studio.comment;

/** Whether a thread still asks for something ({@code OPEN}) or has been settled ({@code RESOLVED}). */
public enum ThreadStatus {
    OPEN, RESOLVED
}
