// The public REST API, as the settings pages use it: the admin key from this browser tab's
// session, JSON in and out, and every failure turned into an ApiError carrying the problem body.

const BASE = '/api/v1';
const KEY = 'warmy.settings.key';

/** A failed call: the HTTP status and the API's problem body (or one made up for a network failure). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || ('HTTP ' + status));
    this.status = status;
    this.problem = problem;
  }
}

export function storedKey() {
  return sessionStorage.getItem(KEY);
}

export function storeKey(key) {
  sessionStorage.setItem(KEY, key);
}

export function forgetKey() {
  sessionStorage.removeItem(KEY);
}

/** Called when the API refuses the stored key (401): the app signs out and says why. */
let onUnauthenticated = () => {};
export function whenUnauthenticated(handler) {
  onUnauthenticated = handler;
}

function idempotencyKey() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

/** Calls the API; resolves to the parsed JSON body, rejects with an ApiError. */
export async function call(method, path, body, key = storedKey()) {
  const headers = { 'Accept': 'application/json' };
  if (key) {
    headers['Authorization'] = 'Bearer ' + key;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method === 'POST') {
    headers['Idempotency-Key'] = idempotencyKey();
  }
  let response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
  } catch (e) {
    throw new ApiError(0, { title: 'Network error', status: 0,
      detail: 'The server could not be reached (' + e.message + '). Check your connection and try again.' });
  }
  const text = await response.text();
  let parsed = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      parsed = null;
    }
  }
  if (!response.ok) {
    const problem = parsed && typeof parsed === 'object' ? parsed
      : { title: response.statusText, status: response.status,
          detail: 'The server answered ' + response.status + ' ' + response.statusText + '.' };
    const error = new ApiError(response.status, problem);
    if (response.status === 401 && key && key === storedKey()) {
      onUnauthenticated(error);
    }
    throw error;
  }
  return parsed;
}

export const get = (path, key) => call('GET', path, undefined, key);
export const post = (path, body) => call('POST', path, body);
export const patch = (path, body) => call('PATCH', path, body);
export const del = path => call('DELETE', path);

/** A list path with its query: undefined and empty values left out. */
export function query(path, params) {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') {
      q.set(name, value);
    }
  }
  const s = q.toString();
  return s ? path + '?' + s : path;
}

export const id = value => encodeURIComponent(value);
