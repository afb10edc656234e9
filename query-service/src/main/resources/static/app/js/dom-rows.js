// Rows we draw ourselves rather than through Alpine (hundreds of rows, thousands of cells, where a binding each took
// seconds): elements, text and attributes only, never markup from data, colours as classes (the CSP forbids inline
// style); keyed bodies that update a row only when it changed; and drawing a list into them in short slices.

/** A new element with attributes (name → value) and, if given, its text. */
export function element(tag, attributes, text) {
  const el = document.createElement(tag);
  for (const name in attributes) {
    el.setAttribute(name, attributes[name]);
  }
  if (text !== undefined) {
    el.textContent = text;
  }
  return el;
}

/** Appends children (elements or strings, as text) to {@code parent}; answers the parent. */
export function append(parent, ...children) {
  for (const child of children) {
    parent.append(child);
  }
  return parent;
}

/**
 * Writes the fields of {@code after} that differ from {@code before} (all of them when there is no before) through
 * their writers (field → (parts, value) => …), so an update touches only what changed.
 */
export function writeChanged(writers, parts, before, after) {
  for (const field in writers) {
    if (!before || before[field] !== after[field]) {
      writers[field](parts, after[field]);
    }
  }
}

// A table body whose rows we draw, one per item and keyed by it: an item drawn before is updated only if it (its
// object), the context or a touch says it changed, and moved into place, never rebuilt. So one live row costs one
// row's writes, and the same list drawn again costs a lookup per row.
export class KeyedBody {
  /**
   * @param drawer {create(item, context) → parts, update(parts, item, context), element(parts) → the row}
   * @param keyOf  the item's key (an assessment id)
   */
  constructor(drawer, keyOf) {
    this.drawer = drawer;
    this.keyOf = keyOf;
    this.body = null;
    this.drawn = new Map();
    this.touched = new Set();
  }

  /** Draws into {@code body} from now on (a body of another page starts empty). */
  attach(body) {
    if (body !== this.body) {
      this.body = body;
      this.drawn.clear();
    }
  }

  /** The next drawing updates the item of this key even if it is the same object (it changed in place). */
  touch(key) {
    this.touched.add(key);
  }

  /**
   * Draws {@code item}'s row just before {@code cursor} (a row of this body or null for the end) unless it is the
   * cursor; answers the row after it, the next cursor.
   */
  place(item, context, cursor) {
    const key = this.keyOf(item);
    const touched = this.touched.delete(key);
    let drawn = this.drawn.get(key);
    if (!drawn) {
      drawn = { parts: this.drawer.create(item, context), item, context };
      this.drawn.set(key, drawn);
    } else if (touched || drawn.item !== item || drawn.context !== context) {
      this.drawer.update(drawn.parts, item, context);
      drawn.item = item;
      drawn.context = context;
    }
    const row = this.drawer.element(drawn.parts);
    if (row === cursor) {
      return cursor.nextSibling;
    }
    this.body.insertBefore(row, cursor);
    return cursor;
  }

  /** Takes away the rows from {@code cursor} on: items no longer shown (kept drawn, should they come back). */
  removeFrom(cursor) {
    while (cursor) {
      const next = cursor.nextSibling;
      cursor.remove();
      cursor = next;
    }
  }
}

// Draws a list into several keyed bodies (the dashboard's table, then its heatmap) in slices of a few milliseconds:
// the first slice at once (the first screenful), the rest in later tasks, so no task holds the page for long and it
// paints, scrolls and answers keys between slices. A new drawing replaces one still under way; rows it had done
// already cost only a lookup.
const SLICE_MS = 12;

export class SlicedDraw {
  /** @param bodies KeyedBody instances, drawn in this order */
  constructor(bodies) {
    this.bodies = bodies;
    this.job = null;
  }

  /** Draws {@code items} into every body, body i with {@code contexts[i]}; the first slice now. */
  draw(items, contexts) {
    this.job = { items, contexts, body: 0, index: 0, cursor: undefined, timer: 0 };
    this.slice(this.job);
  }

  /** Whether a drawing has slices left. */
  busy() {
    return this.job !== null;
  }

  stop() {
    if (this.job) {
      clearTimeout(this.job.timer);
    }
    this.job = null;
  }

  slice(job) {
    if (job !== this.job) {
      return; // replaced by a newer drawing, or stopped
    }
    const deadline = performance.now() + SLICE_MS;
    while (job.body < this.bodies.length) {
      const body = this.bodies[job.body];
      if (job.cursor === undefined) {
        job.cursor = body.body.firstChild;
      }
      while (job.index < job.items.length) {
        job.cursor = body.place(job.items[job.index++], job.contexts[job.body], job.cursor);
        if (job.index < job.items.length && performance.now() > deadline) {
          job.timer = setTimeout(() => this.slice(job));
          return;
        }
      }
      body.removeFrom(job.cursor);
      job.body++;
      job.index = 0;
      job.cursor = undefined;
    }
    this.job = null;
  }
}
