// Who is signed in. The tokens live only in this module's memory, never in localStorage or a cookie: a reload
// gets fresh ones. Development mode remembers the chosen demo person (not the token) in sessionStorage and mints
// again; OIDC mode runs the authorization code flow with PKCE (S256), silently (prompt=none) after a reload, renews
// the access token with the refresh token (no page load, so nothing typed is lost) and signs out at the issuer.
import { Alpine } from './alpine.js';
import { query, settings, ApiError } from './api.js';

const PERSON = 'pmqa.person';
const OIDC_PENDING = 'pmqa.oidc.pending';
const OIDC_SIGNED_IN = 'pmqa.oidc.signedIn';

let token = null;
let renewal = null;
let refreshToken = null;
let idToken = null;

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
  refreshToken = null;
  clearTimeout(renewal);
  Alpine.store('session').person = null;
}

/**
 * Forgets the tokens; with OIDC also ends the session at the issuer (RP-initiated logout), which then sends the
 * browser back to the sign-in page. The ID token tells the issuer whose session it is, so it asks no question.
 */
export async function signOut() {
  const hint = idToken;
  token = null;
  refreshToken = null;
  idToken = null;
  clearTimeout(renewal);
  sessionStorage.removeItem(PERSON);
  sessionStorage.removeItem(OIDC_SIGNED_IN);
  Alpine.store('session').person = null;
  if (settings().authMode === 'oidc') {
    const discovery = await discover();
    if (discovery.end_session_endpoint) {
      const parameters = new URLSearchParams({
        client_id: settings().clientId, post_logout_redirect_uri: location.origin + '/app/sign-in',
      });
      if (hint) {
        parameters.set('id_token_hint', hint);
      }
      location.assign(discovery.end_session_endpoint + '?' + parameters);
      return new Promise(() => {}); // the page is leaving for the issuer
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

const PMQA_ROLES = ['LEAD', 'EDITOR', 'FACILITATOR', 'ADMIN'];
let discovered = null;

async function discover() {
  if (!discovered) {
    const issuer = settings().issuer.replace(/\/$/, '');
    const response = await fetch(issuer + '/.well-known/openid-configuration', { credentials: 'omit' });
    if (!response.ok) {
      throw new ApiError(response.status, { title: 'OIDC discovery failed' });
    }
    discovered = await response.json();
  }
  return discovered;
}

function randomText(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A JWT's claims (the services verify the token; the page only shows who it names). */
function claimsOf(jwt) {
  return JSON.parse(new TextDecoder().decode(
      Uint8Array.from(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0))));
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

async function tokenRequest(fields) {
  const discovery = await discover();
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST', credentials: 'omit',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: settings().clientId, ...fields }),
  });
  if (!response.ok) {
    throw new ApiError(response.status, { title: 'The issuer refused the token request' });
  }
  return response.json();
}

/** Takes the issuer's answer: the access token for the API, the refresh token for renewal, the ID token for logout. */
function accept(tokens) {
  token = tokens.access_token;
  refreshToken = tokens.refresh_token || null;
  idToken = tokens.id_token || idToken;
  const claims = claimsOf(token);
  // Keycloak puts realm roles under realm_access.roles; the development tokens and other issuers under roles
  const granted = [].concat(claims.roles || [], claims.realm_access?.roles || []).map(String);
  const person = {
    userId: claims.sub, name: claims.name || claims.preferred_username || claims.sub, organization: claims.org || '',
    role: PMQA_ROLES.find(role => granted.includes(role)) || '',
  };
  const shown = Alpine.store('session').person;
  // a renewal of the same person changes nothing on screen (no view reacts to a new but equal person)
  if (!shown || shown.userId !== person.userId || shown.role !== person.role
      || shown.organization !== person.organization || shown.name !== person.name) {
    Alpine.store('session').person = person;
  }
  clearTimeout(renewal);
  if (tokens.expires_in && refreshToken) {
    // renewed a quarter of its lifetime early, at most 5 minutes (Keycloak's access tokens live 5 minutes)
    const lifetime = tokens.expires_in * 1000;
    renewal = setTimeout(() => renew().catch(() => expired()), lifetime - Math.min(5 * 60 * 1000, lifetime / 4));
  }
}

/** A new access token by the refresh token: a background request, the page and what is typed in it stay. */
async function renew() {
  if (!refreshToken) {
    throw new Error('no refresh token');
  }
  accept(await tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken }));
}

async function finishOidc(callback) {
  const pending = JSON.parse(sessionStorage.getItem(OIDC_PENDING) || 'null');
  sessionStorage.removeItem(OIDC_PENDING);
  history.replaceState(null, '', '/app/sign-in' + (pending?.next ? '?next=' + encodeURIComponent(pending.next) : ''));
  if (!pending || callback.get('state') !== pending.state || callback.has('error')) {
    sessionStorage.removeItem(OIDC_SIGNED_IN); // a silent attempt that needs a login page: show ours
    return false;
  }
  try {
    accept(await tokenRequest({
      grant_type: 'authorization_code', code: callback.get('code'), redirect_uri: location.origin + '/app/sign-in',
      code_verifier: pending.verifier,
    }));
  } catch (refused) {
    return false;
  }
  sessionStorage.setItem(OIDC_SIGNED_IN, '1');
  if (pending.next) {
    history.replaceState(null, '', pending.next);
  }
  return true;
}
