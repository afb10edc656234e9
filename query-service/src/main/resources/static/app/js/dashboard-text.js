// What a dashboard row says, as strings computed once per row (the table draws them as they are; the summary uses
// the same words). Pure: no page, no Alpine.
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
