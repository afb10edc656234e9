// Starts the app: settings from the server, the shell's stores and component, Alpine, a restored sign-in, and
// the router.
import { Alpine } from './alpine.js';
import { configure, loadConfig } from './api.js';
import { currentToken, expired, restore, signOut } from './auth.js';
import { ROLES } from './thai.js';
import { navigate, start, toSignIn } from './router.js';

window.Alpine = Alpine;

Alpine.store('session', { person: null });
Alpine.store('network', { offline: !navigator.onLine });
Alpine.store('route', {
  view: null, params: {}, query: {},
  set(route) { Object.assign(this, route); },
});
window.addEventListener('online', () => { Alpine.store('network').offline = false; });
window.addEventListener('offline', () => { Alpine.store('network').offline = true; });

Alpine.data('shell', () => ({
  roleLabel() {
    const role = this.$store.session.person?.role;
    return ROLES[role] || role || '';
  },
  async signOut() {
    await signOut();
    navigate('/app/sign-in', { replace: true });
  },
}));

configure({
  token: currentToken,
  // an expired or withdrawn token: back to sign-in; unsaved text stays in sessionStorage (drafts.js)
  unauthorized: () => { expired(); toSignIn(); },
});

Alpine.start();
await loadConfig();
await restore();
await start(document.querySelector('[data-outlet]'));
