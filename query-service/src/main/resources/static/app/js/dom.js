// The few DOM calls of the parts we draw without Alpine (hundreds of rows, thousands of cells): elements, text and
// attributes only, never markup from data; colours are classes (the CSP forbids inline style).

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
