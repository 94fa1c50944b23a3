// The page's router: one view per address (#/plans/<id> is a plan's permalink), the API
// key kept for this browser tab only, and every failure shown as words.

import { api, apiKey, followEvents, readableMessage, ApiError } from './api.js';
import { show, problemBox, needKey, newIdempotencyKey, focusViews } from './ui.js';
import { planRequestFields, planStatuses, knowledgeBase } from './contract.js';
import { h, when, words } from './dom.js';
import { planForm } from './form.js';
import { planView } from './plan-view.js';
import { whatIfView } from './what-if.js';
import { scenariosView, scenarioView } from './scenarios.js';

let leaving = new AbortController();

// ---- the key

function refreshKeyState() {
  const state = document.getElementById('key-state');
  const key = apiKey.get();
  state.textContent = key ? 'A key is set for this tab.' : 'No key yet: the local ones are demo-key (plans) and analyst-key (scenarios).';
  document.getElementById('api-key').value = '';
}

document.getElementById('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = document.getElementById('api-key');
  if (input.value.trim()) {
    apiKey.set(input.value);
  }
  refreshKeyState();
  // a view that could not load without a (valid) key loads now; a half-filled form stays
  if (document.querySelector('#main [data-needs-key], #main .problem')) {
    focusViews();
    route();
  }
});
document.getElementById('forget-key').addEventListener('click', () => {
  apiKey.clear();
  refreshKeyState();
  route();
});

// ---- new plan

async function newPlanView(initial) {
  const fields = await planRequestFields();
  let submission = null;
  const { form } = planForm(fields, {
    initial,
    onSubmit: async ({ body, button, clearErrors, showErrors }) => {
      if (!apiKey.get()) {
        showErrors('Enter your API key first', 'Type it in the box at the top of the page and choose “Use key”.');
        return;
      }
      const text = JSON.stringify(body);
      // the same form sent twice (a double click, a retry) is one plan: the key changes
      // only when what is sent changes
      if (!submission || submission.text !== text) {
        submission = { text, key: newIdempotencyKey() };
      }
      button.disabled = true;
      button.textContent = 'Sending…';
      try {
        const answer = await api('/api/v1/plans', { method: 'POST', body, extraHeaders: { 'Idempotency-Key': submission.key } });
        clearErrors();
        location.hash = `#/plans/${answer.body.planId}`;
      } catch (error) {
        const message = readableMessage(error);
        showErrors(message.title, message.detail, error instanceof ApiError ? error.fieldErrors : []);
        if (error instanceof ApiError && error.status === 422) {
          submission = null;
        }
      } finally {
        button.disabled = false;
        button.textContent = 'Get my plan';
      }
    },
  });
  show(h('h1', {}, 'Which stack, and what will the engineers cost?'),
    h('p', { class: 'lead' }, 'Describe what you are building. You get one recommendation — Django, FastAPI or both — scored factor by factor with the source of every fact, and the cost of on-demand engineers against full-time hires.'),
    h('p', { class: 'muted' }, 'Fields marked * are required. The allowed values come from the API itself.'),
    form);
}

// ---- one plan

async function planPage(planId) {
  if (!apiKey.get()) {
    show(h('h1', {}, 'A plan'), needKey('Reading a plan'));
    return;
  }
  const signal = leaving.signal;
  const progress = h('div', { class: 'progress-panel', role: 'status', 'aria-live': 'polite' });
  show(h('h1', {}, 'Your plan'), progress);
  const render = async () => {
    const plan = (await api(`/api/v1/plans/${planId}`, { signal })).body;
    let knowledge = null;
    try {
      knowledge = await knowledgeBase(apiKey.get());
    } catch {
      knowledge = null;
    }
    if (!signal.aborted) {
      show(progress, planView(plan, knowledge));
      progress.hidden = plan.status === 'COMPLETE' || plan.status === 'FAILED';
    }
    return plan;
  };
  const isFinal = (status) => status === 'COMPLETE' || status === 'FAILED';
  try {
    let plan = (await api(`/api/v1/plans/${planId}`, { signal })).body;
    let shown = false;
    const started = Date.now();
    const step = (status) => {
      progress.replaceChildren(
        h('p', {}, status === 'PENDING' ? 'Scoring the frameworks and costing the engineers…'
          : `Part of the plan is here (${status}); waiting for the rest…`),
        h('progress', { 'aria-label': 'Plan progress' }),
        h('p', { class: 'muted' }, `${((Date.now() - started) / 1000).toFixed(1)} s`));
      progress.dataset.status = status;
    };
    // the stream ends when the plan is final or after the gateway's stream timeout; a
    // plan still waiting then is followed again, a bounded number of times
    for (let round = 0; !isFinal(plan.status) && round < 20 && !signal.aborted; round += 1) {
      step(plan.status);
      await followEvents(`/api/v1/plans/${planId}/events`, (event) => {
        if (event.event !== 'status') {
          return;
        }
        const status = JSON.parse(event.data).status;
        step(status);
        if (status === 'PARTIAL') {
          render().catch(() => {});
        }
      }, signal);
      plan = await render();
      shown = true;
    }
    if (!shown) {
      await render();
    }
  } catch (error) {
    if (error.name !== 'AbortError') {
      show(h('h1', {}, 'Your plan'), problemBox(error, () => route()));
    }
  }
}

