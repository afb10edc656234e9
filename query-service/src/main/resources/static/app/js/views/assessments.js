// My assessments: the rows this person may see (their organization's; every one for facilitators and admins), and
// for a lead (or an admin) the form that opens a new one.
import { Alpine } from '../alpine.js';
import { command, query } from '../api.js';
import { navigate } from '../router.js';

const STATUS = { OPEN: 'กำลังจัดทำ', SUBMITTED: 'ส่งแล้ว' };

/**
 * Waits until the query service has projected a just-opened assessment. The command answers once the event is
 * stored, the read side follows moments later: the overview opened at once found no report yet (404) on a busy
 * machine and stayed on "not found" (TeamEntryBrowserTest, CI). Gives up after about 15 s and lets the overview say.
 */
async function readable(assessmentId) {
  const path = '/api/assessments/' + encodeURIComponent(assessmentId) + '/report';
  for (let wait = 50, waited = 0; waited < 15000; waited += wait, wait = Math.min(wait * 2, 1000)) {
    try {
      await query('GET', path);
      return;
    } catch (refused) {
      if (refused.status !== 404) {
        return;
      }
    }
    await new Promise(resolve => setTimeout(resolve, wait));
  }
}

/** The Buddhist-era fiscal year now: it starts on 1 October. */
function currentFiscalYear() {
  const now = new Date();
  return now.getFullYear() + 543 + (now.getMonth() >= 9 ? 1 : 0);
}

Alpine.data('assessments', () => ({
  rows: [],
  loaded: false,
  error: '',
  form: { organizationName: '', organizationCode: '', organizationType: 'PROVINCE', fiscalYear: currentFiscalYear() },
  openError: '',
  field: null,
  busy: false,

  async init() {
    this.form.organizationCode = this.$store.session.person?.organization || '';
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

  mayOpen() {
    return ['LEAD', 'ADMIN'].includes(this.$store.session.person?.role);
  },

  /** A lead opens assessments of their own organization only (the server checks it too). */
  ownOrganizationOnly() {
    return this.$store.session.person?.role === 'LEAD';
  },

  async open() {
    this.busy = true;
    this.openError = '';
    this.field = null;
    try {
      const catalog = (await query('GET', '/api/catalog')).body;
      const answer = await command('POST', '/api/assessments', {
        body: { ...this.form, organizationCode: this.form.organizationCode.trim(), catalogVersion: catalog.version },
      });
      await readable(answer.body.assessmentId);
      navigate('/app/assessments/' + encodeURIComponent(answer.body.assessmentId));
    } catch (refused) {
      this.openError = refused.thai + (refused.detail ? ' — ' + refused.detail : '');
      this.field = refused.field;
    } finally {
      this.busy = false;
    }
  },
}));
