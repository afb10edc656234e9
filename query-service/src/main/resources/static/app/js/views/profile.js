// The Organizational Profile (OP) form: the 13 questions, each with its answer as a whole and the texts of its
// items among the 29, with the same autosave, conflict dialog and live updates as the worksheet.
import { Alpine } from '../alpine.js';
import { query } from '../api.js';
import { openStream } from '../stream.js';
import { announce } from '../presence.js';
import { followPageLife, leaveView, loadOrDeny } from '../page.js';
import { autosaver, textField } from '../autosave.js';
import { conflictDialog } from '../conflict.js';
import { commentThreads } from '../comments.js';
import { include, includeWhere } from '../partials.js';
import { workflowButtons } from '../workflow.js';

const STATE_TEXT = {
  saved: 'บันทึกแล้ว', saving: 'กำลังบันทึก…', merged: 'บันทึกแล้ว รวมกับการแก้ไขของผู้อื่น',
  conflict: 'ขัดแย้งกับการแก้ไขของผู้อื่น ยังไม่ได้บันทึก', error: 'บันทึกไม่สำเร็จ',
};

Alpine.data('profile', () => ({
  ...conflictDialog(),
  ...commentThreads(),
  ...workflowButtons(),
  workflow: 'DRAFTING',
  id: null,
  report: null,
  questions: [],
  fields: {},
  lastEdited: null,
  error: '',
  saver: null,
  streams: [],
  presence: null,

  async init() {
    this.id = this.$store.route.params.id;
    const report = await loadOrDeny(this, async () => (await query('GET', this.assessmentPath() + '/report')).body);
    if (!report) {
      return;
    }
    await Promise.all([include(this.$root, 'conflict-dialog'), include(this.$root, 'comments')]);
    this.saver = autosaver(this.id, { conflicted: field => this.openConflict(field) });
    const fields = {};
    for (const question of report.profile.questions) {
      fields[question.section] = textField(question.section, this.assessmentPath() + '/profile/questions/' + question.number,
                                           question.answer);
      for (const item of question.items) {
        fields[item.section] = textField(item.section, this.assessmentPath() + '/profile/' + item.number, item.text);
      }
    }
    this.fields = fields;
    this.questions = report.profile.questions;
    this.report = report;
    this.workflow = report.profile.workflow;
    Object.values(this.fields).forEach(field => this.saver.restore(field));
    this.presence = announce(this.id, 'profile/1');
    this.streams = [openStream(this.assessmentPath() + '/stream', { onEvent: e => this.onReport(e) }),
                    this.followComments('profile')];
    followPageLife(this);
    includeWhere(this, 'workflow');
  },

  destroy() {
    leaveView(this);
  },

  assessmentPath() {
    return '/api/assessments/' + encodeURIComponent(this.id);
  },

  onReport(event) {
    if (!this.saver) {
      return;
    }
    if (event.event === 'report') {
      this.workflow = event.data.profile.workflow;
      for (const question of event.data.profile.questions) {
        this.saver.remote(this.fields[question.section], question.answer);
        question.items.forEach(item => this.saver.remote(this.fields[item.section], item.text));
      }
    } else if (event.event === 'section' && event.data.section === 'profile' && event.data.content) {
      this.workflow = event.data.content.workflow;
    } else if (event.event === 'section' && event.data.content && this.fields[event.data.section]) {
      const content = event.data.content;
      this.saver.remote(this.fields[event.data.section], event.data.section.includes('/questions/') ? content.answer : content.text);
    }
  },

  /** Facilitators and admins read; the organization's editors and leads write (the API's EDIT_DRAFT). */
  mayEdit() {
    return ['EDITOR', 'LEAD'].includes(this.$store.session.person?.role);
  },

  typed(field, event) {
    this.lastEdited = field.section;
    this.saver.typed(field, event.target.value);
  },

  /** Presence says which OP item this tab is on (the API knows items, not questions: (6) has none). */
  editing(item, active) {
    this.presence?.update(item ? 'profile/' + item : 'assessment', active ? 'editing' : 'viewing');
  },

  workflowSection() {
    return 'profile';
  },

  workflowState() {
    return this.workflow;
  },

  saveState() {
    return this.lastEdited ? this.fields[this.lastEdited].state : 'saved';
  },

  stateText(state) {
    return STATE_TEXT[state] || '';
  },

  commentSections() {
    return Object.keys(this.fields).map(section => ({ section, label: this.labelOf(section) }));
  },

  labelOf(section) {
    const question = this.questions.find(q => q.section === section);
    if (question) {
      return 'OP (' + question.number + ') ' + question.text;
    }
    const item = this.questions.flatMap(q => q.items).find(i => i.section === section);
    return item ? 'OP ข้อ ' + item.number + ' ' + item.title : section;
  },
}));
