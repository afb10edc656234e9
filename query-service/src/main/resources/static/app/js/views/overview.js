// The overview of one assessment: per category and sub-criterion what is drafted (A-D-R per level), the rated
// level and score, the review status, who is there now, and the open comment threads; kept live by the report,
// presence and comment streams.
import { Alpine } from '../alpine.js';
import { query } from '../api.js';
import { openStream } from '../stream.js';
import { announce, initials } from '../presence.js';
import { leaveView, loadOrDeny } from '../page.js';

const WORKFLOW = { DRAFTING: 'กำลังร่าง', READY_FOR_REVIEW: 'รอตรวจทาน', APPROVED: 'อนุมัติแล้ว', REOPENED: 'เปิดแก้ไขอีกครั้ง' };
const LEVELS = { basic: 'Basic', advance: 'Advance', significance: 'Significance' };
const STATUS = { OPEN: 'กำลังจัดทำ', SUBMITTED: 'ส่งแล้ว' };

Alpine.data('overview', () => ({
  id: null,
  report: null,
  people: [],
  threads: [],
  error: '',
  streams: [],
  presence: null,
  reloading: null,
  gone: false,

  async init() {
    this.id = this.$store.route.params.id;
    const path = '/api/assessments/' + encodeURIComponent(this.id);
    this.report = await loadOrDeny(this, async () => (await query('GET', path + '/report')).body);
    if (!this.report || this.gone) {
      return; // the person moved on while the report was loading: open nothing
    }
    this.loadThreads();
    this.presence = announce(this.id, 'assessment');
    this.streams = [
      openStream(path + '/stream', { onEvent: e => this.onReport(e) }),
      openStream(path + '/presence/stream', { onEvent: e => { if (e.event === 'presence') this.people = e.data.people; } }),
      openStream(path + '/comments/stream?status=OPEN', { onEvent: () => this.loadThreads() }),
    ];
  },

  destroy() {
    this.gone = true;
    leaveView(this);
    clearTimeout(this.reloading);
  },

  onReport(event) {
    if (event.event === 'report') {
      this.report = event.data;
    } else if (event.event === 'section') {
      // a section changed: the whole report once, a moment later (several saves in a row cost one read)
      clearTimeout(this.reloading);
      this.reloading = setTimeout(async () => {
        this.report = (await query('GET', '/api/assessments/' + encodeURIComponent(this.id) + '/report')).body;
      }, 300);
    }
  },

  async loadThreads() {
    try {
      const answer = await query('GET', '/api/assessments/' + encodeURIComponent(this.id) + '/comments?status=OPEN');
      this.threads = answer.body.threads;
    } catch (ignored) {
      // the counts stay as they were; the stream tries again
    }
  },

  base() {
    return '/app/assessments/' + encodeURIComponent(this.id);
  },

  /** One entry per person (several tabs: editing wins), in the order they arrived. */
  everyone() {
    const byUser = new Map();
    for (const person of this.people) {
      const known = byUser.get(person.userId);
      if (!known || (known.activity !== 'editing' && person.activity === 'editing')) {
        byUser.set(person.userId, person);
      }
    }
    return [...byUser.values()];
  },

  at(section) {
    return this.everyone().filter(p => p.section === section);
  },

  openThreads(section) {
    return this.threads.filter(t => t.section === section || t.section.startsWith(section + '/')).length;
  },

  parts(level) {
    return ['approach', 'deploy', 'result'].map(p => (level[p]?.text?.trim() ? p[0].toUpperCase() : '–')).join(' ');
  },

  partsTitle(level) {
    const names = { approach: 'Approach', deploy: 'Deploy', result: 'Result' };
    const drafted = Object.keys(names).filter(p => level[p]?.text?.trim()).map(p => names[p]);
    return LEVELS[level.level] + ': ' + (drafted.length ? 'ร่างแล้ว ' + drafted.join(', ') : 'ยังไม่ได้ร่าง');
  },

  estimateText(estimate) {
    return this.scoreText(estimate);
  },

  scoreText(score) {
    if (!score || score.value === null || score.value === undefined) {
      return 'ยังไม่มี';
    }
    return score.value + (score.band ? ' (' + score.band.name + ')' : '');
  },

  levelName(level) {
    return LEVELS[String(level).toLowerCase()] || level; // ratings carry ADVANCE, levels advance
  },

  workflowName(state) {
    return WORKFLOW[state] || state;
  },

  statusClass(state) {
    return { approved: state === 'APPROVED', ready: state === 'READY_FOR_REVIEW' };
  },

  statusName(status) {
    return STATUS[status] || status;
  },

  initials,

  describe(person) {
    return person.name + (person.activity === 'editing' ? ' กำลังแก้ไข' : ' กำลังดู')
           + (person.section && person.section !== 'assessment' ? ' ' + person.section : '');
  },
}));
