// Saying where this tab is: a heartbeat every 10 s as the presence API expects (PUT …/presence), and leaving
// (DELETE) when the view closes or the tab does. One id per tab, kept across reloads of that tab.
import { query, bearer } from './api.js';

const INTERVAL_MS = 10000;

export function tabId() {
  let id = sessionStorage.getItem('pmqa.tab');
  if (!id) {
    id = 'tab-' + Array.from(crypto.getRandomValues(new Uint8Array(8)), b => b.toString(16).padStart(2, '0')).join('');
    sessionStorage.setItem('pmqa.tab', id);
  }
  return id;
}

/** Starts heartbeats on {@code section} ('assessment', 'criteria/1.1', …); returns {update(section, activity), stop()}. */
export function announce(assessmentId, section, activity = 'viewing') {
  const path = '/api/assessments/' + encodeURIComponent(assessmentId) + '/presence';
  let where = { section, activity };
  const beat = () => query('PUT', path, { body: { ...where, clientId: tabId() }, retry: false }).catch(() => {});
  const leave = () => {
    // keepalive lets the request outlive a closing tab; fetch, unlike sendBeacon, can carry the bearer header
    fetch(path + '?clientId=' + encodeURIComponent(tabId()), {
      method: 'DELETE', headers: bearer(), keepalive: true, credentials: 'omit',
    }).catch(() => {});
  };
  beat();
  const timer = setInterval(beat, INTERVAL_MS);
  window.addEventListener('pagehide', leave);
  return {
    update(newSection, newActivity = where.activity) {
      if (newSection !== where.section || newActivity !== where.activity) {
        where = { section: newSection, activity: newActivity };
        beat();
      }
    },
    stop() {
      clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      leave();
    },
  };
}

/** Initials for an avatar: the first consonant of the first two words (a Thai leading vowel such as ใ is skipped). */
export function initials(name) {
  const words = (name || '?').trim().split(/\s+/);
  return words.slice(0, 2).map(w => Array.from(w).find(c => !'เแโใไ'.includes(c)) || Array.from(w)[0]).join('');
}
