// The conflict dialog: a save came back 409 edit-conflict (someone changed the same words since the text was
// loaded). It shows the text both started from (base), what is stored now (theirs) and this person's text (yours),
// the last two as word-level differences from the base, and lets them keep theirs, keep mine, or edit a text of
// their own from the two. Nothing typed is dropped without the person choosing it: "yours" is the editor's text as
// it is now, including what was typed after the save that conflicted.
import { diff } from './textdiff.js';
import { editorOf } from './autosave.js';

/** The dialog's state and actions, mixed into a view that has {@code saver} (autosave.js) and views/conflict-dialog.html. */
export function conflictDialog() {
  return {
    conflict: null, // {field, base, theirs, yours, revision, author, theirsChunks, yoursChunks}
    conflictQueue: [],
    merged: '',

    /** autosave.js calls this with a field whose save conflicted. */
    openConflict(field) {
      if (this.conflict) {
        if (field.isRow) {
          this.conflictQueue.push(field);
          return;
        }
        if (this.conflict.field !== field && !this.conflictQueue.includes(field)) {
          this.conflictQueue.push(field);
        }
        if (this.conflict.field === field) {
          this.showConflict(field); // conflicted again (someone saved once more): the newest texts
        }
        return;
      }
      this.showConflict(field);
    },

    showConflict(field) {
      if (field.isRow) {
        this.showRowConflict(field);
        return;
      }
      const problem = field.conflict;
      const yours = editorOf(field)?.value ?? field.text;
      const base = problem.base;
      const theirs = problem.theirs ?? '';
      this.conflict = {
        field, base, theirs, yours, revision: problem.currentRevision, author: problem.lastAuthor?.name || '',
        baseKnown: base !== null && base !== undefined,
        // without the base (too old to be known) theirs and yours are compared with each other
        theirsChunks: diff(base ?? yours, theirs),
        yoursChunks: diff(base ?? theirs, yours),
      };
      this.merged = yours;
      const dialog = this.conflictElement();
      if (!dialog.open) {
        dialog.showModal();
      }
    },

    /**
     * A row (cid.js) whose save came back 409 row-edit-conflict: the same dialog, the row's fields as lines of text.
     * The server keeps no base of a row for the page, so theirs and yours are compared with each other; and a row
     * is not one text to edit, so the person keeps theirs or mine (then edits the row in the table).
     * {@code row}: {isRow, title, theirs, yours, revision, author, keepMine(), takeTheirs(), dismissed()}.
     */
    showRowConflict(row) {
      this.conflict = {
        field: null, row, base: null, theirs: row.theirs, yours: row.yours, revision: row.revision,
        author: row.author || '', baseKnown: false,
        theirsChunks: diff(row.yours, row.theirs), yoursChunks: diff(row.theirs, row.yours),
      };
      this.merged = '';
      const dialog = this.conflictElement();
      if (!dialog.open) {
        dialog.showModal();
      }
    },

    conflictElement() {
      return this.$root.querySelector('dialog.conflict');
    },

    conflictTitle() {
      if (!this.conflict) {
        return '';
      }
      return this.conflict.row ? this.conflict.row.title : this.labelOf(this.conflict.field.section);
    },

    async keepMine() {
      if (this.conflict.row) {
        await this.finishConflict(row => row.keepMine());
        return;
      }
      const mine = this.conflict.yours;
      await this.finishConflict(field => this.saver.resolveWith(field, mine));
    },

    async takeTheirs() {
      if (this.conflict.row) {
        await this.finishConflict(row => row.takeTheirs());
        return;
      }
      await this.finishConflict(field => this.saver.takeTheirs(field));
    },

    async saveMerged() {
      const merged = this.merged;
      await this.finishConflict(field => this.saver.resolveWith(field, merged));
    },

    async finishConflict(action) {
      const field = this.conflict.row || this.conflict.field;
      this.conflictElement().close();
      this.conflict = null;
      await action(field);
      if (!this.conflict && this.conflictQueue.length) {
        this.showConflict(this.conflictQueue.shift());
      }
      if (!field.isRow) {
        editorOf(field)?.focus();
      }
    },

    /**
     * Escape closes a modal dialog: the field stays in conflict (not saved, its text kept) and offers to open the
     * dialog again beside it.
     */
    conflictDismissed() {
      if (this.conflict) {
        const field = this.conflict.field;
        const row = this.conflict.row;
        this.conflict = null;
        if (row) {
          row.dismissed();
        } else {
          field.error = 'ยังไม่ได้แก้ข้อขัดแย้ง ข้อความของคุณยังไม่ถูกบันทึก';
        }
        if (this.conflictQueue.length) {
          this.$nextTick(() => this.showConflict(this.conflictQueue.shift()));
        }
      }
    },

    chunkClass(chunk) {
      return { '=': 'same', '+': 'added', '-': 'removed' }[chunk.op];
    },

    chunkLabel(chunk) {
      return { '=': '', '+': 'เพิ่ม: ', '-': 'ลบ: ' }[chunk.op];
    },
  };
}
