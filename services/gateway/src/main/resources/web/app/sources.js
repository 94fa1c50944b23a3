// A source token (article:32, article:35-36, assumption:ID, reference:ID) shown as what
// it points at: the quoted article line, or the declared assumption with its reason.

import { h } from './dom.js';

function article(knowledge, first, last) {
  const lines = [];
  for (let line = first; line <= last; line += 1) {
    const text = knowledge.article.lines[line - 1];
    if (text !== undefined) {
      lines.push(h('p', {}, text));
    }
  }
  return h('blockquote', { cite: `#article-line-${first}` }, lines,
    h('footer', {}, `The source article, line${first === last ? '' : 's'} ${first === last ? first : `${first}–${last}`}`));
}

function declared(entry, kind) {
  if (!entry) {
    return h('p', {}, `This ${kind} is not in the knowledge the gateway ships.`);
  }
  return h('div', { class: 'declared' },
    h('p', {}, entry.text),
    entry.reason ? h('p', { class: 'muted' }, h('strong', {}, 'Why: '), entry.reason) : null,
    entry.citation ? h('p', { class: 'muted' }, h('strong', {}, 'Published in: '), entry.citation) : null);
}

/** What a source says, or a line saying the knowledge could not be loaded. */
export function resolve(source, knowledge) {
  if (!knowledge) {
    return h('p', {}, 'The sources could not be loaded.');
  }
  const [kind, id] = source.split(':');
  if (kind === 'article' || kind === 'inference') {
    const [first, last] = id.split('-').map(Number);
    const quoted = article(knowledge, first, last || first);
    // an inference is drawn from those lines, which do not state it
    return kind === 'inference' ? h('div', {}, h('p', { class: 'muted' }, 'A conclusion drawn from these lines; they do not state it:'), quoted) : quoted;
  }
  if (kind === 'assumption') {
    return declared(knowledge.assumptions[id], 'assumption');
  }
  return declared(knowledge.references[id], 'reference');
}

const LABELS = { article: 'Source article', inference: 'Inferred from the article', assumption: 'Assumption', reference: 'Published reference' };

/** A disclosure: the token as its summary, what it points at inside. */
export function citation(source, knowledge) {
  const kind = source.split(':')[0];
  return h('details', { class: `source source-${kind}` },
    h('summary', {}, h('span', { class: 'source-kind' }, LABELS[kind] || kind), ' ', h('code', {}, source)),
    resolve(source, knowledge));
}

/** A sourced sentence: the text, then its citation. */
export function sourcedText(item, knowledge) {
  return h('li', { class: 'sourced' }, h('p', {}, item.text), citation(item.source, knowledge));
}
