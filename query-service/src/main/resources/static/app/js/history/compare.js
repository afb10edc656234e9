// "Compare two points" of the timeslider: two points, each a change number, a date and time or a named version,
// and every section that differs between them with its word diff, as the API's report diff computes it.
import { query } from '../api.js';
import { sectionName, whatName } from './sections.js';

const NOW = ['', 'ล่าสุด', 'now'];

/**
 * The API's spelling of a point: label:<name>, an ISO instant, or a global position. `positionOfStep` turns a change
 * number of the timeslider into its global position; `currentPosition` is "now".
 */
export async function pointOf(value, labels, positionOfStep, currentPosition) {
  const typed = String(value ?? '').trim();
  if (NOW.includes(typed)) {
    return String(await currentPosition());
  }
  if (typed.startsWith('label:')) {
    return typed;
  }
  if (labels.some(l => l.label === typed)) {
    return 'label:' + typed;
  }
  if (/^\d+$/.test(typed)) {
    const position = await positionOfStep(Number(typed));
    if (position === undefined) {
      throw new Error('ไม่มีการแก้ไขครั้งที่ ' + typed);
    }
    return String(position);
  }
  const instant = new Date(typed);
  if (Number.isNaN(instant.getTime())) {
    throw new Error('ระบุเลขครั้งที่แก้ไข วันเวลา หรือชื่อฉบับ: "' + typed + '"');
  }
  return instant.toISOString();
}

/** The comparison's answer grouped by section, in the API's order. */
export async function compare(id, from, to) {
  const path = '/api/assessments/' + encodeURIComponent(id) + '/report/diff?from=' + encodeURIComponent(from)
               + '&to=' + encodeURIComponent(to);
  const answer = (await query('GET', path)).body;
  const sections = [];
  for (const change of answer.changes) {
    let group = sections.find(s => s.section === change.section);
    if (!group) {
      group = { section: change.section, name: sectionName(change.section), changes: [] };
      sections.push(group);
    }
    group.changes.push({ ...change, name: whatName(change.what), key: change.section + '|' + change.what });
  }
  return { from: answer.from.position, to: answer.to.position, sections };
}
