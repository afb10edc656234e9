// The report, read-only, in Application Report order as the query side renders it (report.html), now or as it was
// at a position, an instant or a named version; the choice is the address (?position=N, ?asOf=ISO, ?label=NAME), so
// it can be sent to a colleague and the back button returns to the previous one.
import { Alpine } from '../alpine.js';
import { query } from '../api.js';
import { leaveView, loadOrDeny } from '../page.js';
import { fetchReportHtml, printFrame, showInFrame } from '../reportframe.js';

const POINTS = ['label', 'position', 'asOf'];

/** An ISO instant as the value of a datetime-local field (the browser's time zone), or '' when it is none. */
function localInput(iso) {
  const at = new Date(iso);
  if (!iso || Number.isNaN(at.getTime())) {
    return '';
  }
  return new Date(at.getTime() - at.getTimezoneOffset() * 60000).toISOString().substring(0, 19);
}

function thaiDateTime(iso) {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toLocaleString('th-TH', { dateStyle: 'medium', timeStyle: 'medium' });
}

Alpine.data('report', () => ({
  id: null,
  labels: [],
  point: {},
  positionInput: '',
  asOfInput: '',
  labelInput: '',
  ready: false,
  loading: false,
  shown: false,
  error: '',
  streams: [], // none: a report at a point in time does not change; leaveView expects the list
  generation: 0,
  stopFitting: null,
  gone: false,

  async init() {
    this.id = this.$store.route.params.id;
    this.take(this.$store.route.query);
    // the named versions first: also where a person of another organization is refused (403, access-denied)
    const labels = await loadOrDeny(this, async () => (await query('GET', this.apiPath() + '/labels')).body.labels);
    if (!labels || this.gone) {
      return;
    }
    this.labels = labels;
    this.ready = true;
    await this.load();
  },

  destroy() {
    this.gone = true;
    this.stopFitting?.();
    leaveView(this);
  },

  apiPath() {
    return '/api/assessments/' + encodeURIComponent(this.id);
  },

  base() {
    return '/app/assessments/' + encodeURIComponent(this.id);
  },

  /** The point the address names, and the chooser's fields set to it. */
  take(search) {
    this.point = Object.fromEntries(POINTS.filter(key => search[key] !== undefined).map(key => [key, search[key]]));
    this.positionInput = this.point.position ?? '';
    this.asOfInput = localInput(this.point.asOf);
    this.labelInput = this.point.label ?? '';
  },

  async load() {
    const mine = ++this.generation;
    this.loading = true;
    this.error = '';
    const html = await loadOrDeny(this, () => fetchReportHtml(this.id, new URLSearchParams(this.point)));
    if (mine !== this.generation || this.gone) {
      return; // another point was chosen meanwhile, or the person left
    }
    this.loading = false;
    this.shown = html !== null;
    if (html === null) {
      return; // the error says why (a position before the assessment existed, an unknown name…)
    }
    await this.$nextTick(); // the frame is shown before it is filled, so it is measured at its real width
    this.stopFitting?.();
    this.stopFitting = showInFrame(this.$refs.frame, html);
  },

  /** A new point: into the address (a history entry of its own) and onto the screen. */
  go(point) {
    const search = new URLSearchParams(point).toString();
    history.pushState(null, '', location.pathname + (search ? '?' + search : ''));
    this.$store.route.query = { ...point };
    this.take(point);
    return this.load();
  },

  choosePosition() {
    return this.go({ position: String(this.positionInput).trim() });
  },

  chooseInstant() {
    const at = new Date(this.asOfInput); // the field is in the browser's time zone; the address says UTC
    return Number.isNaN(at.getTime()) ? undefined : this.go({ asOf: at.toISOString() });
  },

  chooseLabel() {
    return this.go(this.labelInput ? { label: this.labelInput } : {});
  },

  latest() {
    return this.go({});
  },

  print() {
    printFrame(this.$refs.frame);
  },

  labelText(label) {
    return label.label + ' · position ' + label.position + ' · ' + thaiDateTime(label.at);
  },

  showing() {
    if (this.point.label !== undefined) {
      const named = this.labels.find(l => l.label === this.point.label);
      return 'ฉบับที่ตั้งชื่อ "' + this.point.label + '"' + (named ? ' (position ' + named.position + ')' : '');
    }
    if (this.point.position !== undefined) {
      return 'ฉบับ ณ position ' + this.point.position;
    }
    if (this.point.asOf !== undefined) {
      return 'ฉบับ ณ ' + thaiDateTime(this.point.asOf);
    }
    return 'ฉบับปัจจุบัน';
  },
}));
