// The heatmap's rows, drawn as plain DOM: organizations × the catalog's sub-criteria, each cell the rated level (or,
// on the toggle, how much of its A-D-R is drafted) as a link to that worksheet or its history. 200 rows make 3,600
// links; as Alpine bindings they were most of the dashboard's first draw, so a row is built once and an update
// writes only the cells that changed.
import { append, element, writeChanged } from './dom-rows.js';

const LEVEL_TEXT = { none: 'ยังไม่ให้ระดับ', basic: 'Basic', advance: 'Advance', significance: 'Significance' };
const LEVEL_MARK = { none: '–', basic: 'B', advance: 'A', significance: 'S' };

/** The cells of one row in catalog order; a row stored before rows had cells shows every one as unknown. */
export function cells(row, criteria) {
  const parts = row.adrTotal && row.criteriaTotal ? row.adrTotal / row.criteriaTotal : 9;
  return criteria.map(criterion => {
    const cell = row.criteria?.[criterion.id];
    return {
      criterionId: criterion.id,
      level: cell?.level || 'none',
      percent: cell ? Math.round(100 * cell.adrDrafted / parts) : 0,
      drafted: cell ? cell.adrDrafted : 0,
      parts,
    };
  });
}

export function cellClass(cell, color) {
  if (color === 'completeness') {
    return 'fill-' + (cell.percent === 0 ? 0 : cell.percent === 100 ? 4 : Math.min(3, 1 + Math.floor(cell.percent / 34)));
  }
  return 'level-' + cell.level;
}

export function cellMark(cell, color) {
  return color === 'completeness' ? String(cell.percent) : LEVEL_MARK[cell.level];
}

export function cellLabel(row, cell, open) {
  return row.organizationName + ' ' + row.fiscalYear + ' หัวข้อ ' + cell.criterionId + ': '
         + LEVEL_TEXT[cell.level] + ', ร่าง A-D-R แล้ว ' + cell.drafted + ' จาก ' + cell.parts + ' ส่วน'
         + (open === 'history' ? ' (เปิดประวัติ)' : ' (เปิดใบงาน)');
}

export function cellHref(row, cell, open) {
  const base = '/app/assessments/' + encodeURIComponent(row.assessmentId);
  return open === 'history'
    ? base + '/history?criterion=' + encodeURIComponent(cell.criterionId)
    : base + '/criteria/' + encodeURIComponent(cell.criterionId);
}

/** What one cell shows, as strings; {color, open} are the page's toggles. */
function cellView(row, cell, context) {
  return {
    level: cell.level,
    percent: String(cell.percent),
    className: cellClass(cell, context.color),
    mark: cellMark(cell, context.color),
    label: cellLabel(row, cell, context.open),
    href: cellHref(row, cell, context.open),
  };
}

const CELL_WRITERS = {
  level: (a, v) => a.setAttribute('data-level', v),
  percent: (a, v) => a.setAttribute('data-percent', v),
  className: (a, v) => a.setAttribute('class', v),
  mark: (a, v) => { a.textContent = v; },
  label: (a, v) => { a.setAttribute('aria-label', v); a.setAttribute('title', v); },
  href: (a, v) => a.setAttribute('href', v),
};

function heading(row) {
  return row.organizationName + ' ' + row.fiscalYear;
}

/** Draws heatmap rows for a KeyedBody (dom-rows.js); the context is {criteria (the catalog's), color, open}. */
export const heatmapRows = {
  create(row, context) {
    const p = { th: element('th', { scope: 'row' }, heading(row)), links: [], views: [] };
    p.tr = append(element('tr'), p.th);
    for (const cell of cells(row, context.criteria)) {
      const a = element('a', { 'data-testid': 'heatmap-cell', 'data-assessment': row.assessmentId,
                               'data-criterion': cell.criterionId });
      const view = cellView(row, cell, context);
      writeChanged(CELL_WRITERS, a, null, view);
      p.links.push(a);
      p.views.push(view);
      p.tr.append(append(element('td'), a));
    }
    return p;
  },

  update(p, row, context) {
    const text = heading(row);
    if (p.th.textContent !== text) {
      p.th.textContent = text;
    }
    cells(row, context.criteria).forEach((cell, i) => {
      const view = cellView(row, cell, context);
      writeChanged(CELL_WRITERS, p.links[i], p.views[i], view);
      p.views[i] = view;
    });
  },

  element(p) {
    return p.tr;
  },
};
