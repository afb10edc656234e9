// The dashboard's data without the page: rows kept newest-first by their projection position (a row that arrives
// late, or a snapshot sent again after the stream resumed, never replaces a newer one), what a row shows
// (completion, band, "not started"), the filters and sorts the URL carries, and the summary of the rows shown.

export const LEVELS = ['none', 'basic', 'advance', 'significance'];
export const BANDS = ['basic', 'advance', 'significance', 'unrated'];
export const STATUSES = ['OPEN', 'SUBMITTED'];
export const TYPES = ['PROVINCE', 'AGENCY']; // OrganizationType; the data has no region
export const SORTS = ['organization', 'completion', 'score', 'window', 'recent'];
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Puts {@code incoming} into {@code byId} unless a row at a later position is there; answers whether it did. Who is
 * editing now is a fact of the moment, not of the position, so a stale row still brings its count.
 */
export function mergeRow(byId, incoming) {
  const known = byId[incoming.assessmentId];
  if (known && known.position > incoming.position) {
    if (incoming.activeEditors !== null && incoming.activeEditors !== undefined) {
      known.activeEditors = incoming.activeEditors;
    }
    return false;
  }
  byId[incoming.assessmentId] = incoming;
  return true;
}

/** Share of everything there is to draft (A-D-R parts and OP items), 0–100, whole numbers. */
export function completion(row) {
  const total = row.adrTotal + row.profileTotal;
  return total === 0 ? 0 : Math.round(100 * (row.adrDrafted + row.profileDrafted) / total);
}

export function band(row) {
  return row.score?.band?.level || 'unrated';
}

export function notStarted(row) {
  return row.adrDrafted === 0 && row.profileDrafted === 0 && row.criteriaRated === 0;
}

export function changedSinceReady(row) {
  return (row.review?.changedSinceReady || 0) > 0;
}

/** Days until the window closes (negative once closed), or null without a window. */
export function daysLeft(row, now) {
  return row.windowClosesAt ? Math.ceil((Date.parse(row.windowClosesAt) - now) / DAY_MS) : null;
}

export function closesWithinAWeek(row, now) {
  const closes = row.windowClosesAt ? Date.parse(row.windowClosesAt) : NaN;
  return row.status === 'OPEN' && closes >= now && closes - now <= 7 * DAY_MS;
}

/** The filters of a URL query ({type, band, status, notStarted, changed, q, sort, color, open}), checked. */
export function filtersOf(query) {
  return {
    type: TYPES.includes(query.type) ? query.type : '',
    band: BANDS.includes(query.band) ? query.band : '',
    status: STATUSES.includes(query.status) ? query.status : '',
    notStarted: query.notStarted === '1',
    changed: query.changed === '1',
    q: typeof query.q === 'string' ? query.q : '',
    sort: SORTS.includes(query.sort) ? query.sort : 'organization',
    color: query.color === 'completeness' ? 'completeness' : 'level',
    open: query.open === 'history' ? 'history' : 'worksheet',
  };
}

/** The URL query of the filters, defaults left out so a plain address stays plain. */
export function queryOf(filters) {
  const query = new URLSearchParams();
  const set = (key, value, fallback) => { if (value && value !== fallback) query.set(key, value === true ? '1' : value); };
  set('type', filters.type, '');
  set('band', filters.band, '');
  set('status', filters.status, '');
  set('notStarted', filters.notStarted, false);
  set('changed', filters.changed, false);
  set('q', filters.q.trim(), '');
  set('sort', filters.sort, 'organization');
  set('color', filters.color, 'level');
  set('open', filters.open, 'worksheet');
  const text = query.toString();
  return text ? '?' + text : '';
}

export function matches(row, filters) {
  const q = filters.q.trim().toLocaleLowerCase('th');
  return (!filters.type || row.organizationType === filters.type)
         && (!filters.band || band(row) === filters.band)
         && (!filters.status || row.status === filters.status)
         && (!filters.notStarted || notStarted(row))
         && (!filters.changed || changedSinceReady(row))
         && (!q || (row.organizationName + ' ' + row.organizationCode).toLocaleLowerCase('th').includes(q));
}

// one collator for every comparison: localeCompare with a locale argument may set one up on each call
const THAI = new Intl.Collator('th');
const BY_ORGANIZATION = (a, b) => THAI.compare(a.organizationName, b.organizationName)
                                  || a.organizationCode.localeCompare(b.organizationCode)
                                  || a.fiscalYear - b.fiscalYear;
const ORDERS = {
  organization: BY_ORGANIZATION,
  completion: (a, b) => completion(b) - completion(a),
  score: (a, b) => (b.score?.value ?? -1) - (a.score?.value ?? -1),
  window: (a, b) => (a.windowClosesAt ? Date.parse(a.windowClosesAt) : Infinity)
                    - (b.windowClosesAt ? Date.parse(b.windowClosesAt) : Infinity),
  recent: (a, b) => (b.lastChangeAt ? Date.parse(b.lastChangeAt) : 0) - (a.lastChangeAt ? Date.parse(a.lastChangeAt) : 0),
};

/** The rows the filters let through, in the chosen order (ties by organization, so the order is stable). */
export function shownRows(byId, filters) {
  const order = ORDERS[filters.sort] || BY_ORGANIZATION;
  return Object.values(byId).filter(row => matches(row, filters))
               .sort((a, b) => order(a, b) || BY_ORGANIZATION(a, b));
}

/**
 * Counts per band and status, per category the average share of A-D-R parts drafted (highest first), and the
 * open assessments whose window closes within seven days (soonest first); of the rows given.
 */
export function summarize(rows, catalog, now) {
  const perBand = Object.fromEntries(BANDS.map(b => [b, 0]));
  const perStatus = Object.fromEntries(STATUSES.map(s => [s, 0]));
  const drafted = {};
  for (const row of rows) {
    perBand[band(row)] = (perBand[band(row)] || 0) + 1;
    perStatus[row.status] = (perStatus[row.status] || 0) + 1;
    for (const [category, parts] of Object.entries(row.adrDraftedPerCategory || {})) {
      drafted[category] = (drafted[category] || 0) + parts;
    }
  }
  const partsPerCriterion = rows.length ? rows[0].adrTotal / rows[0].criteriaTotal : 9;
  const categories = (catalog?.categories || []).map(category => {
    const parts = catalog.criteria.filter(c => c.category === category.number).length * partsPerCriterion;
    const percent = rows.length && parts ? Math.round(1000 * (drafted[category.number] || 0) / (parts * rows.length)) / 10 : 0;
    return { number: category.number, title: category.title, percent };
  }).sort((a, b) => b.percent - a.percent || a.number - b.number);
  const closing = rows.filter(row => closesWithinAWeek(row, now))
                      .sort((a, b) => Date.parse(a.windowClosesAt) - Date.parse(b.windowClosesAt));
  return { perBand, perStatus, categories, closing };
}
