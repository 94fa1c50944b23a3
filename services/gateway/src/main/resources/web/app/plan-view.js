// One plan, read as a founder reads it: the answer first, then why, then what it costs.

import { h, money, range, when, words } from './dom.js';
import { scoreChart, factorChart, costChart } from './charts.js';
import { citation, sourcedText } from './sources.js';

function section(id, title, ...content) {
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), content);
}

function recommendation(stack, knowledge) {
  const recommended = stack.options.find((option) => option.option === stack.recommendation);
  return section('why', 'Recommendation and why',
    h('p', { class: 'verdict' }, 'Build on ', h('strong', { class: `option-name option-${stack.recommendation}` }, words(stack.recommendation)),
      recommended ? ` — it scores ${recommended.score.toFixed(1)} of 100.` : '.'),
    h('ol', { class: 'rationale' }, stack.rationale.map((item) => sourcedText(item, knowledge))),
    stack.advice?.length ? h('div', { class: 'advice' }, h('h3', {}, 'Advice'),
      h('ul', {}, stack.advice.map((advice) => h('li', { class: 'sourced' },
        h('p', {}, advice.text, advice.effortEngineerWeeks ? ` (about ${advice.effortEngineerWeeks} engineer-weeks)` : ''),
        citation(advice.source, knowledge))))) : null);
}

function summary(plan, knowledge) {
  const lines = plan.summary ? [plan.summary.pick, plan.summary.why, plan.summary.costRange, plan.summary.biggestRisk, plan.summary.nextStep] : [];
  const changes = plan.whatWouldChangeThis || [];
  return section('summary', 'In five lines',
    h('ol', { class: 'summary-lines' }, lines.map((line) => h('li', {}, line))),
    changes.length ? h('div', { class: 'what-would-change' }, h('h3', {}, 'What would change this'),
      h('ul', {}, changes.map((change) => h('li', { class: 'sourced', dataset: { input: change.input } },
        h('p', {}, change.text), citation(change.source, knowledge))))) : null);
}

function options(stack, knowledge) {
  const ineligible = stack.options.filter((option) => !option.eligible);
  const conditional = stack.options.filter((option) => option.eligible && option.condition);
  return section('options', 'The three options',
    scoreChart(stack.options, stack.recommendation),
    ineligible.length ? h('div', { class: 'ineligible' }, h('h3', {}, 'Not eligible for this team'),
      h('ul', {}, ineligible.map((option) => h('li', { class: 'sourced' },
        h('p', {}, h('strong', {}, words(option.option)), ': ', option.ineligibility?.text || 'not eligible'),
        option.ineligibility ? citation(option.ineligibility.source, knowledge) : null)))) : null,
    conditional.length ? h('div', { class: 'conditional' }, h('h3', {}, 'Eligible on a condition'),
      h('ul', {}, conditional.map((option) => h('li', { class: 'sourced' },
        h('p', {}, h('strong', {}, words(option.option)), ': ', option.condition.text),
        citation(option.condition.source, knowledge))))) : null,
    factorChart(stack.options),
    factorTable(stack, knowledge));
}

function factorTable(stack, knowledge) {
  const names = stack.options.map((option) => option.option);
  const first = stack.options[0];
  return h('details', { class: 'factor-details' },
    h('summary', {}, 'Every factor with its evidence and sources'),
    h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Table, scrolls sideways on a narrow screen' }, h('table', {},
      h('caption', {}, 'Factor scores (0–100) per option; points = weight × score'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Factor'), h('th', { scope: 'col' }, 'Weight'),
        names.map((name) => h('th', { scope: 'col' }, words(name))))),
      h('tbody', {}, first.factors.map((factor, index) => h('tr', {},
        h('th', { scope: 'row' }, words(factor.factor)),
        h('td', {}, `${(factor.weight * 100).toFixed(1)}%`),
        stack.options.map((option) => {
          const own = option.factors.find((f) => f.factor === factor.factor) || option.factors[index];
          return h('td', {}, h('span', { class: 'score' }, own.score.toFixed(0)),
            h('details', { class: 'evidence' }, h('summary', {}, 'Evidence'), h('p', {}, own.evidence), citation(own.source, knowledge)));
        })))))));
}

function staffing(staffing, knowledge) {
  return section('staffing', `Staffing for ${words(staffing.option)}`,
    h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Table, scrolls sideways on a narrow screen' }, h('table', { class: 'staffing' },
      h('caption', {}, 'Engineers to book: role × tier × weeks'),
      h('thead', {}, h('tr', {}, ['Role', 'Tier', 'Engineers', 'Weeks', 'Why'].map((title) => h('th', { scope: 'col' }, title)))),
      h('tbody', {}, staffing.roles.map((role) => h('tr', {},
        h('th', { scope: 'row' }, words(role.id || role.tier)),
        h('td', {}, words(role.tier)), h('td', { class: 'number' }, role.count), h('td', { class: 'number' }, role.weeks),
        h('td', {}, h('p', {}, role.reason), citation(role.source, knowledge))))))));
}

