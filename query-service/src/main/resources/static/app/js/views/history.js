// The history timeslider (after Etherpad's timeslider and Google Docs' version history): a slider over every change
// of an assessment, or of one sub-criterion or OP item with its comments; at each step the section as it was, the
// step's word diff from the change feed, who wrote it (one colour per person) and everyone who wrote before; named
// versions marked and reached with Shift+←/→; the step in the address; and a comparison of any two points.
import { Alpine } from '../alpine.js';
import { query } from '../api.js';
import { leaveView, loadOrDeny } from '../page.js';
import { navigate } from '../router.js';
import { ChangeFeed, FilteredFeed, SectionHistory } from '../history/feed.js';
import { changedKey, colourOf, kindName, sectionName, sectionParts, whatName } from '../history/sections.js';
import { compare, pointOf } from '../history/compare.js';

const REPORT_DELAY = 150; // ms of rest before the report at a step is fetched: dragging fetches none in between
const PLAY_EVERY = 900;
const CACHED_REPORTS = 40;

Alpine.data('history', () => {
  // outside Alpine's reactivity: thousands of entries need no proxies
  let source = null;
  const reports = new Map();
  const firstSeen = new Map();
  let scanned = 0;

  return {
    id: null, filters: {}, title: '', error: '', loading: 'กำลังโหลดประวัติ…',
    total: 0, step: 0, entry: null, parts: [], partsStep: 0, authors: [], labels: [], playing: null,
    criteria: [], items: [], currentPosition: 0, streams: [], gone: false, timers: {},
    compareFrom: '', compareTo: 'ล่าสุด', comparison: null, comparing: false, compareError: '',

    async init() {
      this.id = this.$store.route.params.id;
      const q = this.$store.route.query;
      this.filters = { criterion: q.criterion || '', item: q.item || '', author: q.author || '', from: q.from || '',
                       to: q.to || '' };
      const report = await loadOrDeny(this, () => this.reportAt(null));
      if (!report || this.gone) {
        return;
      }
      this.currentPosition = report.position;
      this.title = report.organization.name + ' · ปีงบประมาณ ' + report.fiscalYear;
      this.criteria = report.categories.flatMap(c => c.criteria.map(k => ({ id: k.id, title: k.title })));
      this.items = report.profile.questions.flatMap(qn => qn.items.map(i => ({ number: i.number, title: i.title })));
      this.labels = report.labels.map(l => ({ ...l, step: null }));
      source = this.sourceFor(this.filters);
      try {
        this.total = await source.open(this.currentPosition, (done, all) => {
          this.loading = 'กำลังโหลดประวัติ ' + done + ' / ' + all;
        });
      } catch (refused) {
        this.error = refused.thai || String(refused);
        return;
      }
      this.loading = '';
      const asked = Number.parseInt(q.position, 10);
      await this.go(Number.isFinite(asked) ? asked : this.total);
      this.placeLabels();
      source.fill(() => this.scanAuthors()).then(() => this.scanAuthors(), () => {});
    },

    destroy() {
      this.gone = true;
      this.pause();
      Object.values(this.timers).forEach(clearTimeout);
      leaveView(this);
    },

    sourceFor(f) {
      const range = { author: f.author, from: dayStart(f.from), to: dayEnd(f.to) };
      if (f.criterion) {
        return new SectionHistory(this.id, 'criteria/' + encodeURIComponent(f.criterion), range);
      }
      if (f.item) {
        return new SectionHistory(this.id, 'profile/' + encodeURIComponent(f.item), range);
      }
      const feed = new ChangeFeed(this.id);
      if (!f.author && !f.from && !f.to) {
        return feed;
      }
      return new FilteredFeed(feed, e => (!range.author || e.author?.userId === range.author)
                                         && (!range.from || e.at >= range.from) && (!range.to || e.at <= range.to));
    },

    /** Moves to a step: its diff at once (from the feed), the section as it was once the slider rests. */
    async go(wanted) {
      if (!this.total) {
        return;
      }
      const step = Math.min(this.total, Math.max(1, Math.round(wanted) || 1));
      const direction = Math.sign(step - this.step) || 1;
      this.step = step;
      this.rememberInAddress();
      const entry = source.get(step) || await source.ensure(step);
      if (this.gone || this.step !== step) {
        return; // the person moved on while this step was loading
      }
      this.entry = entry || null;
      source.prefetch(step, direction);
      this.scanAuthors();
      clearTimeout(this.timers.report);
      this.timers.report = setTimeout(() => this.showSectionAt(step, entry), REPORT_DELAY);
    },

    async showSectionAt(step, entry) {
      if (!entry) {
        return;
      }
      try {
        const report = await this.reportAt(entry.position);
        if (this.step === step) {
          this.parts = sectionParts(report, entry.section);
          this.partsStep = step;
        }
      } catch (refused) {
        this.error = refused.thai || String(refused);
      }
    },

    async reportAt(position) {
      if (position !== null && reports.has(position)) {
        return reports.get(position);
      }
      const path = '/api/assessments/' + encodeURIComponent(this.id) + '/report'
                   + (position === null ? '' : '?position=' + position);
      const report = (await query('GET', path)).body;
      if (position !== null) {
        reports.set(position, report);
        if (reports.size > CACHED_REPORTS) {
          reports.delete(reports.keys().next().value);
        }
      }
      return report;
    },

    rememberInAddress() {
      clearTimeout(this.timers.address);
      this.timers.address = setTimeout(() => {
        if (this.gone) {
          return;
        }
        const params = new URLSearchParams();
        Object.entries(this.filters).forEach(([k, v]) => { if (v) params.set(k, v); });
        params.set('position', String(this.step));
        history.replaceState(null, '', location.pathname + '?' + params);
      }, 120);
    },

    scanAuthors() {
      let changed = false;
      for (; scanned < source.filled; scanned++) {
        const author = source.get(scanned + 1)?.author;
        if (author && !firstSeen.has(author.userId)) {
          firstSeen.set(author.userId, { ...author, step: scanned + 1, colour: colourOf(author.userId) });
          changed = true;
        }
      }
      const upTo = [...firstSeen.values()].filter(a => a.step <= this.step);
      if (changed || upTo.length !== this.authors.length) {
        this.authors = upTo;
      }
    },

    authorsComplete() {
      return source && source.filled >= this.step;
    },

    knownAuthors() {
      const all = [...firstSeen.values()];
      if (this.filters.author && !all.some(a => a.userId === this.filters.author)) {
        all.push({ userId: this.filters.author, name: this.filters.author });
      }
      return all;
    },

    async placeLabels() {
      for (const label of this.labels) {
        try {
          label.step = await source.stepAt(label.position);
        } catch (ignored) {
          label.step = null;
        }
      }
      this.labels = this.labels.filter(l => l.step >= 1);
    },

    prev() { this.go(this.step - 1); },
    next() { this.go(this.step + 1); },

    jumpLabel(direction) {
      const steps = this.labels.map(l => l.step).filter(s => (direction > 0 ? s > this.step : s < this.step));
      if (steps.length) {
        this.go(direction > 0 ? Math.min(...steps) : Math.max(...steps));
      }
    },

    onKey(event) {
      const target = event.target;
      const typing = target.closest?.('input, textarea, select') && target.dataset?.testid !== 'timeslider';
      if (typing || event.altKey || event.ctrlKey || event.metaKey || !this.total) {
        return;
      }
      const moves = {
        ArrowLeft: () => (event.shiftKey ? this.jumpLabel(-1) : this.prev()),
        ArrowRight: () => (event.shiftKey ? this.jumpLabel(1) : this.next()),
        Home: () => this.go(1),
        End: () => this.go(this.total),
      };
      if (moves[event.key]) {
        event.preventDefault();
        moves[event.key]();
      }
    },

    togglePlay() {
      if (this.playing) {
        this.pause();
        return;
      }
      if (this.step >= this.total) {
        this.go(1);
      }
      this.playing = setInterval(() => (this.step >= this.total ? this.pause() : this.next()), PLAY_EVERY);
    },

    pause() {
      clearInterval(this.playing);
      this.playing = null;
    },

    applyFilters() {
      const params = new URLSearchParams();
      Object.entries(this.filters).forEach(([k, v]) => { if (v) params.set(k, v); });
      navigate(location.pathname + (params.size ? '?' + params : ''));
    },

    async runCompare() {
      this.compareError = '';
      this.comparing = true;
      try {
        const positionOfStep = async step => (await source.ensure(step))?.position;
        const now = async () => (await this.reportAt(null)).position;
        const from = await pointOf(this.compareFrom, this.labels, positionOfStep, now);
        const to = await pointOf(this.compareTo, this.labels, positionOfStep, now);
        this.comparison = await compare(this.id, from, to);
      } catch (refused) {
        this.comparison = null;
        this.compareError = refused.thai || refused.message;
      } finally {
        this.comparing = false;
      }
    },

    labelLeft(label) {
      return { left: (this.total > 1 ? (label.step - 1) / (this.total - 1) * 100 : 0) + '%' };
    },

    when(at) {
      return at ? new Date(at).toLocaleString('th-TH', { dateStyle: 'medium', timeStyle: 'medium' }) : '';
    },

    colourOf, sectionName, whatName, kindName,

    changedKey() {
      return this.entry ? changedKey(this.entry.section, this.entry.what) : '';
    },

    timelineClass(e) {
      return colourOf(e.author?.userId) + (e.step === this.step ? ' current' : '') + (kindName(e.kind) ? ' note' : '');
    },

    timeline() {
      const around = [];
      void this.entry; // drawn again once a step's page has arrived
      for (let s = Math.max(1, this.step - 6); s <= Math.min(this.total, this.step + 6); s++) {
        const e = source?.get(s);
        if (e) {
          around.push(e);
        }
      }
      return around;
    },
  };
});

function dayStart(date) {
  return date ? new Date(date + 'T00:00:00').toISOString() : '';
}

function dayEnd(date) {
  return date ? new Date(date + 'T23:59:59.999').toISOString() : '';
}
