// Calls to both services: the bearer header, problem details turned into ApiError (with a Thai sentence), and
// network loss shown as "offline, will retry" while the call is retried with backoff.
import { Alpine } from './alpine.js';
import { problemInThai } from './thai.js';

let config = null;
let tokenOf = () => null;
let whenUnauthorized = () => {};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || 'HTTP ' + status);
    this.status = status;
    this.type = problem?.type || null;
    this.title = problem?.title || null;
    this.detail = problem?.detail || null;
    this.field = problem?.field || null;
    this.problem = problem || {};
    this.thai = problemInThai(status, problem);
  }
}

/** Where tokens come from (auth.js), and what a 401 does (back to sign-in): set once by main.js. */
export function configure({ token, unauthorized }) {
  tokenOf = token;
  whenUnauthorized = unauthorized;
}

/** The Authorization header for the current token, for callers that fetch themselves (stream.js). */
export function bearer() {
  const token = tokenOf();
  return token ? { Authorization: 'Bearer ' + token } : {};
}

/** The API refused the token: what a 401 does everywhere. */
export function unauthorized() {
  whenUnauthorized();
}

export async function loadConfig() {
  if (!config) {
    const answer = await call('query', 'GET', '/api/web/config', { anonymous: true });
    config = answer.body;
  }
  return config;
}

export function settings() {
  return config;
}

export const query = (method, path, options) => call('query', method, path, options);
export const command = (method, path, options) => call('command', method, path, options);

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const RETRIED_STATUSES = new Set([502, 503, 504]);

/**
 * One API call. GET, PUT and DELETE are retried while the network is down or a service answers 502/503/504
 * (PUT carries its baseRevision, so a repeat is harmless); POST only with {retry: true}, as a repeat could act twice.
 */
export async function call(service, method, path, { body, headers = {}, anonymous = false, retry } = {}) {
  const base = service === 'command' ? config.commandUrl : '';
  const retryable = retry ?? method !== 'POST';
  for (let attempt = 0; ; attempt++) {
    const sent = { Accept: 'application/json', ...headers };
    const token = anonymous ? null : tokenOf();
    if (token) {
      sent.Authorization = 'Bearer ' + token;
    }
    if (body !== undefined) {
      sent['Content-Type'] = 'application/json';
    }
    let response;
    try {
      response = await fetch(base + path, {
        method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit',
      });
    } catch (networkDown) {
      Alpine.store('network').offline = true;
      if (!retryable) {
        throw new ApiError(0, { title: 'offline', detail: String(networkDown) });
      }
      await sleep(backoff(attempt));
      continue;
    }
    Alpine.store('network').offline = false;
    if (RETRIED_STATUSES.has(response.status) && retryable && attempt < 8) {
      const after = Number(response.headers.get('Retry-After'));
      await sleep(after > 0 ? Math.min(after, 30) * 1000 : backoff(attempt));
      continue;
    }
    const parsed = await parse(response);
    if (response.status === 401 && token) {
      whenUnauthorized();
    }
    if (!response.ok) {
      throw new ApiError(response.status, parsed);
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }
}

/** A same-origin file of the app (a view's template): fetched again while the network is down, like GETs. */
export async function fetchFile(url) {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url, { credentials: 'omit' });
      Alpine.store('network').offline = false;
      return response;
    } catch (networkDown) {
      Alpine.store('network').offline = true;
      await sleep(backoff(attempt));
    }
  }
}

/** 0.5 s, 1 s, 2 s, … at most 10 s, with a little jitter so many tabs do not retry in step. */
function backoff(attempt) {
  return Math.min(10000, 500 * 2 ** attempt) * (0.8 + Math.random() * 0.4);
}

async function parse(response) {
  const type = response.headers.get('Content-Type') || '';
  if (response.status === 204 || !(type.includes('json'))) {
    return null;
  }
  try {
    return await response.json();
  } catch (notJson) {
    return null;
  }
}
