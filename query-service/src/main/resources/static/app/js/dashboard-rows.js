// The dashboard table's rows, drawn as plain DOM (one per assessment): built once, then only the cells whose text
// changed are written. With Alpine every one of 200 rows cost a dozen bindings, all drawn in one long task.
import { append, element, writeChanged } from './dom.js';
import { rowView } from './dashboard-text.js';

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
 * Draws table rows for {@code keyed-body.js}: the context is {now, editing} (names per assessment from presence
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
