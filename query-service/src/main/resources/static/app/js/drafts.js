// Unsaved text, kept in this tab's sessionStorage until the server has it: a reload, an expired token or a lost
// connection never loses what was typed. Keyed by assessment and section (e.g. criteria/1.1/basic/approach).
const PREFIX = 'pmqa.draft.';

function key(assessmentId, section) {
  return PREFIX + assessmentId + '|' + section;
}

/** Remembers {text, baseRevision} typed on top of {@code baseRevision}. */
export function keep(assessmentId, section, text, baseRevision) {
  try {
    sessionStorage.setItem(key(assessmentId, section), JSON.stringify({ text, baseRevision, at: Date.now() }));
  } catch (full) {
    // storage full or disabled: the text is still in the editor
  }
}

/** The unsaved draft of a section, or null. */
export function draftOf(assessmentId, section) {
  const stored = sessionStorage.getItem(key(assessmentId, section));
  return stored ? JSON.parse(stored) : null;
}

/** The server has the text: forget the draft (only if nothing newer was typed since). */
export function saved(assessmentId, section, text) {
  const draft = draftOf(assessmentId, section);
  if (draft && draft.text === text) {
    sessionStorage.removeItem(key(assessmentId, section));
  }
}

/** Every unsaved draft of an assessment, to save after signing in again. */
export function pending(assessmentId) {
  const found = [];
  for (let i = 0; i < sessionStorage.length; i++) {
    const name = sessionStorage.key(i);
    if (name.startsWith(PREFIX + assessmentId + '|')) {
      found.push({ section: name.substring((PREFIX + assessmentId + '|').length), ...JSON.parse(sessionStorage.getItem(name)) });
    }
  }
  return found;
}
