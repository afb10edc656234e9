package th.pmqa.studio.command.report;

import th.pmqa.studio.report.Author;

/** The current state of one revisioned text, kept exactly as written (never normalized). */
record StoredText(String text, long revision, Author lastAuthor) {

    static final StoredText NEVER_WRITTEN = new StoredText("", 0, null);
}
