// The plan request form. Its choices and bounds come from the API's description; its
// errors come from the API's own problem answer, shown beside the field they name.

import { h, uniqueId, words } from './dom.js';

const LABELS = {
  'product.name': 'Product name',
  'product.kind': 'Kind of product',
  'product.features': 'Features',
  'product.expectedRps': 'Expected requests per second',
  'product.existingFramework': 'Framework you already use',
  'team.engineers': 'Engineers in the team today',
  'team.seniorEngineers': 'Of whom senior',
  timelineWeeks: 'Timeline (weeks)',
  budgetUsd: 'Budget (US dollars, optional)',
};

const NUMBER = /^-?\d+(\.\d+)?$/;

function hint(field) {
  const parts = [];
  if (field.min !== undefined && field.max !== undefined) {
    parts.push(`${field.min} to ${field.max.toLocaleString('en-US')}`);
  }
  if (field.maxLength) {
    parts.push(`up to ${field.maxLength} characters`);
  }
  if (field.description) {
    parts.push(field.description);
  }
  return parts.join('; ');
}

function control(name, field, value) {
  const id = uniqueId(name.replace('.', '-'));
  const errorId = `${id}-error`;
  const hintText = hint(field);
  const hintId = hintText ? `${id}-hint` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  let input;
  if (name === 'product.features') {
    const boxes = field.enum.map((feature) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name, value: feature, checked: (value || []).includes(feature) }),
      ` ${words(feature)}`));
    return h('fieldset', { class: 'field', dataset: { field: name }, 'aria-describedby': errorId },
      h('legend', {}, LABELS[name]),
      h('div', { class: 'checks' }, boxes),
      h('p', { class: 'field-error', id: errorId, 'aria-live': 'polite' }));
  }
  if (field.enum) {
    const selected = value ?? field.default ?? '';
    input = h('select', { id, name, 'aria-describedby': describedBy },
      field.required && !field.default ? h('option', { value: '' }, 'Choose…') : null,
      field.enum.map((option) => h('option', { value: option, selected: option === selected }, words(option))));
  } else {
    const numeric = field.type === 'integer' || field.type === 'number';
    input = h('input', {
      id, name, type: 'text', value: value ?? '', autocomplete: 'off',
      inputmode: numeric ? (field.type === 'integer' ? 'numeric' : 'decimal') : null,
      'aria-describedby': describedBy,
      'aria-required': field.required ? 'true' : null,
    });
  }
  return h('div', { class: 'field', dataset: { field: name } },
    h('label', { for: id }, LABELS[name], field.required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
    hintId ? h('p', { class: 'hint', id: hintId }, hintText) : null,
    input,
    h('p', { class: 'field-error', id: errorId }));
}

function valueOf(form, name, field) {
  if (name === 'product.features') {
    return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((box) => box.value);
  }
  const raw = form.elements[name].value.trim();
  if (raw === '') {
    return undefined;
  }
  if ((field.type === 'integer' || field.type === 'number') && NUMBER.test(raw)) {
    return Number(raw);
  }
  // sent as typed, so the API's answer names what is wrong with it
  return raw;
}

function set(target, path, value) {
  if (value === undefined) {
    return;
  }
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] = node[part] || {};
    node = node[part];
  }
  node[parts.at(-1)] = value;
}

function get(source, path) {
  return path.split('.').reduce((node, part) => (node == null ? undefined : node[part]), source);
}

/**
 * A plan form; request() reads it as the API's request body, showErrors(problem) puts
 * each of the problem's errors beside its field.
 */
export function planForm(fields, { initial = {}, submitLabel = 'Get my plan', onSubmit }) {
  const summary = h('div', { class: 'error-summary', role: 'alert', hidden: true, tabindex: '-1' });
  const button = h('button', { type: 'submit', class: 'primary' }, submitLabel);
  const form = h('form', { class: 'plan-form', novalidate: true },
    summary,
    h('fieldset', { class: 'group' }, h('legend', {}, 'Your product'),
      ['product.name', 'product.kind', 'product.expectedRps', 'product.existingFramework', 'product.features']
        .map((name) => control(name, fields[name], get(initial, name)))),
    h('fieldset', { class: 'group' }, h('legend', {}, 'Team, time and money'),
      ['team.engineers', 'team.seniorEngineers', 'timelineWeeks', 'budgetUsd']
        .map((name) => control(name, fields[name], get(initial, name)))),
    h('div', { class: 'actions' }, button));

  const request = () => {
    const body = {};
    for (const [name, field] of Object.entries(fields)) {
      set(body, name, valueOf(form, name, field));
    }
    return body;
  };

  const clearErrors = () => {
    summary.hidden = true;
    summary.replaceChildren();
    for (const field of form.querySelectorAll('.field')) {
      field.classList.remove('invalid');
      field.querySelector('.field-error').textContent = '';
      for (const input of field.querySelectorAll('input, select')) {
        input.removeAttribute('aria-invalid');
      }
    }
  };

  const showErrors = (title, detail, errors = []) => {
    clearErrors();
    const unplaced = [];
    let first = null;
    for (const error of errors) {
      // product.features[2] belongs to product.features
      const name = error.field.replace(/\[\d+\]$/, '');
      const field = form.querySelector(`.field[data-field="${name}"]`);
      if (!field) {
        unplaced.push(error);
        continue;
      }
      field.classList.add('invalid');
      const message = field.querySelector('.field-error');
      const allowed = error.allowedValues ? ` (one of ${error.allowedValues.join(', ')})` : '';
      message.textContent = (message.textContent ? `${message.textContent} ` : '') + error.message + allowed;
      const input = field.querySelector('input, select');
      input.setAttribute('aria-invalid', 'true');
      first = first || input;
    }
    summary.append(h('h2', {}, title), detail ? h('p', {}, detail) : null,
      errors.length ? h('ul', {}, errors.map((error) => h('li', {}, h('code', {}, error.field), ` ${error.message}`))) : null);
    summary.hidden = false;
    if (unplaced.length === 0 && first) {
      first.focus();
    } else {
      summary.focus();
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit({ body: request(), button, clearErrors, showErrors });
  });
  return { form, request, showErrors, clearErrors, button };
}
