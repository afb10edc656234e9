// The query side's HTML report (ReportHtml), fetched with the person's token and shown in a sandboxed frame: the
// report is rendered once, on the server, and the browser guarantees that nothing in it can run (see docs/web.md,
// "Report view").
import { ApiError, bearer, unauthorized } from './api.js';

// ours, in place of the report's own <style>: the frame inherits the app's policy (style-src 'self'), which
// blocks inline style, and these add the app's typeface and a print layout
const SHEETS = ['/app/fonts/sarabun.css', '/app/css/report-frame.css'];

/** The report as HTML, as of `point` (URLSearchParams: position, asOf or label, or nothing for now). */
export async function fetchReportHtml(id, point) {
  const search = point.toString();
  const response = await fetch('/api/assessments/' + encodeURIComponent(id) + '/report.html' + (search ? '?' + search : ''),
                               { headers: { Accept: 'text/html', ...bearer() }, credentials: 'omit' });
  if (response.status === 401) {
    unauthorized();
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (notJson) {
      // a refusal without problem details: the status says enough
    }
    throw new ApiError(response.status, problem);
  }
  return response.text();
}

/**
 * The document the frame shows: the API's page, parsed (inert: a parsed document runs and loads nothing), with its
 * own style, any script and any <link> or <base> taken out and our style sheets put in. The API escapes all user
 * text, so this only takes out what the API itself writes; the sandbox is what makes it safe either way.
 */
export function frameDocument(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('style, script, link, base, meta[http-equiv]').forEach(element => element.remove());
  for (const href of SHEETS) {
    const link = doc.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    doc.head.append(link);
  }
  return '<!DOCTYPE html>\n' + doc.documentElement.outerHTML;
}

/**
 * Shows `html` in `frame` (an <iframe sandbox="allow-same-origin allow-modals">, never allow-scripts) and keeps the
 * frame as tall as its document, so the page has one scroll bar. Answers a function that stops following its size.
 */
export function showInFrame(frame, html) {
  let observer = null;
  const fit = () => {
    const root = frame.contentDocument?.documentElement;
    if (root) {
      // the document's own height (not scrollHeight, which is never less than the frame): CSSOM, which the policy
      // allows, unlike a style attribute
      frame.style.height = Math.ceil(root.getBoundingClientRect().height) + 'px';
    }
  };
  const loaded = () => {
    fit();
    observer?.disconnect();
    observer = new ResizeObserver(fit);
    if (frame.contentDocument?.documentElement) {
      observer.observe(frame.contentDocument.documentElement);
    }
  };
  frame.addEventListener('load', loaded);
  frame.srcdoc = frameDocument(html);
  return () => {
    frame.removeEventListener('load', loaded);
    observer?.disconnect();
  };
}

/** Prints the report itself (the frame's document and its print style), not the app around it. */
export function printFrame(frame) {
  frame.contentWindow?.print();
}
