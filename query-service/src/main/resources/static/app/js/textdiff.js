// Word-level differences between two texts, for the conflict dialog's colours and for keeping the caret where it
// was when a text is replaced by a merged one. Thai has no spaces between words: the browser's own word segmenter
// (ICU's dictionary) cuts them. The cost is bounded: past EDIT_BUDGET differing words the middle is shown as one
// replacement instead of being searched further.
const SEGMENTER = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('th', { granularity: 'word' }) : null;
const EDIT_BUDGET = 1500;

/** The text cut into words, spaces and punctuation; joined again they are the text, unchanged. */
export function words(text) {
  if (!text) {
    return [];
  }
  if (!SEGMENTER) {
    return text.match(/\s+|[^\s]+/g) || [];
  }
  return Array.from(SEGMENTER.segment(text), s => s.segment);
}

/**
 * How to get from {@code before} to {@code after}: chunks {op: '=' | '-' | '+', text}, neighbours of one kind
 * joined, deletions before insertions where both replace the same place.
 */
export function diff(before, after) {
  const a = words(before || '');
  const b = words(after || '');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) {
    start++;
  }
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops = [];
  a.slice(0, start).forEach(t => ops.push(['=', t]));
  middle(a.slice(start, endA), b.slice(start, endB)).forEach(op => ops.push(op));
  a.slice(endA).forEach(t => ops.push(['=', t]));
  return joined(ops);
}

/** Myers' O((N+M)·D) shortest edit script, keeping each round's frontier to walk back along. */
function middle(a, b) {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) {
    return [...a.map(t => ['-', t]), ...b.map(t => ['+', t])];
  }
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 1);
  const trace = [];
  const limit = Math.min(n + m, EDIT_BUDGET);
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = (k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        return walkBack(trace, a, b);
      }
    }
  }
  return [...a.map(t => ['-', t]), ...b.map(t => ['+', t])]; // too different to be worth the search
}

function walkBack(trace, a, b) {
  const ops = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const frontier = trace[d];
    const at = k => frontier[k + d + 1];
    const k = x - y;
    const previousK = (k === -d || (k !== d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      ops.push(['=', a[x - 1]]);
      x--;
      y--;
    }
    if (d > 0) {
      if (x === previousX) {
        ops.push(['+', b[y - 1]]);
      } else {
        ops.push(['-', a[x - 1]]);
      }
    }
    x = previousX;
    y = previousY;
  }
  return ops.reverse();
}

function joined(ops) {
  const chunks = [];
  for (const [op, text] of ops) {
    const last = chunks[chunks.length - 1];
    if (last && last.op === op) {
      last.text += text;
    } else {
      chunks.push({ op, text });
    }
  }
  // a replacement reads better as "deleted, then inserted"
  for (let i = 1; i < chunks.length; i++) {
    if (chunks[i - 1].op === '+' && chunks[i].op === '-') {
      [chunks[i - 1], chunks[i]] = [chunks[i], chunks[i - 1]];
    }
  }
  return chunks;
}

/**
 * Where an offset of {@code before} lands in {@code after}, following {@code chunks = diff(before, after)}: text
 * both share keeps its place; inside text the other side removed, the place where the removal was.
 */
export function mapOffset(chunks, offset) {
  let from = 0;
  let to = 0;
  for (const chunk of chunks) {
    const length = chunk.text.length;
    if (chunk.op === '=') {
      if (offset <= from + length) {
        return to + (offset - from);
      }
      from += length;
      to += length;
    } else if (chunk.op === '-') {
      if (offset < from + length) {
        return to;
      }
      from += length;
    } else {
      to += length;
    }
  }
  return to;
}

/**
 * The server merged what was sent ({@code sent}) with others' edits into {@code merged}, while the person went on
 * typing ({@code now}). Their edit since sending is laid onto the merged text, so nothing they typed is lost, and
 * the caret ({@code caret}, an offset of {@code now}) keeps its place. Returns {text, caret}.
 */
export function rebase(sent, merged, now, caret) {
  const chunks = diff(sent, merged);
  if (now === sent) {
    return { text: merged, caret: mapOffset(chunks, caret) };
  }
  let prefix = 0;
  const shorter = Math.min(sent.length, now.length);
  while (prefix < shorter && sent[prefix] === now[prefix]) {
    prefix++;
  }
  let suffix = 0;
  while (suffix < shorter - prefix && sent[sent.length - 1 - suffix] === now[now.length - 1 - suffix]) {
    suffix++;
  }
  const typed = now.substring(prefix, now.length - suffix);
  const regionStart = mapOffset(chunks, prefix);
  const regionEnd = Math.max(regionStart, mapOffset(chunks, sent.length - suffix));
  const text = merged.substring(0, regionStart) + typed + merged.substring(regionEnd);
  let place;
  if (caret <= prefix) {
    place = mapOffset(chunks, caret);
  } else if (caret >= now.length - suffix) {
    const inMerged = mapOffset(chunks, caret - (now.length - sent.length));
    place = regionStart + typed.length + Math.max(0, inMerged - regionEnd);
  } else {
    place = regionStart + (caret - prefix);
  }
  return { text, caret: Math.max(0, Math.min(text.length, place)) };
}