function costs(staffing, knowledge) {
  const comparison = staffing.comparison || {};
  const budget = staffing.budget;
  const figures = [
    ['On demand, whole timeline', money(staffing.onDemand.totalUsd, true)],
    ['On demand, weekly', money(staffing.onDemand.weeklyUsd, true)],
    ['Full time, whole timeline', range(staffing.fullTime.totalUsd)],
    ['Full time, weekly', range(staffing.fullTime.weeklyUsd)],
    ['Saving on demand', `${range(comparison.savingUsd)} (${comparison.savingPercent ? `${comparison.savingPercent.low}–${comparison.savingPercent.high}%` : '–'})`],
    ['Break-even', comparison.breakEvenWeeks ? `${comparison.breakEvenWeeks} weeks` : 'never within the timeline'],
    ['First commit', `${comparison.onDemandHoursToFirstCommit ?? '–'} hours on demand, ${comparison.fullTimeWeeksToFirstCommit ?? '–'} weeks hiring`],
  ];
  if (budget) {
    figures.push(['Budget', `${money(budget.budgetUsd)}: on demand ${budget.onDemandWithinBudget ? 'fits' : 'does not fit'} (${budget.onDemandWeeksAffordable} weeks affordable), full time ${budget.fullTimeWithinBudget ? 'fits' : 'does not fit'}`]);
  }
  return section('costs', 'What it costs',
    costChart(staffing.byOption?.length ? staffing.byOption : [staffing], staffing.option),
    h('dl', { class: 'figures' }, figures.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
    h('details', {}, h('summary', {}, `On-demand line items (${staffing.onDemand.provider})`),
      h('ul', {}, staffing.onDemand.lineItems.map((item) => h('li', { class: 'sourced' },
        h('p', {}, `${item.label}: ${money(item.amountUsd, true)}`), citation(item.source, knowledge))))));
}

function assumptions(staffing, knowledge) {
  const items = staffing.assumptions || staffing.fullTime?.assumptions || [];
  return section('assumptions', 'Assumptions this estimate rests on',
    h('p', { class: 'muted' }, 'These are judgements and published figures, not facts about your company: change them in a scenario.'),
    h('ul', { class: 'assumptions' }, items.map((item) => h('li', { class: 'sourced' },
      h('p', {}, h('span', { class: `label label-${item.source.split(':')[0]}` }, item.source.startsWith('reference') ? 'Reference' : 'Assumption'), ' ', item.text),
      citation(item.source, knowledge)))));
}

function request(plan) {
  const r = plan.request;
  if (!r) {
    return null;
  }
  const rows = [
    ['Kind', words(r.product.kind)], ['Features', (r.product.features || []).map(words).join(', ') || 'none'],
    ['Expected RPS', r.product.expectedRps], ['Existing framework', words(r.product.existingFramework || 'NONE')],
    ['Engineers (senior)', `${r.team.engineers} (${r.team.seniorEngineers ?? 0})`], ['Timeline', `${r.timelineWeeks} weeks`],
    ['Budget', r.budgetUsd == null ? 'none given' : money(r.budgetUsd)],
  ];
  return h('dl', { class: 'request figures' }, rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

/** The whole plan; knowledge may be null (then citations say they could not be loaded). */
export function planView(plan, knowledge) {
  const name = plan.request?.product?.name || 'Your plan';
  const permalink = `${location.origin}${location.pathname}#/plans/${plan.planId}`;
  const parts = [
    h('header', { class: 'plan-header' },
      h('h1', { tabindex: '-1' }, name),
      h('p', {}, h('span', { class: `status status-${plan.status}` }, plan.status), ` · requested ${when(plan.requestedAt)}`,
        plan.assembledAt ? ` · assembled ${when(plan.assembledAt)}` : ''),
      h('p', { class: 'permalink' }, 'Permalink: ', h('a', { href: `#/plans/${plan.planId}`, class: 'permalink-link' }, permalink),
        ' ', h('button', { type: 'button', class: 'secondary', onclick: (event) => {
          navigator.clipboard?.writeText(permalink).then(() => { event.target.textContent = 'Copied'; }, () => {});
        } }, 'Copy')),
      h('p', { class: 'knowledge-version' }, 'Knowledge version ', h('code', {}, plan.knowledgeVersion || plan.staffing?.knowledgeVersion || '–')),
      h('p', {}, h('a', { href: `#/plans/${plan.planId}/what-if`, class: 'button-link' }, 'What if…? Change one input and compare')),
      request(plan)),
  ];
  if (plan.status === 'PARTIAL' || plan.status === 'FAILED') {
    parts.push(h('p', { class: 'notice', role: 'status' }, plan.status === 'PARTIAL'
      ? 'Part of this plan is missing: one of the services could not answer yet. What is here is final for its part.'
      : 'This plan failed.'));
  }
  if (plan.summary) {
    parts.push(summary(plan, knowledge));
  }
  if (plan.stack) {
    parts.push(recommendation(plan.stack, knowledge), options(plan.stack, knowledge));
  }
  if (plan.staffing) {
    parts.push(staffing(plan.staffing, knowledge), costs(plan.staffing, knowledge), assumptions(plan.staffing, knowledge));
  }
  return h('article', { class: 'plan', dataset: { planId: plan.planId, status: plan.status } }, parts);
}
