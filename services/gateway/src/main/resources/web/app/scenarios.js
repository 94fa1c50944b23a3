// Scenarios for analysts: replay past requests under changed knowledge, watch the
// replay, and read what flipped and what it costs.

import { api, apiKey, download, readableMessage, ApiError } from './api.js';
import { knowledgeBase, planRequestFields } from './contract.js';
import { h, signedMoney, uniqueId, when, words } from './dom.js';
import { deltaChart, countChart } from './charts.js';
import { show, problemBox, needKey } from './ui.js';

const FINISHED = ['COMPLETE', 'FAILED', 'CANCELLED'];

/** overrides rows [{path: 'cost/onDemand/tiers/SENIOR/weeklyUsd', value}] -> a JSON merge patch */
export function mergePatch(rows) {
  const patch = {};
  for (const { path, value } of rows) {
    const parts = path.split('/').filter(Boolean);
    let node = patch;
    for (const part of parts.slice(0, -1)) {
      node[part] = node[part] && typeof node[part] === 'object' ? node[part] : {};
      node = node[part];
    }
    node[parts.at(-1)] = value;
  }
  return patch;
}

function localInput(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function field(label, input, hint) {
  const id = input.id || uniqueId('scenario');
  input.id = id;
  const errorId = `${id}-error`;
  input.setAttribute('aria-describedby', errorId);
  return h('div', { class: 'field', dataset: { field: input.name } },
    h('label', { for: id }, label), hint ? h('p', { class: 'hint' }, hint) : null, input,
    h('p', { class: 'field-error', id: errorId }));
}

function overrideRow(figures, listId) {
  const path = h('input', { type: 'text', name: 'override-path', list: listId, autocomplete: 'off', spellcheck: 'false' });
  const value = h('input', { type: 'text', name: 'override-value', inputmode: 'decimal', autocomplete: 'off' });
  const current = h('p', { class: 'hint', 'aria-live': 'polite' });
  path.addEventListener('change', () => {
    const figure = figures.find((f) => f.path === path.value.trim());
    current.textContent = figure ? `Today: ${figure.value}` : '';
  });
  const row = h('div', { class: 'override-row' },
    field('Knowledge path', path, 'Start typing: the paths the knowledge base has are offered'),
    field('New value', value), current,
    h('button', { type: 'button', class: 'link', onclick: () => row.remove() }, 'Remove this change'));
  return row;
}

async function builder(signal) {
  const [fields, knowledge] = await Promise.all([planRequestFields(), knowledgeBase(apiKey.get())]);
  const listId = 'override-paths';
  const figures = knowledge.overridable;
  const now = new Date();
  const dayAgo = new Date(now.getTime() - 24 * 3600 * 1000);
  const summary = h('div', { class: 'error-summary', role: 'alert', hidden: true, tabindex: '-1' });
  const outcome = h('div', { 'aria-live': 'polite', class: 'dry-run' });
  const overrides = h('div', { class: 'overrides' });
  const mode = uniqueId('source-mode');
  const form = h('form', { class: 'scenario-form', novalidate: true },
    summary,
    h('datalist', { id: listId }, figures.map((figure) => h('option', { value: figure.path }))),
    field('Scenario name', h('input', { type: 'text', name: 'name', value: 'senior rates +20%' })),
    h('fieldset', { class: 'group' }, h('legend', {}, 'Which past requests to replay'),
      h('div', { class: 'checks', role: 'radiogroup', 'aria-label': 'Select requests by' },
        h('label', { class: 'check' }, h('input', { type: 'radio', name: mode, value: 'time', checked: true }), ' A time range'),
        h('label', { class: 'check' }, h('input', { type: 'radio', name: mode, value: 'ids' }), ' Plan ids')),
      field('From', h('input', { type: 'datetime-local', name: 'source.from', value: localInput(dayAgo) })),
      field('To', h('input', { type: 'datetime-local', name: 'source.to', value: localInput(new Date(now.getTime() + 60000)) })),
      field('Plan ids (one a line)', h('textarea', { name: 'source.planIds', rows: 3 })),
      h('fieldset', { class: 'field', dataset: { field: 'source.productKinds' } }, h('legend', {}, 'Only these kinds of product (none: all)'),
        h('div', { class: 'checks' }, fields['product.kind'].enum.map((kind) => h('label', { class: 'check' },
          h('input', { type: 'checkbox', name: 'productKind', value: kind }), ` ${words(kind)}`))),
        h('p', { class: 'field-error', id: uniqueId('kinds-error') }))),
    h('fieldset', { class: 'group' }, h('legend', {}, 'What to change in the knowledge base'),
      h('div', { class: 'field', dataset: { field: 'overrides' } }, overrides, h('p', { class: 'field-error' })),
      h('button', { type: 'button', class: 'secondary', onclick: () => overrides.append(overrideRow(figures, listId)) }, 'Add a change')),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', name: 'dry', value: 'true', class: 'secondary' }, 'Count the requests (dry run)'),
      h('button', { type: 'submit', name: 'start', value: 'true', class: 'primary' }, 'Start the scenario')),
    outcome);
  const first = overrideRow(figures, listId);
  overrides.append(first);
  first.querySelector('[name="override-path"]').value = 'cost/onDemand/tiers/SENIOR/weeklyUsd';
  first.querySelector('[name="override-value"]').value = '1800';

  const body = (dryRun) => {
    const el = form.elements;
    const byIds = form.querySelector(`input[name="${mode}"]:checked`).value === 'ids';
    const source = {};
    if (byIds) {
      source.planIds = el['source.planIds'].value.split(/\s+/).filter(Boolean);
    } else {
      if (el['source.from'].value) {
        source.from = new Date(el['source.from'].value).toISOString();
      }
      if (el['source.to'].value) {
        source.to = new Date(el['source.to'].value).toISOString();
      }
    }
    const kinds = [...form.querySelectorAll('input[name="productKind"]:checked')].map((box) => box.value);
    if (kinds.length) {
      source.productKinds = kinds;
    }
    const rows = [...overrides.querySelectorAll('.override-row')].map((row) => {
      const raw = row.querySelector('[name="override-value"]').value.trim();
      return { path: row.querySelector('[name="override-path"]').value.trim(), value: /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw };
    }).filter((row) => row.path);
    return { name: el.name.value, dryRun, source, overrides: mergePatch(rows) };
  };

  const showErrors = (error) => {
    for (const message of form.querySelectorAll('.field-error')) {
      message.textContent = '';
    }
    const message = readableMessage(error);
    const errors = error instanceof ApiError ? error.fieldErrors : [];
    for (const e of errors) {
      const top = e.field.startsWith('overrides') ? 'overrides' : e.field.replace(/\[\d+\]$/, '');
      const target = form.querySelector(`.field[data-field="${top}"] .field-error`);
      if (target) {
        target.textContent = `${target.textContent} ${e.field}: ${e.message}`.trim();
      }
    }
    summary.replaceChildren(h('h2', {}, message.title), h('p', {}, message.detail),
      errors.length ? h('ul', {}, errors.map((e) => h('li', {}, h('code', {}, e.field), ` ${e.message}`))) : null);
    summary.hidden = false;
    summary.focus();
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const dryRun = event.submitter?.name === 'dry';
    summary.hidden = true;
    try {
      const answer = await api('/api/v1/scenarios', { method: 'POST', body: body(dryRun), signal });
      if (dryRun) {
        const count = answer.body;
        outcome.replaceChildren(h('p', { class: 'count', role: 'status' }, h('strong', {}, count.requests), ` past request${count.requests === 1 ? '' : 's'} would be replayed`,
          count.requestsFrom ? ` (from ${when(count.requestsFrom)} to ${when(count.requestsTo)})` : '', '.'));
      } else {
        location.hash = `#/scenarios/${answer.body.scenarioId}`;
      }
    } catch (error) {
      if (error.name !== 'AbortError') {
        showErrors(error);
      }
    }
  });
  return form;
}

