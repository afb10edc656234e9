// Server-sent events read with fetch and a stream reader, because EventSource cannot send the bearer header.
// Parses event:/data:/id: frames (comments are keep-alives), reconnects with backoff sending Last-Event-ID, and
// stops for good on 401 (back to sign-in), 403 and 404, which a retry would not change.
import { Alpine } from './alpine.js';
import { ApiError, bearer, settings, unauthorized } from './api.js';

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Opens {@code path} on the query service (or {service: 'command'}) and calls {@code onEvent({event, data, id})}
 * for each event, data parsed as JSON when it is JSON. {@code onError(ApiError)} on a final refusal. Returns
 * {close()}.
 */
export function openStream(path, { onEvent, onError = () => {}, service = 'query' } = {}) {
  const control = { closed: false, abort: null };
  run(path, service, onEvent, onError, control);
  return {
    close() {
      control.closed = true;
      control.abort?.abort();
    },
  };
}

async function run(path, service, onEvent, onError, control) {
  let lastEventId = null;
  for (let attempt = 0; !control.closed; attempt++) {
    control.abort = new AbortController();
    const headers = { Accept: 'text/event-stream', ...bearer() };
    if (lastEventId !== null) {
      headers['Last-Event-ID'] = lastEventId;
    }
    try {
      const base = service === 'command' ? settings().commandUrl : '';
      const response = await fetch(base + path, { headers, signal: control.abort.signal, credentials: 'omit' });
      Alpine.store('network').offline = false;
      if (response.status === 401) {
        unauthorized();
        return;
      }
      if (response.status === 403 || response.status === 404) {
        onError(new ApiError(response.status, await response.json().catch(() => null)));
        return;
      }
      if (!response.ok || !response.body) {
        throw new Error('stream answered ' + response.status);
      }
      attempt = 0;
      lastEventId = await read(response.body, onEvent, lastEventId);
    } catch (broken) {
      if (control.closed) {
        return;
      }
      if (broken instanceof TypeError) {
        Alpine.store('network').offline = true;
      }
    }
    if (!control.closed) {
      await sleep(Math.min(10000, 500 * 2 ** attempt) * (0.8 + Math.random() * 0.4));
    }
  }
}

/** Reads frames until the stream ends; returns the last event id seen. */
async function read(body, onEvent, lastEventId) {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return lastEventId;
    }
    buffered += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const frame = parseFrame(buffered.substring(0, end));
      buffered = buffered.substring(end + 2);
      if (frame.id !== null) {
        lastEventId = frame.id;
      }
      if (frame.data !== null) {
        onEvent(frame);
      }
    }
  }
}

/** One frame as the SSE standard reads it: "field: value" lines, data lines joined by newlines, ':' a comment. */
export function parseFrame(text) {
  let event = 'message';
  let id = null;
  const data = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith(':')) {
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.substring(0, colon);
    let value = colon < 0 ? '' : line.substring(colon + 1);
    if (value.startsWith(' ')) {
      value = value.substring(1);
    }
    if (field === 'event') {
      event = value;
    } else if (field === 'data') {
      data.push(value);
    } else if (field === 'id') {
      id = value;
    }
  }
  if (data.length === 0) {
    return { event, id, data: null };
  }
  const joined = data.join('\n');
  try {
    return { event, id, data: JSON.parse(joined) };
  } catch (notJson) {
    return { event, id, data: joined };
  }
}
