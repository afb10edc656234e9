// The dashboard table's rows: what a row says, as strings computed once per row (the summary uses the same words),
// and the row drawn as plain DOM, built once, then only the cells whose text changed written. As Alpine bindings,
// a dozen per row, 200 rows were drawn in one long task.
import { append, element, writeChanged } from './dom-rows.js';
import { band, completion, daysLeft } from './dashboard-model.js';

const STATUS = { OPEN: 'กำลังจัดทำ', SUBMITTED: 'ส่งแล้ว' };
const BAND_TEXT = { basic: 'Basic', advance: 'Advance', significance: 'Significance', unrated: 'ยังไม่มีคะแนน' };
// the API's organization types (OrganizationType); there is no region in the data to filter by
const TYPES = { PROVINCE: 'จังหวัด', AGENCY: 'ส่วนราชการ' };
// one formatter for every date: toLocaleDateString with options sets one up on each call
const DATE = new Intl.DateTimeFormat('th-TH', { dateStyle: 'medium' });

export function statusText(status) {
  return STATUS[status] || status;
}

export function bandText(level) {
  return BAND_TEXT[level] || level;
}

export function typeText(type) {
  return TYPES[type] || type;
}

/** The chip class of a band (an unrated row looks like an unrated cell). */
export function bandClass(level) {
  return 'chip level-' + (level === 'unrated' ? 'none' : level);
}

export function scoreText(row) {
  return row.score?.value === null || row.score?.value === undefined ? '–' : String(row.score.value);
}

export function reviewText(row) {
  const r = row.review;
  if (!r) {
    return '–';
  }
  return 'อนุมัติ ' + r.approved + '/' + r.sections + ' · รอตรวจ ' + r.readyForReview
         + (r.changedSinceReady ? ' · แก้หลังส่งตรวจ ' + r.changedSinceReady : '');
}

export function windowText(row, now) {
  if (!row.windowClosesAt) {
    return 'ยังไม่กำหนด';
  }
  const days = daysLeft(row, now);
  return DATE.format(new Date(row.windowClosesAt)) + (days < 0 ? ' (ปิดแล้ว)' : ' (อีก ' + days + ' วัน)');
}

/** Who is editing: the names the presence events gave (each person once), else how many the row counts. */
export function editorsText(row, editors) {
  if (editors?.length) {
    return [...new Map(editors.map(e => [e.userId, e.name])).values()].join(', ');
  }
  return row.activeEditors ? row.activeEditors + ' คน' : '–';
}

export function overviewHref(row) {
  return '/app/assessments/' + encodeURIComponent(row.assessmentId);
}

/** Everything one table row shows, as strings; {@code editors} from presence, {@code now} for the window's days. */
export function rowView(row, editors, now) {
  const percent = String(completion(row));
  const level = band(row);
  return {
    position: String(row.position),
    href: overviewHref(row),
    name: row.organizationName,
    code: row.organizationCode,
    type: typeText(row.organizationType),
    year: String(row.fiscalYear),
    status: statusText(row.status),
    completion: percent,
    completionLabel: 'ความครบถ้วน ' + row.organizationName,
    completionText: percent + '%',
    rated: row.criteriaRated + ' / ' + row.criteriaTotal,
    score: scoreText(row),
    bandClass: bandClass(level),
    band: bandText(level),
    review: reviewText(row),
    window: windowText(row, now),
    editors: editorsText(row, editors),
  };
}

const WRITERS = {
  position: (p, v) => p.tr.setAttribute('data-position', v),
  href: (p, v) => p.link.setAttribute('href', v),
  name: (p, v) => { p.link.textContent = v; },
  code: (p, v) => { p.code.textContent = v; },
  type: (p, v) => { p.type.textContent = v; },
  year: (p, v) => { p.year.textContent = v; },
  status: (p, v) => { p.status.textContent = v; },
  completion: (p, v) => { p.meter.setAttribute('data-value', v); p.meter.setAttribute('value', v); },
  completionLabel: (p, v) => p.meter.setAttribute('aria-label', v),
  completionText: (p, v) => { p.percent.textContent = v; },
  rated: (p, v) => { p.rated.textContent = v; },
  score: (p, v) => { p.score.textContent = v; },
  bandClass: (p, v) => p.band.setAttribute('class', v),
  band: (p, v) => { p.band.textContent = v; },
  review: (p, v) => { p.review.textContent = v; },
  window: (p, v) => { p.window.textContent = v; },
  editors: (p, v) => { p.editors.textContent = v; },
};

/**
 * Draws table rows for a KeyedBody (dom-rows.js): the context is {now, editing} (names per assessment from presence
 * events), since the window's days and who is editing are not in the row.
 */
export const tableRows = {
  create(row, context) {
    const p = {
      tr: element('tr', { 'data-testid': 'dashboard-row', 'data-assessment': row.assessmentId }),
      link: element('a'),
      code: element('span', { class: 'muted' }),
      type: element('td'),
      year: element('td'),
      status: element('td'),
      meter: element('meter', { min: '0', max: '100', 'data-testid': 'completion' }),
      percent: element('span'),
      rated: element('td'),
      score: element('span'),
      band: element('span'),
      review: element('td'),
      window: element('td'),
      editors: element('td', { 'data-testid': 'editing-now' }),
    };
    append(p.tr,
           append(element('th', { scope: 'row' }), p.link, ' ', p.code),
           p.type, p.year, p.status,
           append(element('td', { class: 'nowrap' }), p.meter, ' ', p.percent),
           p.rated,
           append(element('td'), p.score, ' ', p.band),
           p.review, p.window, p.editors);
    p.view = rowView(row, context.editing[row.assessmentId], context.now);
    writeChanged(WRITERS, p, null, p.view);
    return p;
  },

  update(p, row, context) {
    const view = rowView(row, context.editing[row.assessmentId], context.now);
    writeChanged(WRITERS, p, p.view, view);
    p.view = view;
  },

  element(p) {
    return p.tr;
  },
};
