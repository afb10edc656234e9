// Results of a level: the table (indicator group, name, unit, values per fiscal year, target, comparison) with a
// small trend chart per indicator (Chart.js from its WebJar), a form to attach one and a button to detach it.
import { Alpine } from './alpine.js';
import { command } from './api.js';

let chartLibrary = null;
const charts = new WeakMap();

/** Chart.js's UMD build puts Chart on globalThis; loaded once, on the first chart. */
function chartJs() {
  chartLibrary ??= import('/webjars/chart.js/4.5.1/dist/chart.umd.min.js').then(() => globalThis.Chart);
  return chartLibrary;
}

const emptyResult = () => ({ indicatorGroup: '', name: '', unit: '', target: '', years: ['', '', ''],
                             comparison: '', comparisonSource: '', direction: '' });

export function resultsTable() {
  return {
    newResult: {},
    resultError: {},
    resultField: {},

    resultsOf(level) {
      return this.content?.levels.find(l => l.level === level)?.results || [];
    },

    /** The three fiscal years before the assessment's, oldest first (Buddhist era). */
    fiscalYears() {
      const last = (this.fiscalYear || 2567) - 1;
      return [last - 2, last - 1, last];
    },

    formOf(level) {
      this.newResult[level] ??= emptyResult();
      return this.newResult[level];
    },

    async attachResult(level) {
      const form = this.formOf(level);
      this.resultField[level] = null;
      if (!form.indicatorGroup) { // the server requires one: said here, before sending
        this.resultField[level] = 'indicatorGroup';
        this.resultError[level] = 'เลือกกลุ่มตัวชี้วัดของผลลัพธ์นี้';
        return;
      }
      const values = {};
      this.fiscalYears().forEach((year, i) => {
        if (String(form.years[i]).trim() !== '') {
          values[year] = Number(form.years[i]);
        }
      });
      const body = { indicatorGroup: form.indicatorGroup || null, name: form.name, unit: form.unit,
                     target: String(form.target).trim() === '' ? null : Number(form.target), values, evidence: [] };
      if (form.direction) {
        body.direction = form.direction;
      }
      if (String(form.comparison).trim() !== '') {
        body.comparison = { value: Number(form.comparison), source: form.comparisonSource };
      }
      this.resultError[level] = '';
      try {
        await command('POST', this.criterionPath() + '/levels/' + level + '/results', { body });
        this.newResult[level] = emptyResult();
      } catch (refused) {
        this.resultError[level] = refused.thai + (refused.detail ? ' — ' + refused.detail : '');
        this.resultField[level] = refused.field;
      }
    },

    async detachResult(level, result) {
      try {
        await command('DELETE', this.criterionPath() + '/levels/' + level + '/results/' + encodeURIComponent(result.resultId));
      } catch (refused) {
        this.resultError[level] = refused.thai;
      }
    },

    yearsOf(result) {
      return Object.keys(result.valuesByFiscalYear || {}).sort();
    },

    valuesText(result) {
      return this.yearsOf(result).map(y => y + ': ' + result.valuesByFiscalYear[y]).join(' · ');
    },

    trendText(result) {
      const trend = result.trend;
      if (!trend) {
        return '';
      }
      const judged = { improving: 'ดีขึ้น', worsening: 'แย่ลง', steady: 'คงที่' }[trend.judgement];
      const moved = { rising: 'เพิ่มขึ้น', falling: 'ลดลง', flat: 'คงที่' }[trend.movement] || trend.movement;
      return moved + (judged ? ' (' + judged + ')' : '');
    },

    chartLabel(result) {
      return 'แนวโน้มของ ' + result.name + ': ' + this.valuesText(result)
             + (result.target !== null ? ' เป้าหมาย ' + result.target : '');
    },

    /** Draws (or redraws) the small trend chart of one result into its canvas. */
    async drawTrend(canvas, result) {
      const plain = JSON.parse(JSON.stringify(Alpine.raw(result)));
      const Chart = await chartJs();
      const years = this.yearsOf(plain);
      charts.get(canvas)?.destroy();
      const datasets = [{ label: plain.unit || plain.name, data: years.map(y => plain.valuesByFiscalYear[y]),
                          borderColor: '#1f5fae', backgroundColor: '#1f5fae', tension: 0.2 }];
      if (plain.target !== null && plain.target !== undefined) {
        datasets.push({ label: 'เป้าหมาย', data: years.map(() => plain.target), borderColor: '#a4262c',
                        borderDash: [4, 4], pointRadius: 0 });
      }
      charts.set(canvas, new Chart(canvas, {
        type: 'line', data: { labels: years, datasets },
        options: { responsive: false, animation: false, plugins: { legend: { display: false } } },
      }));
    },
  };
}
