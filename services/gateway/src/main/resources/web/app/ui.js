// What every view shares: how it is put in place, how a failure reads, and the
// Idempotency-Key of a submission.

import { readableMessage, ApiError } from './api.js';
import { h } from './dom.js';

const main = document.getElementById('main');

export function newIdempotencyKey() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  // crypto.randomUUID exists only in secure contexts; a gateway opened by plain http on
  // a LAN address is not one
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function problemBox(error, retry) {
  const message = readableMessage(error);
  return h('div', { class: 'problem', role: 'alert', dataset: { status: error instanceof ApiError ? error.status : '' } },
    h('h2', {}, message.title),
    h('p', {}, message.detail),
    error instanceof ApiError && error.problem.type ? h('p', { class: 'muted' }, 'Problem type: ', h('a', { href: error.problem.type }, error.problem.type),
      error.problem.requestId ? ` · request ${error.problem.requestId}` : '') : null,
    retry ? h('button', { type: 'button', class: 'secondary', onclick: retry }, 'Try again') : null);
}

export function needKey(purpose) {
  return h('div', { class: 'problem', role: 'alert', dataset: { needsKey: 'true' } }, h('h2', {}, 'Enter your API key first'),
    h('p', {}, `${purpose} needs an API key: type it in the box at the top of the page and choose “Use key”. It stays in this browser tab only.`));
}

let focusOnShow = false;

/**
 * From now on a new view takes focus: after the person navigated, not on the page's
 * first load, where the first Tab must still reach the skip link.
 */
export function focusViews() {
  focusOnShow = true;
}

/** Puts a view in place; after a navigation, focus moves to its heading so keyboard and screen reader users land on it. */
export function show(...content) {
  main.replaceChildren(...content);
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    document.title = `${heading.textContent} · Stackplan`;
    if (focusOnShow) {
      heading.focus({ preventScroll: false });
    }
  }
}

