// Autosave of one text field (an A-D-R part, the analysis, the summary, an OP answer): saved a moment after typing
// stops, with the revision the text was written on (baseRevision), so the server merges what others saved since.
// A merged answer replaces the editor's text without moving the caret or losing what was typed meanwhile; a 409
// edit-conflict hands the field to the conflict dialog; a save from someone else updates a field nobody is typing
// in and shows a notice in one somebody is. Unsaved text is kept in sessionStorage (drafts.js) until saved.
import { command } from './api.js';
import { draftOf, keep, saved } from './drafts.js';
import { rebase } from './textdiff.js';

const QUIET_MS = 700;

/**
 * A field as the view shows it. {@code stored} is the server's {text, revision, author} or null (never written).
 * state: saved | saving | merged | conflict | error.
 */
export function textField(section, path, stored) {
  return {
    section, path,
    text: stored?.text ?? '',
    saved: stored?.text ?? '',
    revision: stored?.revision ?? 0,
    state: 'saved', error: '', notice: '', conflict: null,
  };
}

/** The editor of a field on the page (the element carrying {@code data-section}), if shown. */
export function editorOf(field) {
  return document.querySelector('[data-section="' + CSS.escape(field.section) + '"]');
}

/**
 * Saves fields of one assessment. {@code changed(field)} is told of every state change (the page's save-state),
 * {@code conflicted(field)} of a 409 edit-conflict (field.conflict holds base, theirs, yours, currentRevision).
 */
export function autosaver(assessmentId, { changed = () => {}, conflicted = () => {} } = {}) {
  const timers = new Map();
  const sending = new Map(); // section → the text on its way

  const set = (field, state, error = '') => {
    field.state = state;
    field.error = error;
    changed(field);
  };

  const schedule = (field, delay = QUIET_MS) => {
    clearTimeout(timers.get(field.section));
    timers.set(field.section, setTimeout(() => save(field), delay));
  };

  /** Puts {@code text} into the field and its editor, the caret kept in place by rebasing on what is shown. */
  const replace = (field, sent, text) => {
    const editor = editorOf(field);
    const now = editor ? editor.value : field.text;
    const focused = editor && editor === document.activeElement;
    const start = rebase(sent, text, now, focused ? editor.selectionStart : now.length);
    const end = focused ? rebase(sent, text, now, editor.selectionEnd).caret : start.caret;
    if (editor) {
      editor.value = start.text;
      if (focused) {
        editor.setSelectionRange(start.caret, Math.max(start.caret, end));
      }
    }
    field.text = start.text;
  };

  async function save(field) {
    clearTimeout(timers.get(field.section));
    if (field.state === 'conflict') {
      return; // the dialog decides
    }
    if (sending.has(field.section)) {
      return; // the answer to the save on its way schedules the next one
    }
    const sent = field.text;
    if (sent === field.saved) {
      set(field, field.state === 'merged' ? 'merged' : 'saved');
      return;
    }
    sending.set(field.section, sent);
    set(field, 'saving');
    try {
      const answer = (await command('PUT', field.path, { body: { text: sent, baseRevision: field.revision } })).body;
      field.revision = answer.revision;
      if (answer.merged && answer.text !== null) {
        field.saved = answer.text;
        replace(field, sent, answer.text);
        field.notice = '';
        set(field, 'merged');
      } else {
        field.saved = sent;
        set(field, 'saved');
      }
    } catch (refused) {
      if (refused.status === 409 && String(refused.type).endsWith('/edit-conflict')) {
        field.conflict = { ...refused.problem };
        set(field, 'conflict', refused.thai);
        conflicted(field);
      } else {
        set(field, 'error', refused.thai + (refused.detail ? ' — ' + refused.detail : ''));
      }
      return;
    } finally {
      sending.delete(field.section);
    }
    if (field.text === field.saved) {
      saved(assessmentId, field.section, field.text);
    } else {
      keep(assessmentId, field.section, field.text, field.revision);
      schedule(field, 0); // typed while the save was on its way
    }
  }

  return {
    save,

    /** The person typed: remember the text, save when they pause. */
    typed(field, value) {
      field.text = value;
      keep(assessmentId, field.section, value, field.revision);
      if (field.state !== 'conflict') {
        set(field, 'saving');
        schedule(field);
      }
    },

    /** Text typed before a reload or an expired sign-in, not saved yet: shown again and saved on its base. */
    restore(field) {
      const draft = draftOf(assessmentId, field.section);
      if (draft && draft.text !== field.saved) {
        field.text = draft.text;
        field.revision = Math.min(field.revision, draft.baseRevision);
        set(field, 'saving');
        schedule(field, 0);
      } else if (draft) {
        saved(assessmentId, field.section, draft.text);
      }
    },

    /** Someone saved the field ({@code stored}: {text, revision, author}); live from the report stream. */
    remote(field, stored) {
      if (!stored || stored.revision <= field.revision) {
        return;
      }
      if (sending.get(field.section) === stored.text) {
        return; // our own save, its answer still on the way
      }
      const typing = field.text !== field.saved || sending.has(field.section) || field.state === 'conflict';
      if (typing) {
        field.notice = (stored.author?.name || 'ผู้อื่น') + ' เพิ่งบันทึกช่องนี้ สิ่งที่คุณพิมพ์จะรวมกับฉบับของเขาเมื่อบันทึก';
        return;
      }
      replace(field, field.text, stored.text);
      field.saved = stored.text;
      field.revision = stored.revision;
      field.notice = '';
    },

    /** Conflict resolved: {@code text} is stored as a new revision on top of the one that conflicted. */
    resolveWith(field, text) {
      const current = field.conflict;
      field.conflict = null;
      field.revision = current.currentRevision;
      field.saved = current.theirs ?? '';
      field.text = text;
      const editor = editorOf(field);
      if (editor) {
        editor.value = text;
      }
      field.notice = '';
      field.state = 'saving';
      return save(field);
    },

    /** Conflict resolved by taking the stored text; what was typed is dropped by the person's own choice. */
    takeTheirs(field) {
      const current = field.conflict;
      field.conflict = null;
      field.revision = current.currentRevision;
      field.saved = current.theirs ?? '';
      field.text = field.saved;
      const editor = editorOf(field);
      if (editor) {
        editor.value = field.saved;
      }
      field.notice = '';
      // the draft held the person's text: replaced by theirs, then forgotten as saved
      keep(assessmentId, field.section, field.text, field.revision);
      saved(assessmentId, field.section, field.text);
      set(field, 'saved');
    },

    /** Leaving the page: send what is waiting now rather than after the pause. */
    flush(fields) {
      fields.filter(f => timers.has(f.section)).forEach(f => save(f));
      timers.forEach(clearTimeout);
      timers.clear();
    },
  };
}