export async function scenariosView(params, signal) {
  if (!apiKey.get()) {
    show(h('h1', {}, 'Scenarios'), needKey('Scenarios'));
    return;
  }
  try {
    const query = new URLSearchParams({ limit: '10' });
    if (params.get('cursor')) {
      query.set('cursor', params.get('cursor'));
    }
    const page = (await api(`/api/v1/scenarios?${query}`, { signal })).body;
    show(h('h1', {}, 'Scenarios: what if the knowledge changed?'),
      h('p', { class: 'lead' }, 'Replay past plan requests with changed figures (senior rates +20%, a longer onboarding) and see which recommendations flip and what the costs do. Production plans are never touched.'),
      h('section', { class: 'card', 'aria-labelledby': 'build-title' }, h('h2', { id: 'build-title' }, 'Build a scenario'), await builder(signal)),
      h('section', { class: 'card', 'aria-labelledby': 'list-title' }, h('h2', { id: 'list-title' }, 'Your scenarios'),
        page.items.length === 0 ? h('p', {}, 'None yet.') : h('ul', { class: 'scenario-list' }, page.items.map((s) => h('li', {},
          h('a', { href: `#/scenarios/${s.scenarioId}` }, s.name), ` · ${s.status} · ${s.progress.processed}/${s.progress.total ?? '?'} · ${when(s.createdAt)}`))),
        page.nextCursor ? h('p', {}, h('a', { href: `#/scenarios?cursor=${encodeURIComponent(page.nextCursor)}` }, 'Older scenarios →')) : null));
  } catch (error) {
    if (error.name !== 'AbortError') {
      show(h('h1', {}, 'Scenarios'), problemBox(error, () => scenariosView(params, signal)));
    }
  }
}

