// The national dashboard: a row per assessment the person may see (facilitators and admins: all; editors and
// leads: their organization's, as the API decides), the heatmap of sub-criteria, a summary of the rows shown and
// the projection's lag; live over GET /api/dashboard/stream. Filters are the URL's query, so an address is a view.
import { Alpine } from '../alpine.js';
import { query } from '../api.js';
import { openStream } from '../stream.js';
import { leaveView, loadOrDeny } from '../page.js';
import { projectionLag } from '../lag.js';
import { ROLES } from '../thai.js';
import { KeyedBody, SlicedDraw } from '../dom-rows.js';
import * as text from '../dashboard-rows.js';
import { heatmapRows } from '../heatmap.js';
import { filtersOf, mergeRow, queryOf, shownRows, summarize } from '../dashboard-model.js';

const byAssessment = row => row.assessmentId;

Alpine.data('dashboard', () => {
  // the table's and the heatmap's rows are drawn by us in slices, not by Alpine (3,600 cells as bindings took seconds
  // in one task); kept out of the component's reactive data, which would wrap them in proxies
  const table = new KeyedBody(text.tableRows, byAssessment);
  const heat = new KeyedBody(heatmapRows, byAssessment);
  const drawing = new SlicedDraw([table, heat]);
  const contexts = [null, null];

  return {
    ...projectionLag(),
    catalog: null,
    byId: {},
    editing: {},
    filters: filtersOf({}),
    shown: [],
    count: 0,
    sum: null,
    loaded: false,
    live: false,
    error: '',
    streams: [],
    now: Date.now(),
    clock: null,
    gone: false,

    async init() {
      this.filters = filtersOf(this.$store.route.query || {});
      this.$watch('filters', () => { this.remember(); this.refresh(); });
      // the stream opens with the catalog's request rather than after it; its events wait for the catalog
      const ready = loadOrDeny(this, async () => (await query('GET', '/api/catalog')).body)
        .then(catalog => { this.catalog = catalog; return catalog && !this.gone; });
      this.streams = [openStream('/api/dashboard/stream', {
        onEvent: async event => { if (await ready) { this.onEvent(event); } },
        onError: refused => { this.error = refused.thai; },
      })];
      if (await ready) {
        this.clock = setInterval(() => { this.now = Date.now(); this.refresh(); }, 60000);
      } else {
        this.streams.forEach(s => s.close());
      }
    },

    destroy() {
      this.gone = true;
      drawing.stop();
      leaveView(this);
      this.stopProjection();
      clearInterval(this.clock);
    },

    onEvent(event) {
      // the rows as plain objects: nothing Alpine draws reads them one by one, and proxies would slow every read
      const byId = Alpine.raw(this.byId);
      const editing = Alpine.raw(this.editing);
      if (event.event === 'dashboard') {
        // the first event, and again after every reconnect: rows already newer than it stay as they are
        for (const row of event.data.assessments) {
          mergeRow(byId, row);
          table.touch(row.assessmentId); // a row kept as it was may still have taken the number of editors
          if (!row.activeEditors) {
            delete editing[row.assessmentId];
          }
        }
        this.followProjection(event.data.projection);
        this.loaded = true;
        this.live = true;
      } else if (event.event === 'row') {
        mergeRow(byId, event.data);
        table.touch(event.data.assessmentId);
      } else if (event.event === 'presence') {
        const id = event.data.assessmentId;
        if (byId[id]) {
          byId[id].activeEditors = event.data.activeEditors;
        }
        if (event.data.activeEditors > 0) {
          editing[id] = event.data.editors;
        } else {
          delete editing[id];
        }
        table.touch(id);
        this.draw(); // who is editing changes no filter, order or count: that row's cell only
        return;
      }
      this.refresh();
    },

    /**
     * The rows shown and their summary, computed once per event or filter change rather than by every binding that
     * shows them; then drawn (a row that did not change costs a lookup).
     */
    refresh() {
      const byId = Alpine.raw(this.byId);
      const shown = shownRows(byId, this.filters);
      this.shown = shown;
      this.count = Object.keys(byId).length;
      this.sum = summarize(shown, this.catalog, this.now);
      this.draw();
    },

    /** The rows shown into the table and the heatmap: the first screenful now, the rest in slices. */
    draw() {
      if (!this.loaded || this.gone) {
        return;
      }
      const rows = this.$root.querySelector("[data-testid='dashboard-rows'] > tbody");
      const cells = this.$root.querySelector("[data-testid='heatmap'] > tbody");
      if (!rows || !cells) {
        this.$nextTick(() => this.draw()); // the tables appear with the first event, once Alpine has drawn them
        return;
      }
      table.attach(rows);
      heat.attach(cells);
      // a context changes only with what every row shows: the day (window's days), the heatmap's toggles
      if (contexts[0]?.now !== this.now) {
        contexts[0] = { now: this.now, editing: Alpine.raw(this.editing) };
      }
      const { color, open } = this.filters;
      if (contexts[1]?.color !== color || contexts[1]?.open !== open) {
        contexts[1] = { criteria: Alpine.raw(this.catalog).criteria, color, open };
      }
      drawing.draw(Alpine.raw(this.shown), [...contexts]);
    },

    /** The filters into the address (replacing it: a filter is no step back), so reload and bookmarks keep them. */
    remember() {
      const search = queryOf(this.filters);
      if (search !== location.search && location.pathname.startsWith('/app/dashboard')) {
        history.replaceState(null, '', location.pathname + search);
        this.$store.route.query = Object.fromEntries(new URLSearchParams(search));
      }
    },

    clearFilters() {
      this.filters = { ...filtersOf({}), sort: this.filters.sort, color: this.filters.color, open: this.filters.open };
    },

    bandText: text.bandText,
    statusText: text.statusText,
    overviewHref: text.overviewHref,

    windowText(row) {
      return text.windowText(row, this.now);
    },

    scope() {
      const person = this.$store.session.person;
      return ['EDITOR', 'LEAD'].includes(person?.role)
        ? 'เฉพาะหน่วยงานของคุณ (' + (person.organization || '') + ') ในฐานะ' + ROLES[person.role]
        : 'ทุกหน่วยงาน';
    },
  };
});
