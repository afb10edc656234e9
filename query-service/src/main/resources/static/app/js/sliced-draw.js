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