function sortableTable(plans) {
  const columns = [
    ['Plan', (p) => p.planId, (p) => h('a', { href: `#/plans/${p.planId}` }, p.planId.slice(0, 8))],
    ['Kind', (p) => p.productKind || '', (p) => words(p.productKind)],
    ['Before', (p) => p.baselineRecommendation, (p) => words(p.baselineRecommendation)],
    ['After', (p) => p.scenarioRecommendation, (p) => (p.flipped ? h('mark', {}, words(p.scenarioRecommendation)) : words(p.scenarioRecommendation))],
    ['Flipped', (p) => (p.flipped ? 1 : 0), (p) => (p.flipped ? 'yes' : 'no')],
    ['Score Δ', (p) => Object.values(p.scoreDeltas).reduce((sum, d) => sum + Math.abs(d), 0),
      (p) => Object.entries(p.scoreDeltas).filter(([, d]) => d !== 0).map(([option, d]) => `${words(option)} ${d > 0 ? '+' : ''}${d}`).join(', ') || 'none'],
    ['On-demand Δ', (p) => p.onDemandUsd.delta, (p) => signedMoney(p.onDemandUsd.delta)],
    ['Full-time low Δ', (p) => p.fullTimeLowUsd.delta, (p) => signedMoney(p.fullTimeLowUsd.delta)],
    ['Full-time high Δ', (p) => p.fullTimeHighUsd.delta, (p) => signedMoney(p.fullTimeHighUsd.delta)],
  ];
  let sortBy = 6;
  let ascending = false;
  const tbody = h('tbody', {});
  const headers = columns.map(([title], index) => h('th', { scope: 'col', 'aria-sort': index === sortBy ? 'descending' : 'none' },
    h('button', { type: 'button', class: 'sort', onclick: () => {
      ascending = sortBy === index ? !ascending : true;
      sortBy = index;
      render();
    } }, title)));
  const render = () => {
    const key = columns[sortBy][1];
    const sorted = [...plans].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const order = typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
      return ascending ? order : -order;
    });
    headers.forEach((header, index) => header.setAttribute('aria-sort', index === sortBy ? (ascending ? 'ascending' : 'descending') : 'none'));
    tbody.replaceChildren(...sorted.map((p) => h('tr', { class: p.flipped ? 'changed' : null }, columns.map(([, , cell], index) => (index === 0 ? h('th', { scope: 'row' }, cell(p)) : h('td', {}, cell(p)))))));
  };
  render();
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Table, scrolls sideways on a narrow screen' }, h('table', { class: 'report-table' },
    h('caption', {}, 'Every replayed plan; choose a column heading to sort by it'),
    h('thead', {}, h('tr', {}, headers)), tbody));
}

