// Quick what-if for one plan: the same request with one thing changed, computed as a new
// plan, and the two side by side with what changed marked.

import { api, ApiError, readableMessage } from './api.js';
import { planRequestFields } from './contract.js';
import { h, money, range, words } from './dom.js';
import { planForm } from './form.js';
import { show, problemBox, newIdempotencyKey } from './ui.js';

const PRESETS = [
  ['One more senior engineer', (r) => { r.team.engineers += 1; r.team.seniorEngineers = (r.team.seniorEngineers || 0) + 1; }],
  ['Four more weeks', (r) => { r.timelineWeeks += 4; }],
  ['A budget 50% bigger', (r) => { r.budgetUsd = Math.round((r.budgetUsd || 50000) * 1.5); }],
  ['Ten times the traffic', (r) => { r.product.expectedRps = Math.max(1, r.product.expectedRps) * 10; }],
];

function facts(plan) {
  const r = plan.request;
  const s = plan.staffing || {};
  const score = (option) => plan.stack?.options.find((o) => o.option === option)?.score.toFixed(1) ?? '–';
  return [
    ['Kind', words(r.product.kind)],
    ['Features', (r.product.features || []).map(words).join(', ') || 'none'],
    ['Expected RPS', String(r.product.expectedRps)],
    ['Existing framework', words(r.product.existingFramework || 'NONE')],
    ['Engineers', String(r.team.engineers)],
    ['Senior engineers', String(r.team.seniorEngineers ?? 0)],
    ['Timeline', `${r.timelineWeeks} weeks`],
    ['Budget', r.budgetUsd == null ? 'none' : money(r.budgetUsd)],
    ['Recommendation', words(plan.stack?.recommendation) || '–'],
    ['Django score', score('DJANGO')],
    ['FastAPI score', score('FASTAPI')],
    ['Hybrid score', score('HYBRID')],
    ['On demand, total', money(s.onDemand?.totalUsd, true)],
    ['Full time, total', range(s.fullTime?.totalUsd)],
    ['Staffing', (s.roles || []).map((role) => `${role.count}× ${words(role.tier)} for ${role.weeks} wk`).join('; ') || '–'],
  ];
}

export function comparison(before, after) {
  const left = facts(before);
  const right = facts(after);
  let changes = 0;
  const rows = left.map(([term, value], index) => {
    const changed = value !== right[index][1];
    changes += changed ? 1 : 0;
    return h('tr', { class: changed ? 'changed' : null },
      h('th', { scope: 'row' }, term, changed ? h('span', { class: 'visually-hidden' }, ' (changed)') : null),
      h('td', {}, value),
      h('td', {}, changed ? h('mark', {}, right[index][1]) : right[index][1]));
  });
  return h('section', { class: 'card comparison', 'aria-labelledby': 'compare-title' },
    h('h2', { id: 'compare-title' }, `Side by side: ${changes} thing${changes === 1 ? '' : 's'} changed`),
    h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Table, scrolls sideways on a narrow screen' }, h('table', {},
      h('caption', {}, 'Changed rows are highlighted'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''),
        h('th', { scope: 'col' }, h('a', { href: `#/plans/${before.planId}` }, 'This plan')),
        h('th', { scope: 'col' }, h('a', { href: `#/plans/${after.planId}` }, 'What if')))),
      h('tbody', {}, rows))));
}

export async function whatIfView(planId, signal) {
  let before;
  try {
    before = (await api(`/api/v1/plans/${planId}`, { signal })).body;
  } catch (error) {
    show(h('h1', {}, 'What if…?'), problemBox(error));
    return;
  }
  const fields = await planRequestFields();
  const result = h('div', { 'aria-live': 'polite' });
  let formHolder = h('div', {});
  const renderForm = (initial) => {
    const { form } = planForm(fields, {
      initial,
      submitLabel: 'Compare',
      onSubmit: async ({ body, button, clearErrors, showErrors }) => {
        button.disabled = true;
        result.replaceChildren(h('p', { role: 'status' }, 'Computing the other plan…'), h('progress', { 'aria-label': 'What-if progress' }));
        try {
          // waits for the final plan in the same call: a what-if is read at once
          const answer = await api('/api/v1/plans', {
            method: 'POST', body, signal,
            extraHeaders: { 'Idempotency-Key': newIdempotencyKey(), Prefer: 'wait=25' },
          });
          clearErrors();
          let after = answer.body;
          if (answer.status === 202) {
            after = (await api(`/api/v1/plans/${after.planId}`, { signal })).body;
          }
          result.replaceChildren(comparison(before, after));
        } catch (error) {
          result.replaceChildren();
          if (error.name !== 'AbortError') {
            const message = readableMessage(error);
            showErrors(message.title, message.detail, error instanceof ApiError ? error.fieldErrors : []);
          }
        } finally {
          button.disabled = false;
        }
      },
    });
    formHolder.replaceChildren(form);
  };
  const presets = h('div', { class: 'presets', role: 'group', 'aria-label': 'Quick changes' },
    PRESETS.map(([label, change]) => h('button', { type: 'button', class: 'secondary', onclick: () => {
      const changed = structuredClone(before.request);
      change(changed);
      renderForm(changed);
      formHolder.querySelector('button[type="submit"]').focus();
    } }, label)));
  renderForm(before.request);
  show(h('h1', {}, `What if… (${before.request.product.name})`),
    h('p', {}, 'Change one input — or pick a quick change — and compare the two plans side by side. ',
      h('a', { href: `#/plans/${planId}` }, 'Back to the plan')),
    presets, formHolder, result);
}
