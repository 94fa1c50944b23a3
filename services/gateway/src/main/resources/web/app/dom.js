// Builds elements from data; text always goes in as text, never as markup, because plan
// names and problem details come from people.

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of [children].flat(Infinity)) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function h(tag, attributes, ...children) {
  return build(document.createElement(tag), attributes, children);
}

export function svg(tag, attributes, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attributes, children);
}

let ids = 0;

export function uniqueId(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const usdCents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function money(value, cents = false) {
  return value === null || value === undefined ? '–' : (cents ? usdCents : usd).format(value);
}

export function signedMoney(value) {
  if (value === null || value === undefined) {
    return '–';
  }
  return (value > 0 ? '+' : '') + usdCents.format(value);
}

export function range(r) {
  return r ? `${money(r.low)} – ${money(r.high)}` : '–';
}

export function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '–';
}

/** SAAS -> SaaS-like readable words: INTERNAL_TOOL -> Internal tool. */
export function words(token) {
  if (!token) {
    return '';
  }
  const special = { SAAS: 'SaaS', CMS: 'CMS', API: 'API', ML: 'ML', ORM: 'ORM', RPS: 'RPS', AI: 'AI', FASTAPI: 'FastAPI', DJANGO: 'Django', HYBRID: 'Hybrid (Django + FastAPI)' };
  if (special[token]) {
    return special[token];
  }
  const text = token.split('_').map((part) => special[part] || part.toLowerCase()).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