function report(data, scenarioId) {
  const a = data.aggregates;
  const csv = h('button', { type: 'button', class: 'secondary', onclick: async () => {
    try {
      const blob = await download(`/api/v1/scenarios/${scenarioId}/report`, 'text/csv');
      const link = h('a', { href: URL.createObjectURL(blob), download: `scenario-${scenarioId}.csv` });
      document.body.append(link);
      link.click();
      link.remove();
    } catch (error) {
      csv.after(problemBox(error));
    }
  } }, 'Download the report as CSV');
  const top = [...data.plans].sort((x, y) => Math.abs(y.onDemandUsd.delta) - Math.abs(x.onDemandUsd.delta)).slice(0, 12);
  return h('section', { class: 'card report', 'aria-labelledby': 'report-title' },
    h('h2', { id: 'report-title' }, 'Report'),
    h('dl', { class: 'figures' },
      h('dt', {}, 'Plans replayed'), h('dd', {}, data.replayed),
      h('dt', {}, 'Compared with production'), h('dd', {}, data.compared),
      h('dt', {}, 'Identical to production'), h('dd', {}, data.identical),
      h('dt', {}, 'Recommendations flipped'), h('dd', { class: 'flipped-count' }, `${a.flipped} (${(a.flippedShare * 100).toFixed(1)}%)`),
      h('dt', {}, 'On-demand cost change'), h('dd', {}, `${signedMoney(a.onDemandDeltaUsd.total)} in total, ${signedMoney(a.onDemandDeltaUsd.mean)} a plan`),
      h('dt', {}, 'Full-time cost change'), h('dd', {}, `${signedMoney(a.fullTimeLowDeltaUsd.total)} to ${signedMoney(a.fullTimeHighDeltaUsd.total)} in total`)),
    countChart('Flipped recommendations, by direction',
      a.flips.length ? a.flips.map((f) => ({ label: `${words(f.from)} → ${words(f.to)}`, value: f.plans, text: `${f.plans} (${(f.share * 100).toFixed(1)}%)` }))
        : [{ label: 'No recommendation flipped', value: 0, text: '0' }]),
    deltaChart('On-demand cost change of the plans that changed most', top.map((p) => ({
      label: `${p.planId.slice(0, 8)} ${words(p.productKind)}`, value: p.onDemandUsd.delta, text: signedMoney(p.onDemandUsd.delta),
    }))),
    h('p', {}, csv),
    sortableTable(data.plans));
}

export async function scenarioView(scenarioId, signal) {
  if (!apiKey.get()) {
    show(h('h1', {}, 'A scenario'), needKey('Scenarios'));
    return;
  }
  const status = h('div', { class: 'progress-panel' });
  const body = h('div', {});
  let titled = false;
  for (;;) {
    let scenario;
    try {
      scenario = (await api(`/api/v1/scenarios/${scenarioId}`, { signal })).body;
    } catch (error) {
      if (error.name !== 'AbortError') {
        show(h('h1', {}, 'A scenario'), problemBox(error, () => scenarioView(scenarioId, signal)));
      }
      return;
    }
    const p = scenario.progress;
    const cancel = FINISHED.includes(scenario.status) ? null : h('button', { type: 'button', class: 'secondary', onclick: async () => {
      try {
        await api(`/api/v1/scenarios/${scenarioId}/cancel`, { method: 'POST', signal });
      } catch (error) {
        status.append(problemBox(error));
      }
    } }, 'Cancel the scenario');
    status.replaceChildren(
      h('p', { role: 'status' }, h('span', { class: `status status-${scenario.status}` }, scenario.status),
        ` · ${p.processed} of ${p.total ?? '?'} plans`, p.ratePerSecond ? ` · ${p.ratePerSecond}/s` : '', p.etaSeconds != null ? ` · about ${p.etaSeconds} s left` : ''),
      h('progress', { max: 100, value: Number(p.percent), 'aria-label': 'Scenario progress', 'aria-valuetext': `${p.percent}%` }),
      ...[scenario.failure ? h('p', { class: 'problem' }, `Failed: ${scenario.failure}`) : null, cancel].filter(Boolean));
    if (!titled) {
      show(h('h1', {}, `Scenario: ${scenario.name}`),
        h('p', {}, h('a', { href: '#/scenarios' }, '← All scenarios'), ` · created ${when(scenario.createdAt)}`),
        h('details', {}, h('summary', {}, 'What it changes'), h('pre', {}, JSON.stringify(scenario.overrides, null, 2))),
        status, body);
      titled = true;
    }
    if (FINISHED.includes(scenario.status)) {
      if (scenario.status === 'COMPLETE') {
        try {
          const data = (await api(`/api/v1/scenarios/${scenarioId}/report`, { signal })).body;
          body.replaceChildren(report(data, scenarioId));
        } catch (error) {
          if (error.name !== 'AbortError') {
            body.replaceChildren(problemBox(error));
          }
        }
      }
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (signal.aborted) {
      return;
    }
  }
}
