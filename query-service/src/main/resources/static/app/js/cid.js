// The C-I-D worksheet behind the Advance level (the seed's "กระบวนการ C I D"): one row per Collaboration,
// Innovation or Digitalization item. A row is edited in place and saved when a field is left, with the revision
// it was loaded at; a row someone else changed the same field of comes back 409 and is shown as stored now.
import { command } from './api.js';

const KINDS = { C: 'C (Collaboration)', I: 'I (Innovation)', D: 'D (Digitalization)' };
const emptyRow = () => ({ kind: 'C', data: '', output: '', process: '', need: '' });

export function cidRows() {
  return {
    cidEdits: {},
    newCid: emptyRow(),
    cidError: '',
    cidKinds: KINDS,

    /** The stored rows, each with the person's unsaved edit of it if there is one. */
    cidRowsNow() {
      const rows = this.content?.levels.find(l => l.level === 'advance')?.cid || [];
      return rows.map(row => this.cidEdits[row.rowId] || { ...row });
    },

    cidEdited(row) {
      this.cidEdits[row.rowId] = row;
    },

    async saveCid(row) {
      if (!this.cidEdits[row.rowId]) {
        return;
      }
      this.cidError = '';
      try {
        await command('PUT', this.criterionPath() + '/cid/' + encodeURIComponent(row.rowId), {
          body: { kind: row.kind, data: row.data, output: row.output, process: row.process, need: row.need,
                  baseRevision: row.revision },
        });
        delete this.cidEdits[row.rowId];
      } catch (refused) {
        this.cidError = refused.thai + (refused.detail ? ' — ' + refused.detail : '');
        if (refused.status === 409) {
          delete this.cidEdits[row.rowId]; // the row as stored now is shown; the message says what happened
        }
      }
    },

    async addCid() {
      this.cidError = '';
      try {
        await command('POST', this.criterionPath() + '/cid', { body: { ...this.newCid } });
        this.newCid = emptyRow();
      } catch (refused) {
        this.cidError = refused.thai + (refused.detail ? ' — ' + refused.detail : '');
      }
    },

    async removeCid(row) {
      try {
        await command('DELETE', this.criterionPath() + '/cid/' + encodeURIComponent(row.rowId));
        delete this.cidEdits[row.rowId];
      } catch (refused) {
        this.cidError = refused.thai;
      }
    },
  };
}
