// The steps of an assessment's history, fetched a page at a time as the timeslider needs them. The change feed is
// paged by global position (after=), not by step number; a step far from what is loaded is found by interpolating
// between known (step, position) pairs, so scrubbing to change 4,000 of 5,000 costs a request or two, not twenty.
import { query } from '../api.js';

const PAGE = 200; // the API's largest page
const TRIES = 12;

/** The whole change feed: step k is "change k of total". */
export class ChangeFeed {
  constructor(id) {
    this.base = '/api/assessments/' + encodeURIComponent(id);
    this.items = new Map(); // step → feed item
    this.anchors = [[0, 0]]; // [step, position]: exactly `step` changes are at or before `position`, sorted
    this.total = 0;
    this.filled = 0; // steps 1..filled are all loaded
    this.pending = new Map();
  }

  /**
   * How many changes there are (one change asked for: the page around the step to show comes next), and the end of
   * the history from the current report's position.
   */
  async open(currentPosition) {
    await this.page(0, 1);
    if (currentPosition > 0) {
      this.addAnchor(this.total, currentPosition);
    }
    return this.total;
  }

  get(step) {
    return this.items.get(step);
  }

  /** Step `step` loaded (with its neighbours): the page around it, found by interpolation. */
  async ensure(step) {
    for (let i = 0; i < TRIES && step >= 1 && step <= this.total && !this.items.has(step); i++) {
      const [lo, hi] = this.around(step);
      const target = Math.max(lo[0], step - PAGE / 2);
      let after = lo[1];
      if (target > lo[0] && hi) {
        // interpolate, strictly inside (lo, hi) so every try narrows the interval
        after = Math.floor(lo[1] + (hi[1] - lo[1]) * (target - lo[0]) / (hi[0] - lo[0]));
        after = Math.min(Math.max(after, lo[1] + 1), hi[1] - 1);
        if (after <= lo[1]) {
          after = lo[1];
        }
      }
      await this.page(after);
    }
    // interpolation did not get there (positions very unevenly spread): walk on from the nearest step below
    for (let i = 0; i < this.total / PAGE + 1 && step >= 1 && step <= this.total && !this.items.has(step); i++) {
      await this.page(this.around(step)[0][1]);
    }
    return this.items.get(step);
  }

  /** The page a quarter of a page beyond `step`, asked for before the slider gets there (one at a time). */
  prefetch(step, direction) {
    const ahead = step + direction * PAGE / 4;
    if (!this.prefetching && ahead >= 1 && ahead <= this.total && !this.items.has(ahead)) {
      this.prefetching = this.ensure(ahead).catch(() => {}).finally(() => { this.prefetching = null; });
    }
  }

  /** Loads everything from the start, a page at a time (the authors list and filters need all of it). */
  async fill(onProgress = () => {}) {
    while (this.filled < this.total) {
      const anchor = this.anchors.find(([s]) => s === this.filled);
      const after = anchor ? anchor[1] : this.items.get(this.filled)?.position ?? 0;
      const before = this.filled;
      await this.page(after);
      this.advanceFilled();
      onProgress(this.filled, this.total);
      if (this.filled === before) {
        break; // nothing new: the history shrank under us? stop rather than loop
      }
    }
  }

  /** How many changes are at or before a global position (the step a named version points at). */
  async stepAt(position) {
    const answer = (await query('GET', this.base + '/changes?after=' + position + '&limit=1')).body;
    const first = answer.items[0];
    return first ? first.index - 1 : answer.total;
  }

  async page(after, limit = PAGE) {
    const key = after + '/' + limit;
    if (!this.pending.has(key)) {
      const load = query('GET', this.base + '/changes?after=' + after + '&limit=' + limit).then(answer => {
        const body = answer.body;
        this.total = body.total;
        if (body.items.length === 0) {
          this.addAnchor(body.total, after);
        } else {
          this.addAnchor(body.items[0].index - 1, after);
        }
        for (const item of body.items) {
          item.step = item.index;
          this.items.set(item.index, item);
          this.addAnchor(item.index, item.position);
        }
        this.advanceFilled();
      }).finally(() => this.pending.delete(key));
      this.pending.set(key, load);
    }
    return this.pending.get(key);
  }

