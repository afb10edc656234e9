// The national dashboard: a row per assessment the person may see (facilitators and admins: all; editors and
// leads: their organization's, as the API decides), the heatmap of sub-criteria, a summary of the rows shown and
// the projection's lag; live over GET /api/dashboard/stream. Filters are the URL's query, so an address is a view.
import { Alpine } from '../alpine.js';
import { query } from '../api.js';
import { openStream } from '../stream.js';
import { leaveView, loadOrDeny } from '../page.js';
import { heatmap } from '../heatmap.js';
import { projectionLag } from '../lag.js';
import { ROLES } from '../thai.js';
import {
  band, changedSinceReady, completion, daysLeft, filtersOf, mergeRow, notStarted, queryOf, shownRows, summarize,
} from '../dashboard-model.js';

const STATUS = { OPEN: 'กำลังจัดทำ', SUBMITTED: 'ส่งแล้ว' };
const BAND_TEXT = { basic: 'Basic', advance: 'Advance', significance: 'Significance', unrated: 'ยังไม่มีคะแนน' };
// the API's organization types (OrganizationType); there is no region in the data to filter by
const TYPES = { PROVINCE: 'จังหวัด', AGENCY: 'ส่วนราชการ' };

Alpine.data('dashboard', () => ({
  ...heatmap(),
  ...projectionLag(),
  catalog: null,
  byId: {},
  editing: {},
  filters: filtersOf({}),
  shown: [],
  sum: null,
  loaded: false,
  live: false,
  error: '',
  streams: [],
  now: Date.now(),
  clock: null,
  gone: false,

  async init() {
    this.filters = filtersOf(this.$store.route.query || {});
    this.$watch('filters', () => { this.remember(); this.refresh(); });
    this.catalog = await loadOrDeny(this, async () => (await query('GET', '/api/catalog')).body);
    if (!this.catalog || this.gone) {
      return;
    }
    this.clock = setInterval(() => { this.now = Date.now(); this.refresh(); }, 60000);
    this.streams = [openStream('/api/dashboard/stream', {
      onEvent: event => this.onEvent(event),
      onError: refused => { this.error = refused.thai; },
    })];
  },

  destroy() {
    this.gone = true;
    leaveView(this);
    this.stopProjection();
    clearInterval(this.clock);
  },

  onEvent(event) {
    if (event.event === 'dashboard') {
      // the first event, and again after every reconnect: rows already newer than it stay as they are
      for (const row of event.data.assessments) {
        mergeRow(this.byId, row);
        if (!row.activeEditors) {
          delete this.editing[row.assessmentId];
        }
      }
      this.followProjection(event.data.projection);
      this.loaded = true;
      this.live = true;
    } else if (event.event === 'row') {
      mergeRow(this.byId, event.data);
    } else if (event.event === 'presence') {
      const row = this.byId[event.data.assessmentId];
      if (row) {
        row.activeEditors = event.data.activeEditors;
      }
      if (event.data.activeEditors > 0) {
        this.editing[event.data.assessmentId] = event.data.editors;
      } else {
        delete this.editing[event.data.assessmentId];
      }
    }
    if (event.event !== 'presence') {
      this.refresh();
    }
  },

  /**
   * The rows shown and their summary, computed once per event or filter change rather than by every binding that
   * shows them (the table, the heatmap and the counts would each filter and sort 200 rows on every redraw).
   */
  refresh() {
    this.shown = shownRows(this.byId, this.filters);
    this.sum = summarize(this.shown, this.catalog, this.now);
  },

  /** The filters into the address (replacing it: a filter is no step back), so reload and bookmarks keep them. */
  remember() {
    const search = queryOf(this.filters);
    if (search !== location.search && location.pathname.startsWith('/app/dashboard')) {
      history.replaceState(null, '', location.pathname + search);
      this.$store.route.query = Object.fromEntries(new URLSearchParams(search));
    }
  },

  clearFilters() {
    this.filters = { ...filtersOf({}), sort: this.filters.sort, color: this.filters.color, open: this.filters.open };
  },

  total() {
    return Object.keys(this.byId).length;
  },

  completion,
  notStarted,
  changedSinceReady,

  bandOf(row) {
    return band(row);
  },

  bandText(level) {
    return BAND_TEXT[level] || level;
  },

  statusText(status) {
    return STATUS[status] || status;
  },

  typeText(type) {
    return TYPES[type] || type;
  },

  scoreText(row) {
    return row.score?.value === null || row.score?.value === undefined ? '–' : String(row.score.value);
  },

  reviewText(row) {
    const r = row.review;
    if (!r) {
      return '–';
    }
    return 'อนุมัติ ' + r.approved + '/' + r.sections + ' · รอตรวจ ' + r.readyForReview
           + (r.changedSinceReady ? ' · แก้หลังส่งตรวจ ' + r.changedSinceReady : '');
  },

  windowText(row) {
    if (!row.windowClosesAt) {
      return 'ยังไม่กำหนด';
    }
    const date = new Date(row.windowClosesAt).toLocaleDateString('th-TH', { dateStyle: 'medium' });
    const days = daysLeft(row, this.now);
    return date + (days < 0 ? ' (ปิดแล้ว)' : ' (อีก ' + days + ' วัน)');
  },

  editorsText(row) {
    const editors = this.editing[row.assessmentId];
    if (editors?.length) {
      const names = [...new Map(editors.map(e => [e.userId, e.name])).values()];
      return names.join(', ');
    }
    return row.activeEditors ? row.activeEditors + ' คน' : '–';
  },

  overviewHref(row) {
    return '/app/assessments/' + encodeURIComponent(row.assessmentId);
  },

  scope() {
    const person = this.$store.session.person;
    return ['EDITOR', 'LEAD'].includes(person?.role)
      ? 'เฉพาะหน่วยงานของคุณ (' + (person.organization || '') + ') ในฐานะ' + ROLES[person.role]
      : 'ทุกหน่วยงาน';
  },
}));
