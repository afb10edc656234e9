// The worksheet of one sub-criterion: Step-1 (the analysis, linked OP items and indicator groups, A-D-R per level
// beside the catalog's requirement, explanation and example, results, C-I-D rows) and Step-2 (the summary and the
// rating). Texts autosave (autosave.js); the report stream keeps everything live, and the overall estimate with it.
import { Alpine } from '../alpine.js';
import { query } from '../api.js';
import { openStream } from '../stream.js';
import { announce, initials } from '../presence.js';
import { followPageLife, leaveView, loadOrDeny } from '../page.js';
import { autosaver, textField } from '../autosave.js';
import { conflictDialog } from '../conflict.js';
import { commentThreads } from '../comments.js';
import { include, includeWhere } from '../partials.js';
import { ratingControl } from '../rating.js';
import { resultsTable } from '../results.js';
import { cidRows } from '../cid.js';
import { linksPicker } from '../links.js';
import { workflowButtons } from '../workflow.js';

const PART_NAMES = { approach: 'Approach (A) แนวทาง', deploy: 'Deploy (D) การนำไปปฏิบัติ', result: 'Result (R) ผลลัพธ์' };
const LEVEL_NAMES = { basic: 'Basic', advance: 'Advance', significance: 'Significance' };
const STATE_TEXT = {
  saved: 'บันทึกแล้ว', saving: 'กำลังบันทึก…', merged: 'บันทึกแล้ว รวมกับการแก้ไขของผู้อื่น',
  conflict: 'ขัดแย้งกับการแก้ไขของผู้อื่น ยังไม่ได้บันทึก', error: 'บันทึกไม่สำเร็จ',
};

