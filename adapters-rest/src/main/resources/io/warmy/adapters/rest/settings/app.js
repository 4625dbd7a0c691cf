// The settings pages: sign-in with an admin key, and a hash router over the sections
// (#/keys, #/webhooks, #/webhooks/{id}, #/mailboxes, #/mailboxes/{id}). Everything they show
// comes from the public REST API, called from this browser with the key the person pasted.

import { forgetKey, get, storedKey, storeKey, whenUnauthenticated } from './api.js';
import { field, h, showProblem } from './ui.js';
import * as keys from './keys.js';
import * as webhooks from './webhooks.js';
import * as mailboxes from './mailboxes.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const session = document.getElementById('session');
const banner = document.getElementById('banner');
let workspace = null;
let signOutReason = null;

const routes = [
  { pattern: /^#\/keys$/, section: 'keys', page: keys.list },
  { pattern: /^#\/webhooks$/, section: 'webhooks', page: webhooks.list },
  { pattern: /^#\/webhooks\/([^/]+)$/, section: 'webhooks', page: webhooks.detail },
  { pattern: /^#\/mailboxes$/, section: 'mailboxes', page: mailboxes.list },
  { pattern: /^#\/mailboxes\/([^/]+)$/, section: 'mailboxes', page: mailboxes.detail },
];

/** Any failure no page caught still shows in words rather than leaving a blank page. */
function showBanner(text) {
  banner.replaceChildren(h('strong', {}, 'Something went wrong: '), text,
    ' ', h('button', { type: 'button', onclick: () => { banner.hidden = true; } }, 'Dismiss'));
  banner.hidden = false;
}
window.addEventListener('error', e => showBanner(e.message || 'an unexpected error.'));
window.addEventListener('unhandledrejection', e => showBanner(e.reason && e.reason.message
  ? e.reason.message : String(e.reason)));

whenUnauthenticated(error => {
  forgetKey();
  workspace = null;
  signOutReason = 'The API refused the key: ' + (error.problem.detail || 'it is not valid') + ' Sign in again.';
  render();
});

function signInPage() {
  nav.hidden = true;
  session.hidden = true;
  document.title = 'Sign in — Warmy settings';
  const input = h('input', { type: 'password', name: 'key', id: 'api-key', autocomplete: 'off', spellcheck: 'false',
    required: true, placeholder: 'wk_live_…' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h('form', { class: 'card signin', novalidate: true },
    h('h2', {}, 'Sign in with an admin API key'),
    h('p', {}, 'Paste an admin key of your workspace (a live key for live data, a sandbox key for the sandbox). ',
      'It stays in this browser tab only, until you sign out or close the tab.'),
    field('Admin API key', input, 'Starts with wk_live_ or wk_test_.'),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const key = input.value.trim();
    if (!key) {
      showProblem(form, { problem: { title: 'Missing key', detail: 'Paste an API key first.',
        errors: [{ field: 'key', message: 'Paste an API key here.' }] } });
      return;
    }
    submit.disabled = true;
    try {
      workspace = await get('/workspace', key);
      storeKey(key);
      input.value = '';
      signOutReason = null;
      if (!location.hash || location.hash === '#' || location.hash === '#/') {
        location.hash = '#/keys';
      }
      render();
    } catch (e) {
      const problem = Object.assign({}, e.problem || { title: 'Error', detail: e.message });
      if (e.status === 401) {
        problem.errors = [{ field: 'key', message: 'This key was not accepted: ' + (problem.detail || '') }];
      }
      showProblem(form, { problem });
    } finally {
      submit.disabled = false;
    }
  });
  const children = [h('h1', { tabindex: '-1' }, 'Warmy settings')];
  if (signOutReason) {
    children.push(h('div', { class: 'problem', role: 'alert' }, signOutReason));
  }
  children.push(form);
  main.replaceChildren(...children);
  input.focus();
}

async function render() {
  banner.hidden = true;
  if (!storedKey()) {
    signInPage();
    return;
  }
  if (!workspace) {
    try {
      workspace = await get('/workspace');
    } catch (e) {
      if (!storedKey()) {
        return; // refused: the sign-in page is already shown, with the reason
      }
      main.replaceChildren(h('h1', { tabindex: '-1' }, 'Warmy settings'));
      showProblem(main, e);
      return;
    }
  }
  nav.hidden = false;
  session.hidden = false;
  document.getElementById('workspace').replaceChildren('Workspace ', h('strong', {}, workspace.name), ' ',
    h('span', { class: 'badge ' + (workspace.mode === 'live' ? 'ok' : 'warn') }, workspace.mode));
  const hash = location.hash || '#/keys';
  const route = routes.find(r => r.pattern.test(hash));
  if (!route) {
    location.replace('#/keys');
    return;
  }
  for (const link of nav.querySelectorAll('a')) {
    if (link.dataset.section === route.section) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  const params = hash.match(route.pattern).slice(1).map(decodeURIComponent);
  const view = h('div', { class: 'view', dataset: { route: route.section } });
  main.replaceChildren(view);
  try {
    await route.page(view, { workspace, params });
  } catch (e) {
    showProblem(view, e);
  }
  const heading = view.querySelector('h1');
  if (heading && !main.contains(document.activeElement)) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

document.getElementById('sign-out').addEventListener('click', () => {
  forgetKey();
  workspace = null;
  signOutReason = null;
  history.replaceState(null, '', location.pathname);
  render();
});

window.addEventListener('hashchange', () => render());
render();
