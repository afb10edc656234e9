// What every view that reads an assessment does alike: load it or show why not, and let go of its streams and
// unsaved text when the page goes away.
import { deny } from './router.js';

/**
 * The answer of load(), or null after showing why there is none: a 403 opens the access-denied page, any other
 * refusal is the view's error (in Thai).
 */
export async function loadOrDeny(view, load) {
  try {
    return await load();
  } catch (refused) {
    if (refused.status === 403) {
      deny();
    } else {
      view.error = refused.thai;
    }
    return null;
  }
}

/**
 * Leaving the page: what waits is sent now, and the streams are closed at once. Seen in WorksheetBrowserTest: without
 * this, the page loaded after two worksheets waited over 20 s for its first request to the query service (three
 * streams a page, six connections a browser allows per host). A page shown again from the back-forward cache has no
 * streams then, so it loads afresh.
 */
export function followPageLife(view) {
  view.leaving = () => {
    view.saver?.flush(Object.values(view.fields));
    view.streams.forEach(s => s.close());
  };
  view.returning = event => { if (event.persisted) location.reload(); };
  window.addEventListener('pagehide', view.leaving);
  window.addEventListener('pageshow', view.returning);
}

/** The view is taken off the page (another route): the same as leaving it, and its presence ends. */
export function leaveView(view) {
  view.saver?.flush(Object.values(view.fields || {}));
  view.streams.forEach(s => s.close());
  view.presence?.stop();
  if (view.leaving) {
    window.removeEventListener('pagehide', view.leaving);
    window.removeEventListener('pageshow', view.returning);
  }
}
