// A table body whose rows we draw ourselves, one per item and keyed by it: an item drawn before is updated only if
// it (its object), the context or a touch says it changed, and moved into place, never rebuilt. So one live row
// costs one row's writes, and the same list drawn again costs a lookup per row.

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
