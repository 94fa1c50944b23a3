// Every call to the API goes through here: the key the person typed, problem+json turned
// into an error that can be shown, and the plan's event stream read with fetch (an
// EventSource cannot send the key header the stream needs).

const KEY_STORAGE = 'stackplan.apiKey';

export const apiKey = {
  get: () => sessionStorage.getItem(KEY_STORAGE) || '',
  set: (key) => sessionStorage.setItem(KEY_STORAGE, key.trim()),
  clear: () => sessionStorage.removeItem(KEY_STORAGE),
};

/** An answer that is not a success, with the API's problem when it sent one. */
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.retryAfter = retryAfter;
  }

  /** The problem's field errors, by field name as the API names them (product.kind). */
  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

function headers(extra = {}) {
  const key = apiKey.get();
  const all = { ...extra };
  if (key) {
    all.Authorization = `Bearer ${key}`;
  }
  return all;
}

async function failure(response) {
  let problem = null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      problem = await response.json();
    } catch {
      problem = null;
    }
  }
  return new ApiError(response.status, problem, response.headers.get('Retry-After'));
}

async function send(path, options) {
  try {
    return await fetch(path, options);
  } catch (cause) {
    if (cause.name === 'AbortError') {
      throw cause;
    }
    throw new ApiError(0, { title: 'No answer', detail: 'The gateway did not answer: is the platform running?' });
  }
}

/** A JSON call; answers { status, headers, body } or throws an ApiError. */
export async function api(path, { method = 'GET', body, extraHeaders = {}, signal } = {}) {
  const options = { method, signal, headers: headers({ Accept: 'application/json', ...extraHeaders }) };
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await send(path, options);
  if (!response.ok) {
    throw await failure(response);
  }
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

/** A file the API makes (the scenario report as CSV), as a Blob. */
export async function download(path, accept) {
  const response = await send(path, { headers: headers({ Accept: accept }) });
  if (!response.ok) {
    throw await failure(response);
  }
  return response.blob();
}

/**
 * Reads a Server-Sent Events stream and calls onEvent({ event, id, data }) for each
 * event; resolves when the server ends the stream.
 */
export async function followEvents(path, onEvent, signal) {
  const response = await send(path, { headers: headers({ Accept: 'text/event-stream' }), signal });
  if (!response.ok) {
    throw await failure(response);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      const event = { event: 'message', id: null, data: '' };
      for (const line of block.split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon <= 0) {
          continue;
        }
        const name = line.slice(0, colon);
        const field = line.slice(colon + 1).replace(/^ /, '');
        if (name === 'data') {
          event.data += (event.data ? '\n' : '') + field;
        } else if (name === 'event' || name === 'id') {
          event[name] = field;
        }
      }
      onEvent(event);
    }
  }
}

/** What a person should read for a failed call: never a blank page. */
export function readableMessage(error) {
  if (!(error instanceof ApiError)) {
    return { title: 'Something went wrong', detail: String(error?.message || error) };
  }
  const detail = error.problem.detail || '';
  const wait = error.retryAfter ? ` Try again in ${error.retryAfter} s.` : ' Try again in a moment.';
  switch (error.status) {
    case 0:
      return { title: 'The gateway did not answer', detail: `${detail} Check the platform is running, then retry.` };
    case 401:
      return { title: 'Your API key is missing or not valid', detail: `Enter a valid API key in the box at the top of the page. (${detail})` };
    case 403:
      return { title: 'This key may not do that', detail: `${detail}. Scenarios need an API key with the analyst role.` };
    case 404:
      return { title: 'Not found', detail: `${detail}. It may belong to another API key, or the link is mistyped.` };
    case 429:
      return { title: 'Too many requests for this key', detail: `${detail}.${wait}` };
    case 503:
      return { title: 'The service is briefly unavailable', detail: `${detail ? `${detail}. ` : ''}Nothing was done.${wait}` };
    default:
      return { title: error.problem.title || `Error ${error.status}`, detail };
  }
}