// ---- the list

async function plansPage(params) {
  if (!apiKey.get()) {
    show(h('h1', {}, 'My plans'), needKey('The list of your plans'));
    return;
  }
  const statuses = await planStatuses();
  const status = params.get('status') || '';
  const cursor = params.get('cursor') || '';
  const previous = (params.get('back') || '').split(',').filter(Boolean);
  const filter = h('form', { class: 'inline-form', onsubmit: (event) => {
    event.preventDefault();
    const chosen = event.target.elements.status.value;
    location.hash = chosen ? `#/plans?status=${chosen}` : '#/plans';
  } },
  h('label', { for: 'status-filter' }, 'Status'),
  h('select', { id: 'status-filter', name: 'status' }, h('option', { value: '' }, 'All'),
    statuses.map((s) => h('option', { value: s, selected: s === status }, words(s)))),
  h('button', { type: 'submit', class: 'secondary' }, 'Show'));
  try {
    const query = new URLSearchParams({ limit: '10' });
    if (status) {
      query.set('status', status);
    }
    if (cursor) {
      query.set('cursor', cursor);
    }
    const page = (await api(`/api/v1/plans?${query}`, { signal: leaving.signal })).body;
    const link = (nextCursor, back) => {
      const q = new URLSearchParams();
      if (status) {
        q.set('status', status);
      }
      if (nextCursor) {
        q.set('cursor', nextCursor);
      }
      if (back.length) {
        q.set('back', back.join(','));
      }
      return `#/plans?${q}`;
    };
    const rows = page.items.map((plan) => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: `#/plans/${plan.planId}` }, plan.productName || plan.planId)),
      h('td', {}, words(plan.productKind)), h('td', {}, h('span', { class: `status status-${plan.status}` }, plan.status)),
      h('td', {}, words(plan.recommendation) || '–'), h('td', {}, when(plan.requestedAt))));
    show(h('h1', {}, 'My plans'), filter,
      page.items.length === 0 ? h('p', {}, 'No plans here yet. ', h('a', { href: '#/' }, 'Request one.')) :
        h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Table, scrolls sideways on a narrow screen' }, h('table', { class: 'plans' },
          h('caption', {}, 'Your plans, newest first'),
          h('thead', {}, h('tr', {}, ['Product', 'Kind', 'Status', 'Recommendation', 'Requested'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, rows))),
      h('nav', { class: 'pager', 'aria-label': 'Pages of plans' },
        previous.length || cursor ? h('a', { href: link(previous.at(-1) === '-' ? '' : previous.at(-1), previous.slice(0, -1)), rel: 'prev' }, '← Newer') : null,
        page.nextCursor ? h('a', { href: link(page.nextCursor, [...previous, cursor || '-']), rel: 'next' }, 'Older →') : null));
  } catch (error) {
    if (error.name !== 'AbortError') {
      show(h('h1', {}, 'My plans'), filter, problemBox(error, () => route()));
    }
  }
}

// ---- routing

const ROUTES = [
  [/^#?\/?$/, () => newPlanView(), 'new'],
  [/^#\/plans\/([0-9a-fA-F-]{36})\/what-if$/, (m) => whatIfView(m[1], leaving.signal), 'plans'],
  [/^#\/plans\/([0-9a-fA-F-]{36})$/, (m) => planPage(m[1]), 'plans'],
  [/^#\/plans(?:\?(.*))?$/, (m) => plansPage(new URLSearchParams(m[1] || '')), 'plans'],
  [/^#\/scenarios\/([0-9a-fA-F-]{36})$/, (m) => scenarioView(m[1], leaving.signal), 'scenarios'],
  [/^#\/scenarios(?:\?(.*))?$/, (m) => scenariosView(new URLSearchParams(m[1] || ''), leaving.signal), 'scenarios'],
];

async function route() {
  leaving.abort();
  leaving = new AbortController();
  const hash = location.hash || '#/';
  for (const [pattern, view, nav] of ROUTES) {
    const match = hash.match(pattern);
    if (match) {
      for (const link of document.querySelectorAll('[data-nav]')) {
        if (link.dataset.nav === nav) {
          link.setAttribute('aria-current', 'page');
        } else {
          link.removeAttribute('aria-current');
        }
      }
      try {
        await view(match);
      } catch (error) {
        show(h('h1', {}, 'Something went wrong'), problemBox(error, () => route()));
      }
      return;
    }
  }
  show(h('h1', {}, 'No such page'), h('p', {}, 'This address is not a page of Stackplan. ', h('a', { href: '#/' }, 'Request a plan.')));
}

// the address's hash is the router's: the skip link moves focus without changing it
document.querySelector('.skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main').focus();
});

window.addEventListener('hashchange', () => {
  focusViews();
  route();
});
refreshKeyState();
route();