Alpine.data('worksheet', () => ({
  ...conflictDialog(),
  ...commentThreads(),
  ...ratingControl(),
  ...resultsTable(),
  ...cidRows(),
  ...linksPicker(),
  ...workflowButtons(),
  id: null,
  criterionId: null,
  catalog: null,
  criterion: null,
  content: null,
  estimate: null,
  fiscalYear: null,
  categoryScore: null,
  fields: {},
  lastEdited: null,
  error: '',
  people: [],
  saver: null,
  streams: [],
  presence: null,
  refreshing: null,
  levels: ['basic', 'advance', 'significance'],
  parts: ['approach', 'deploy', 'result'],

  async init() {
    this.id = this.$store.route.params.id;
    this.criterionId = this.$store.route.params.criterionId;
    const loaded = await loadOrDeny(this, () => Promise.all([
      query('GET', this.assessmentPath() + '/report').then(a => a.body),
      query('GET', '/api/catalog').then(a => a.body),
    ]));
    if (!loaded) {
      return;
    }
    let report;
    [report, this.catalog] = loaded;
    this.criterion = this.catalog.criteria.find(c => c.id === this.criterionId);
    const content = this.contentIn(report);
    if (!this.criterion || !content) {
      this.error = 'ไม่พบหัวข้อย่อย ' + this.criterionId + ' ในเกณฑ์ฉบับนี้';
      return;
    }
    await Promise.all([include(this.$root, 'conflict-dialog'), include(this.$root, 'comments')]);
    this.saver = autosaver(this.id, { conflicted: field => this.openConflict(field) });
    this.createFields(content);
    this.applyReport(report);
    Object.values(this.fields).forEach(field => this.saver.restore(field));
    this.loadSuggestions();
    this.presence = announce(this.id, this.section());
    this.streams = [
      openStream(this.assessmentPath() + '/stream', { onEvent: e => this.onReport(e) }),
      this.followComments(this.section()),
      openStream(this.assessmentPath() + '/presence/stream', {
        onEvent: e => { if (e.event === 'presence') this.people = e.data.people; },
      }),
    ];
    followPageLife(this);
    includeWhere(this, 'workflow');
  },

  destroy() {
    leaveView(this);
    clearTimeout(this.refreshing);
  },

  assessmentPath() {
    return '/api/assessments/' + encodeURIComponent(this.id);
  },

  criterionPath() {
    return this.assessmentPath() + '/criteria/' + encodeURIComponent(this.criterionId);
  },

  workflowSection() {
    return this.criterionId;
  },

  workflowState() {
    return this.content?.workflow || 'DRAFTING';
  },

  section() {
    return 'criteria/' + this.criterionId;
  },

  contentIn(report) {
    for (const category of report.categories) {
      const found = category.criteria.find(c => c.id === this.criterionId);
      if (found) {
        this.categoryScore = category.score;
        return found;
      }
    }
    return null;
  },

  createFields(content) {
    const fields = {};
    for (const level of content.levels) {
      for (const part of this.parts) {
        const section = this.section() + '/' + level.level + '/' + part;
        fields[section] = textField(section, this.criterionPath() + '/levels/' + level.level + '/' + part, level[part]);
      }
    }
    fields[this.section() + '/analysis'] = textField(this.section() + '/analysis', this.criterionPath() + '/analysis',
                                                     content.analysis);
    fields[this.section() + '/summary'] = textField(this.section() + '/summary', this.criterionPath() + '/summary',
                                                    content.summary);
    this.fields = fields;
  },

  field(name) {
    return this.fields[this.section() + '/' + name];
  },

  adr(level, part) {
    return this.field(level + '/' + part);
  },

  /** The whole report: on loading, and as the stream's first event (also after it reconnects). */
  applyReport(report) {
    this.estimate = report.estimatedScore;
    this.fiscalYear = report.fiscalYear;
    const content = this.contentIn(report);
    if (content) {
      this.applyContent(content);
    }
  },

  applyContent(content) {
    this.content = content;
    for (const level of content.levels) {
      for (const part of this.parts) {
        this.saver.remote(this.adr(level.level, part), level[part]);
      }
    }
    this.saver.remote(this.field('analysis'), content.analysis);
    this.saver.remote(this.field('summary'), content.summary);
    this.showRating(content.rating);
    this.showLinks(content);
  },

  onReport(event) {
    if (event.event === 'report') {
      this.applyReport(event.data);
    } else if (event.event === 'section' && this.saver) {
      if (event.data.section === this.section() && event.data.content) {
        this.applyContent(event.data.content);
      }
      if (event.data.change?.kind === 'RATING' || event.data.section === 'assessment') {
        this.refreshEstimate(event.data.position);
      }
    }
  },

  /**
   * A rating anywhere moves the category and overall estimates: the report is read again once it has the change
   * (a live event can come before the stored report has it), a few times at most.
   */
  refreshEstimate(position, attempt = 0) {
    clearTimeout(this.refreshing);
    this.refreshing = setTimeout(async () => {
      try {
        const report = (await query('GET', this.assessmentPath() + '/report')).body;
        this.estimate = report.estimatedScore;
        this.contentIn(report);
        if (report.position < position && attempt < 20) {
          this.refreshEstimate(position, attempt + 1);
        }
      } catch (ignored) {
        // the next rating tries again
      }
    }, 200 + 100 * attempt);
  },

  /** Facilitators and admins read; the organization's editors and leads write (the API's EDIT_DRAFT). */
  mayEdit() {
    return ['EDITOR', 'LEAD'].includes(this.$store.session.person?.role);
  },

  typed(field, event) {
    this.lastEdited = field.section;
    this.saver.typed(field, event.target.value);
  },

  editing(active) {
    this.presence?.update(this.section(), active ? 'editing' : 'viewing');
  },

  catalogLevel(level) {
    return this.criterion.levels.find(l => l.level.toLowerCase() === level) || {};
  },

  /** The seed's prompt for the field, or else the A-D-R guidance of the level. */
  placeholder(level, part) {
    const prompt = this.criterion.prompts.find(p => p.level?.toLowerCase() === level && p.part?.toLowerCase() === part);
    if (prompt) {
      return prompt.text;
    }
    const guidance = this.catalog.adrGuidance.find(g => g.level.toLowerCase() === level);
    return guidance ? guidance[part] || '' : '';
  },

  summaryPlaceholder() {
    return this.criterion.prompts.find(p => !p.level)?.text || this.catalog.workshopSteps?.stepTwo || '';
  },

  levelName(level) {
    return LEVEL_NAMES[level] || level;
  },

  partName(part) {
    return PART_NAMES[part];
  },

  /** The save state shown at the top: the field edited last. */
  saveState() {
    return this.lastEdited ? this.fields[this.lastEdited].state : 'saved';
  },

  stateText(state) {
    return STATE_TEXT[state] || '';
  },

  scoreText(score) {
    if (!score || score.value === null || score.value === undefined) {
      return 'ยังไม่มี';
    }
    return score.value + (score.band ? ' (' + score.band.english + ' · ' + score.band.name + ')' : '');
  },

  here() {
    const byUser = new Map();
    this.people.filter(p => p.section === this.section())
      .forEach(p => { if (!byUser.has(p.userId) || p.activity === 'editing') byUser.set(p.userId, p); });
    return [...byUser.values()];
  },

  initials,

  /** What a comment may be about on this worksheet: each of its texts. */
  commentSections() {
    return Object.keys(this.fields).map(section => ({ section, label: this.labelOf(section) }));
  },

  /** Who wrote the texts and rows this worksheet shows: people to offer after "@" (mentions.js). */
  peopleSeen() {
    const levels = this.content?.levels || [];
    return [...levels.flatMap(l => [...this.parts.map(p => l[p]?.author), ...(l.cid || []).map(r => r.author)]),
            this.content?.analysis?.author, this.content?.summary?.author].filter(Boolean);
  },

  labelOf(section) {
    const tail = section.substring(this.section().length + 1).split('/');
    if (tail.length === 2) {
      return this.criterionId + ' ' + this.levelName(tail[0]) + ' · ' + this.partName(tail[1]);
    }
    return this.criterionId + (tail[0] === 'summary' ? ' สรุปผล (Step-2)' : ' วิเคราะห์เกณฑ์และคำถาม');
  },
}));
