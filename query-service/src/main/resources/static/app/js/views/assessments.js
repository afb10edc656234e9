// My assessments: the rows this person may see (their organization's; every one for facilitators and admins).
import { Alpine } from '../alpine.js';
import { query } from '../api.js';

const STATUS = { OPEN: 'กำลังจัดทำ', SUBMITTED: 'ส่งแล้ว' };

Alpine.data('assessments', () => ({
  rows: [],
  loaded: false,
  error: '',

  async init() {
    try {
      const answer = await query('GET', '/api/assessments');
      this.rows = answer.body.assessments;
    } catch (refused) {
      this.error = refused.thai;
    } finally {
      this.loaded = true;
    }
  },

  statusName(status) {
    return STATUS[status] || status;
  },
}));
