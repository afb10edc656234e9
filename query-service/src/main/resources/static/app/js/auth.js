// Who is signed in. The token lives only in this module's memory, never in localStorage or a cookie: a reload
// gets a fresh one. Development mode remembers the chosen demo person (not the token) in sessionStorage and mints
// again; OIDC mode runs the authorization code flow with PKCE (S256), silently (prompt=none) after a reload.
import { Alpine } from './alpine.js';
import { query, settings, ApiError } from './api.js';

const PERSON = 'pmqa.person';
const OIDC_PENDING = 'pmqa.oidc.pending';
const OIDC_SIGNED_IN = 'pmqa.oidc.signedIn';

let token = null;
let renewal = null;

export function currentToken() {
  return token;
}

export function signedIn() {
  return token !== null;
}

/** After a reload: a token again for the person of this tab, if there was one. True when signed in. */
export async function restore() {
  if (settings().authMode === 'dev') {
    const remembered = sessionStorage.getItem(PERSON);
    if (remembered) {
      try {
        await signInAsDemoPerson(JSON.parse(remembered));
      } catch (refused) {
        sessionStorage.removeItem(PERSON);
      }
    }
    return signedIn();
  }
  const callback = new URLSearchParams(location.search);
  if (location.pathname === '/app/sign-in' && (callback.has('code') || callback.has('error'))) {
    return finishOidc(callback);
  }
  if (sessionStorage.getItem(OIDC_SIGNED_IN)) {
    await startOidc(location.pathname + location.search, true);
    return new Promise(() => {}); // the page is leaving for the issuer
  }
  return false;
}

/** Development key only: the server mints a token for the person typed or picked on the sign-in page. */
export async function signInAsDemoPerson(person) {
  const answer = await query('POST', '/api/dev/tokens', { body: person, anonymous: true, retry: true });
  token = answer.body.token;
  sessionStorage.setItem(PERSON, JSON.stringify(person));
  Alpine.store('session').person = { ...person };
  scheduleRenewal(answer.body.expiresAt, () => signInAsDemoPerson(person));
}

export function rememberedPerson() {
  const remembered = sessionStorage.getItem(PERSON);
  return remembered ? JSON.parse(remembered) : null;
}

/** The API refused the token (expired): forget it; the person is kept so the sign-in form is filled in. */
export function expired() {
  token = null;
  clearTimeout(renewal);
  Alpine.store('session').person = null;
}

export async function signOut() {
  token = null;
  clearTimeout(renewal);
  sessionStorage.removeItem(PERSON);
  sessionStorage.removeItem(OIDC_SIGNED_IN);
  Alpine.store('session').person = null;
  if (settings().authMode === 'oidc') {
    const discovery = await discover();
    if (discovery.end_session_endpoint) {
      location.assign(discovery.end_session_endpoint + '?client_id=' + encodeURIComponent(settings().clientId)
                      + '&post_logout_redirect_uri=' + encodeURIComponent(location.origin + '/app/sign-in'));
    }
  }
}

function scheduleRenewal(expiresAt, renew) {
  clearTimeout(renewal);
  const inMs = new Date(expiresAt).getTime() - Date.now() - 5 * 60 * 1000;
  if (inMs > 0) {
    renewal = setTimeout(() => renew().catch(() => expired()), inMs);
  }
}

// ---- OIDC: authorization code with PKCE against STUDIO_JWT_ISSUER_URI's discovery document ----

async function discover() {
  const issuer = settings().issuer.replace(/\/$/, '');
  const response = await fetch(issuer + '/.well-known/openid-configuration', { credentials: 'omit' });
  if (!response.ok) {
    throw new ApiError(response.status, { title: 'OIDC discovery failed' });
  }
  return response.json();
}

function randomText(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Leaves for the issuer's login page; {@code silent} asks it not to show one (prompt=none) after a reload. */
export async function startOidc(next, silent = false) {
  const discovery = await discover();
  const verifier = randomText(32);
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = randomText(16);
  sessionStorage.setItem(OIDC_PENDING, JSON.stringify({ verifier, state, next, silent }));
  const parameters = new URLSearchParams({
    response_type: 'code', client_id: settings().clientId, redirect_uri: location.origin + '/app/sign-in',
    scope: 'openid profile', code_challenge: challenge, code_challenge_method: 'S256', state,
  });
  if (silent) {
    parameters.set('prompt', 'none');
  }
  location.assign(discovery.authorization_endpoint + '?' + parameters);
}

async function finishOidc(callback) {
  const pending = JSON.parse(sessionStorage.getItem(OIDC_PENDING) || 'null');
  sessionStorage.removeItem(OIDC_PENDING);
  history.replaceState(null, '', '/app/sign-in' + (pending?.next ? '?next=' + encodeURIComponent(pending.next) : ''));
  if (!pending || callback.get('state') !== pending.state || callback.has('error')) {
    sessionStorage.removeItem(OIDC_SIGNED_IN); // a silent attempt that needs a login page: show ours
    return false;
  }
  const discovery = await discover();
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST', credentials: 'omit',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: callback.get('code'), redirect_uri: location.origin + '/app/sign-in',
      client_id: settings().clientId, code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) {
    return false;
  }
  const tokens = await response.json();
  token = tokens.access_token;
  sessionStorage.setItem(OIDC_SIGNED_IN, '1');
  const claims = JSON.parse(new TextDecoder().decode(
      Uint8Array.from(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0))));
  Alpine.store('session').person = {
    userId: claims.sub, name: claims.name || claims.preferred_username || claims.sub, organization: claims.org || '',
    role: Array.isArray(claims.roles) ? claims.roles.join(', ') : '',
  };
  if (tokens.expires_in) {
    scheduleRenewal(new Date(Date.now() + tokens.expires_in * 1000),
                    () => startOidc(location.pathname + location.search, true));
  }
  if (pending.next) {
    history.replaceState(null, '', pending.next);
  }
  return true;
}