  advanceFilled() {
    while (this.items.has(this.filled + 1)) {
      this.filled++;
    }
  }

  addAnchor(step, position) {
    const at = this.anchors.findIndex(([s]) => s >= step);
    if (at === -1) {
      this.anchors.push([step, position]);
    } else if (this.anchors[at][0] === step) {
      this.anchors[at][1] = Math.min(this.anchors[at][1], position);
    } else {
      this.anchors.splice(at, 0, [step, position]);
    }
  }

  around(step) {
    let lo = this.anchors[0];
    let hi = null;
    for (const anchor of this.anchors) {
      if (anchor[0] < step) {
        lo = anchor;
      } else if (!hi) {
        hi = anchor;
      }
    }
    return [lo, hi];
  }
}

/** The history of one sub-criterion or OP item (with its comments), filtered by the server, paged by number. */
export class SectionHistory {
  constructor(id, section, filters) {
    const params = new URLSearchParams({ size: String(PAGE) });
    for (const [key, value] of Object.entries(filters)) {
      if (value) {
        params.set(key, value);
      }
    }
    this.url = p => '/api/assessments/' + encodeURIComponent(id) + '/' + section + '/history?' + params + '&page=' + p;
    this.items = new Map();
    this.pages = new Map();
    this.total = 0;
    this.filled = 0;
  }

  async open() {
    await this.page(0);
    return this.total;
  }

  get(step) {
    return this.items.get(step);
  }

  async ensure(step) {
    if (step >= 1 && step <= this.total && !this.items.has(step)) {
      await this.page(Math.floor((step - 1) / PAGE));
    }
    return this.items.get(step);
  }

  prefetch(step, direction) {
    const ahead = step + direction * PAGE / 4;
    if (ahead >= 1 && ahead <= this.total && !this.items.has(ahead)) {
      this.ensure(ahead).catch(() => {});
    }
  }

  async fill(onProgress = () => {}) {
    for (let p = 0; p * PAGE < this.total; p++) {
      await this.page(p);
      onProgress(this.filled, this.total);
    }
  }

  async stepAt(position) {
    await this.fill();
    let step = 0;
    for (let s = 1; s <= this.total && this.items.get(s)?.position <= position; s++) {
      step = s;
    }
    return step;
  }

  page(p) {
    if (!this.pages.has(p)) {
      this.pages.set(p, query('GET', this.url(p)).then(answer => {
        this.total = answer.body.total;
        answer.body.items.forEach((item, i) => {
          item.step = p * PAGE + i + 1;
          this.items.set(item.step, item);
        });
        while (this.items.has(this.filled + 1)) {
          this.filled++;
        }
      }, failed => { this.pages.delete(p); throw failed; }));
    }
    return this.pages.get(p);
  }
}

/** The whole feed narrowed by author and dates in the browser (the feed has no filters): loads it all first. */
export class FilteredFeed {
  constructor(feed, keep) {
    this.feed = feed;
    this.keep = keep;
    this.items = new Map();
    this.total = 0;
    this.filled = 0;
  }

  async open(currentPosition, onProgress) {
    await this.feed.open(currentPosition);
    await this.feed.fill(onProgress);
    let step = 0;
    for (let s = 1; s <= this.feed.total; s++) {
      const item = this.feed.get(s);
      if (item && this.keep(item)) {
        this.items.set(++step, { ...item, step });
      }
    }
    this.total = this.filled = step;
    return step;
  }

  get(step) {
    return this.items.get(step);
  }

  async ensure(step) {
    return this.items.get(step);
  }

  prefetch() {
  }

  async fill() {
  }

  async stepAt(position) {
    let step = 0;
    for (let s = 1; s <= this.total && this.items.get(s).position <= position; s++) {
      step = s;
    }
    return step;
  }
}
