// What the timeslider shows of a report at one step: the section the step changed, as it was then, with the part
// that changed marked; names of sections and parts in Thai; each author's colour.
const LEVELS = { basic: 'Basic', advance: 'Advance', significance: 'Significance' };
const PARTS = { approach: 'Approach (A)', deploy: 'Deploy (D)', result: 'Result (R)' };
const WHAT = {
  analysis: 'วิเคราะห์เกณฑ์และคำถาม', summary: 'สรุป', rating: 'ระดับที่ให้', links: 'การเชื่อมโยง',
  'links/profile': 'เชื่อมโยงข้อ OP', 'links/indicators': 'เชื่อมโยงตัวชี้วัด', 'links/keyProcesses': 'เชื่อมโยงกระบวนการหลัก',
  text: 'ข้อความ', status: 'สถานะ', cid: 'ตาราง C-I-D', keyProcesses: 'กระบวนการหลัก', label: 'ตั้งชื่อฉบับ',
  submissionWindow: 'ช่วงส่งรายงาน',
};
const KINDS = { COMMENT: 'ความเห็น', COMMENT_RESOLVED: 'ปิดความเห็น', COMMENT_REOPENED: 'เปิดความเห็นอีกครั้ง' };
export const PALETTE_SIZE = 8;

/** "หัวข้อ 1.1", "OP ข้อ 3", "OP คำถาม (6)" or "การประเมิน". */
export function sectionName(section) {
  if (!section || section === 'assessment') {
    return 'การประเมิน';
  }
  let m = /^criteria\/(.+)$/.exec(section);
  if (m) {
    return 'หัวข้อย่อย ' + m[1];
  }
  m = /^profile\/questions\/(\d+)$/.exec(section);
  if (m) {
    return 'OP คำถาม (' + m[1] + ')';
  }
  m = /^profile\/(\d+)$/.exec(section);
  return m ? 'OP ข้อ ' + m[1] : section;
}

/** "Basic · Approach (A)", "สรุป", "ตาราง C-I-D" … */
export function whatName(what) {
  if (!what) {
    return '';
  }
  const [first, second] = what.split('/');
  if (LEVELS[first] && PARTS[second]) {
    return LEVELS[first] + ' · ' + PARTS[second];
  }
  if (first === 'results' && LEVELS[second]) {
    return 'ผลลัพธ์ ' + LEVELS[second];
  }
  return WHAT[what] || WHAT[first] || what;
}

export function kindName(kind) {
  return KINDS[kind] || '';
}

/** A step's author's colour: the same person has the same colour on every screen and every day. */
export function colourOf(userId) {
  let hash = 2166136261;
  for (const ch of String(userId || '')) {
    hash = Math.imul(hash ^ ch.codePointAt(0), 16777619);
  }
  return 'author-' + ((hash >>> 0) % PALETTE_SIZE);
}

const text = t => (t && typeof t === 'object' ? t.text : t) || '';

/**
 * The section of a report as a list of its parts {key, name, text}: a sub-criterion's analysis, A-D-R per level,
 * summary and rating; an OP item's or question's text; the assessment's status.
 */
export function sectionParts(report, section) {
  if (!report) {
    return [];
  }
  const criterion = /^criteria\/(.+)$/.exec(section || '');
  if (criterion) {
    const found = report.categories.flatMap(c => c.criteria).find(c => c.id === criterion[1]);
    if (!found) {
      return [];
    }
    const parts = [{ key: 'analysis', name: WHAT.analysis, text: text(found.analysis) }];
    for (const level of found.levels) {
      for (const part of Object.keys(PARTS)) {
        parts.push({ key: level.level + '/' + part, name: whatName(level.level + '/' + part), text: text(level[part]) });
      }
    }
    parts.push({ key: 'summary', name: WHAT.summary, text: text(found.summary) });
    const rating = found.rating;
    parts.push({ key: 'rating', name: WHAT.rating,
                 text: rating ? (LEVELS[String(rating.level).toLowerCase()] || rating.level) + ' ' + rating.score
                                + (rating.rationale ? ' — ' + rating.rationale : '') : '' });
    return parts;
  }
  for (const question of report.profile.questions) {
    if (question.section === section) {
      return [{ key: 'text', name: question.text, text: text(question.answer) }];
    }
    const item = question.items.find(i => i.section === section);
    if (item) {
      return [{ key: 'text', name: item.title, text: text(item.text) }];
    }
  }
  return [{ key: 'status', name: WHAT.status, text: report.status }];
}

/** The part of a section a step's `what` names (comments name a part path such as basic/approach). */
export function changedKey(section, what) {
  if (!what) {
    return '';
  }
  return /^criteria\//.test(section || '') ? what : (section === 'assessment' ? 'status' : 'text');
}
