// The C-I-D worksheet behind the Advance level (the seed's "กระบวนการ C I D"): one row per Collaboration,
// Innovation or Digitalization item. A row is edited in place and saved when a field is left, with the revision
// it was loaded at. A row someone else changed the same field of comes back 409 row-edit-conflict and opens the
// conflict dialog (conflict.js) as a text does: keep mine (saved on the current revision) or take theirs; until
// then the person's edit stays in the table.
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
        if (refused.status === 409 && String(refused.type).endsWith('/row-edit-conflict')) {
          this.openConflict(this.cidConflict(row, refused.problem));
          return;
        }
        this.cidError = refused.thai + (refused.detail ? ' — ' + refused.detail : '');
        if (refused.status === 409) {
          delete this.cidEdits[row.rowId]; // approved or submitted: the row as stored now, the message says why
        }
      }
    },

    /** The conflict dialog's view of a row: its fields as lines, and what keep mine and take theirs do. */
    cidConflict(row, problem) {
      const mine = { ...row };
      return {
        isRow: true,
        title: 'แถว C-I-D “' + (problem.current?.data || row.data) + '”',
        theirs: this.cidText(problem.current || {}),
        yours: this.cidText(mine),
        revision: problem.currentRevision,
        author: problem.lastAuthor?.name,
        keepMine: () => {
          const again = { ...mine, revision: problem.currentRevision };
          this.cidEdits[row.rowId] = again;
          return this.saveCid(again);
        },
        takeTheirs: () => {
          delete this.cidEdits[row.rowId];
        },
        dismissed: () => {
          this.cidError = 'ยังไม่ได้แก้ข้อขัดแย้งของแถว C-I-D การแก้ไขของคุณยังไม่ถูกบันทึก';
        },
      };
    },

    cidText(row) {
      return [KINDS[row.kind] || row.kind || '', 'ระบุข้อมูล: ' + (row.data || ''),
              'ผลผลิตที่จะเกิดขึ้น: ' + (row.output || ''), 'กระบวนการที่เกี่ยวข้อง: ' + (row.process || ''),
              'ตอบสนองความต้องการ: ' + (row.need || '')].join('\n');
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
