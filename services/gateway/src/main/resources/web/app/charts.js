// Charts as figures of HTML rows with an inline SVG bar each: the words stay readable
// text at any width (a scaled SVG would shrink them to nothing on a phone) and a screen
// reader reads the same numbers the bars draw.

import { h, svg, money, words } from './dom.js';

const percent = (value, max) => (max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0);

function bar(parts, className = 'bar') {
  return svg('svg', { class: className, 'aria-hidden': 'true', focusable: 'false', width: '100%', height: '14' },
    parts.map(({ from = 0, to, kind }) => svg('rect', {
      x: `${from}%`, y: 0, width: `${Math.max(to - from, 0.4)}%`, height: 14, class: kind,
    })));
}

function figure(className, caption, rows, note) {
  return h('figure', { class: `chart ${className}` },
    h('figcaption', {}, caption),
    h('ul', { class: 'chart-rows' }, rows),
    note ? h('p', { class: 'chart-note' }, note) : null);
}

/** Each option's total score, 0 to 100. */
export function scoreChart(options, recommendation) {
  return figure('score-chart', 'Score by option (out of 100)', options.map((option) => h('li', { class: `option-${option.option}` },
    h('span', { class: 'row-label' }, words(option.option),
      option.option === recommendation ? h('strong', { class: 'tag' }, ' recommended') : null,
      option.eligible ? null : h('span', { class: 'tag warn' }, ' not eligible')),
    bar([{ to: option.score, kind: `fill option-${option.option}` }]),
    h('span', { class: 'row-value' }, option.score.toFixed(1)))));
}

/**
 * What each factor adds to each option's score: weight × score, so the rows of one
 * option sum to its total.
 */
export function factorChart(options) {
  const factors = new Map();
  for (const option of options) {
    for (const factor of option.factors) {
      if (!factors.has(factor.factor)) {
        factors.set(factor.factor, { factor: factor.factor, weight: factor.weight, byOption: {} });
      }
      factors.get(factor.factor).byOption[option.option] = factor.weight * factor.score;
    }
  }
  const rows = [...factors.values()].sort((a, b) => b.weight - a.weight);
  const max = Math.max(...rows.flatMap((row) => Object.values(row.byOption)), 1);
  return figure('factor-chart', 'Factor breakdown: points each factor adds to each option (weight × score)',
    rows.map((row) => h('li', { class: 'factor-row' },
      h('span', { class: 'factor-name' }, words(row.factor), h('span', { class: 'muted' }, ` · weight ${(row.weight * 100).toFixed(1)}%`)),
      h('ul', { class: 'factor-bars' }, options.map((option) => h('li', { class: `option-${option.option}` },
        h('span', { class: 'row-label' }, words(option.option)),
        bar([{ to: percent(row.byOption[option.option] || 0, max), kind: `fill option-${option.option}` }]),
        h('span', { class: 'row-value' }, `${(row.byOption[option.option] || 0).toFixed(1)} pts`)))))));
}

/** On-demand total against the full-time range, per option. */
export function costChart(estimates, recommended) {
  const max = Math.max(...estimates.flatMap((e) => [e.onDemand?.totalUsd || 0, e.fullTime?.totalUsd?.high || 0]), 1);
  return figure('cost-chart', 'Cost over the timeline: on-demand engineers against full-time hires (low to high)',
    estimates.map((estimate) => h('li', { class: 'cost-row' },
      h('span', { class: 'factor-name' }, words(estimate.option),
        estimate.option === recommended ? h('strong', { class: 'tag' }, ' recommended') : null),
      h('ul', { class: 'factor-bars' },
        h('li', { class: 'on-demand' },
          h('span', { class: 'row-label' }, 'On demand'),
          bar([{ to: percent(estimate.onDemand.totalUsd, max), kind: 'fill on-demand' }]),
          h('span', { class: 'row-value' }, money(estimate.onDemand.totalUsd))),
        h('li', { class: 'full-time' },
          h('span', { class: 'row-label' }, 'Full time'),
          bar([
            { to: percent(estimate.fullTime.totalUsd.low, max), kind: 'fill full-time' },
            { from: percent(estimate.fullTime.totalUsd.low, max), to: percent(estimate.fullTime.totalUsd.high, max), kind: 'fill range' },
          ]),
          h('span', { class: 'row-value' }, `${money(estimate.fullTime.totalUsd.low)} – ${money(estimate.fullTime.totalUsd.high)}`))))),
    'The lighter part of a full-time bar is the range between the low and the high salary estimate.');
}

/** Signed values around zero (cost deltas), one row each. */
export function deltaChart(caption, rows) {
  const max = Math.max(...rows.map((row) => Math.abs(row.value)), 1);
  return figure('delta-chart', caption, rows.map((row) => {
    const half = percent(Math.abs(row.value), max) / 2;
    const part = row.value >= 0 ? { from: 50, to: 50 + half, kind: 'fill up' } : { from: 50 - half, to: 50, kind: 'fill down' };
    return h('li', {},
      h('span', { class: 'row-label' }, row.label),
      bar([part, { from: 49.9, to: 50.1, kind: 'axis' }]),
      h('span', { class: 'row-value' }, row.text));
  }));
}

/** Counts (flipped recommendations by direction). */
export function countChart(caption, rows) {
  const max = Math.max(...rows.map((row) => row.value), 1);
  return figure('count-chart', caption, rows.map((row) => h('li', {},
    h('span', { class: 'row-label' }, row.label),
    bar([{ to: percent(row.value, max), kind: 'fill count' }]),
    h('span', { class: 'row-value' }, row.text))));
}
