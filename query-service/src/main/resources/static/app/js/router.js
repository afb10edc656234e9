// The client router: the same paths as the server's deep links (a reload lands on the same screen). A route's view
// is our own template, app/views/<name>.html, fetched same-origin and put into <main>; its module
// app/js/views/<name>.js registers the view's Alpine component before the template is shown.
import { Alpine } from './alpine.js';
import { fetchFile } from './api.js';
import { signedIn } from './auth.js';

const ROUTES = [
  { view: 'assessments', path: /^\/app\/?$/, keys: [], title: 'การประเมินของฉัน' },
  { view: 'sign-in', path: /^\/app\/sign-in\/?$/, keys: [], title: 'เข้าสู่ระบบ', public: true },
  { view: 'overview', path: /^\/app\/assessments\/([^/]+)\/?$/, keys: ['id'], title: 'ภาพรวมการประเมิน' },
  { view: 'profile', path: /^\/app\/assessments\/([^/]+)\/profile\/?$/, keys: ['id'], title: 'ลักษณะสำคัญขององค์การ' },
  { view: 'worksheet', path: /^\/app\/assessments\/([^/]+)\/criteria\/([^/]+)\/?$/, keys: ['id', 'criterionId'],
    title: 'ใบงานเกณฑ์' },
  { view: 'report', path: /^\/app\/assessments\/([^/]+)\/report\/?$/, keys: ['id'], title: 'รายงานการประเมิน' },
  { view: 'history', path: /^\/app\/assessments\/([^/]+)\/history\/?$/, keys: ['id'], title: 'ประวัติการแก้ไข' },
  { view: 'dashboard', path: /^\/app\/dashboard\/?$/, keys: [], title: 'แดชบอร์ด' },
];

// views that are only a template, without a component of their own
const TEMPLATE_ONLY = new Set(['not-found', 'access-denied']);

let outlet = null;
let generation = 0;

export function start(main) {
  outlet = main;
  window.addEventListener('popstate', () => show(location.pathname, location.search));
  document.addEventListener('click', event => {
    const link = event.target.closest('a[href]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
        || event.altKey || link.target || link.hasAttribute('download')) {
      return;
    }
    const url = new URL(link.href, location.href);
    if (url.origin === location.origin && url.pathname.startsWith('/app') && !/[^/]\.[a-z][a-z0-9]*$/i.test(url.pathname)) {
      event.preventDefault();
      navigate(url.pathname + url.search);
    }
  });
  return show(location.pathname, location.search);
}

export function navigate(path, { replace = false } = {}) {
  const url = new URL(path, location.origin);
  history[replace ? 'replaceState' : 'pushState'](null, '', url.pathname + url.search);
  return show(url.pathname, url.search);
}

/** Where a person who is not signed in goes: the sign-in page, back here afterwards. */
export function toSignIn() {
  const here = location.pathname + location.search;
  const next = location.pathname.startsWith('/app/sign-in') ? '' : '?next=' + encodeURIComponent(here);
  return navigate('/app/sign-in' + next, { replace: true });
}

/** The screen for a person the server refused (403): replaces the current view, keeps the address. */
export function deny() {
  return render('access-denied', 'ไม่มีสิทธิ์เข้าถึง', ++generation);
}

async function show(pathname, search) {
  const mine = ++generation;
  const route = ROUTES.find(r => r.path.test(pathname));
  if (!route) {
    return render('not-found', 'ไม่พบหน้านี้', mine);
  }
  if (!route.public && !signedIn()) {
    return toSignIn();
  }
  const match = route.path.exec(pathname);
  const params = {};
  route.keys.forEach((key, i) => { params[key] = decodeURIComponent(match[i + 1]); });
  Alpine.store('route').set({ view: route.view, params, query: Object.fromEntries(new URLSearchParams(search)) });
  return render(route.view, route.title, mine);
}

async function render(view, title, mine) {
  let template;
  try {
    const response = await fetchFile('/app/views/' + view + '.html');
    if (!response.ok) {
      throw new Error('no view ' + view);
    }
    template = await response.text();
    if (!TEMPLATE_ONLY.has(view)) {
      await import('/app/js/views/' + view + '.js');
    }
  } catch (missing) {
    if (view === 'not-found') {
      throw missing;
    }
    return render('not-found', 'ไม่พบหน้านี้', mine);
  }
  if (mine !== generation) {
    return; // a later navigation won
  }
  // our own static template, parsed as a document (never assigned as markup to a live element)
  const parsed = new DOMParser().parseFromString(template, 'text/html');
  outlet.replaceChildren(...parsed.body.childNodes);
  document.title = title + ' · PMQA Report Studio';
  outlet.focus({ preventScroll: true });
}
