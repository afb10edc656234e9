// The heatmap's part of the dashboard component: organizations × the catalog's sub-criteria, each cell the rated
// level (or, on the toggle, how much of its A-D-R is drafted) as a link to that worksheet or its history.

const LEVEL_TEXT = { none: 'ยังไม่ให้ระดับ', basic: 'Basic', advance: 'Advance', significance: 'Significance' };
const LEVEL_MARK = { none: '–', basic: 'B', advance: 'A', significance: 'S' };

export function heatmap() {
  return {
    /** The cells of one row in catalog order; a row stored before rows had cells shows every one as unknown. */
    cells(row) {
      const parts = row.adrTotal && row.criteriaTotal ? row.adrTotal / row.criteriaTotal : 9;
      return (this.catalog?.criteria || []).map(criterion => {
        const cell = row.criteria?.[criterion.id];
        return {
          criterionId: criterion.id,
          level: cell?.level || 'none',
          known: Boolean(cell),
          percent: cell ? Math.round(100 * cell.adrDrafted / parts) : 0,
          drafted: cell ? cell.adrDrafted : 0,
          parts,
        };
      });
    },

    cellClass(cell) {
      if (this.filters.color === 'completeness') {
        return 'fill-' + (cell.percent === 0 ? 0 : cell.percent === 100 ? 4 : Math.min(3, 1 + Math.floor(cell.percent / 34)));
      }
      return 'level-' + cell.level;
    },

    cellMark(cell) {
      return this.filters.color === 'completeness' ? String(cell.percent) : LEVEL_MARK[cell.level];
    },

    cellLabel(row, cell) {
      return row.organizationName + ' ' + row.fiscalYear + ' หัวข้อ ' + cell.criterionId + ': '
             + LEVEL_TEXT[cell.level] + ', ร่าง A-D-R แล้ว ' + cell.drafted + ' จาก ' + cell.parts + ' ส่วน'
             + (this.filters.open === 'history' ? ' (เปิดประวัติ)' : ' (เปิดใบงาน)');
    },

    cellHref(row, cell) {
      const base = '/app/assessments/' + encodeURIComponent(row.assessmentId);
      return this.filters.open === 'history'
        ? base + '/history?criterion=' + encodeURIComponent(cell.criterionId)
        : base + '/criteria/' + encodeURIComponent(cell.criterionId);
    },

    levelText(level) {
      return LEVEL_TEXT[level];
    },
  };
}
