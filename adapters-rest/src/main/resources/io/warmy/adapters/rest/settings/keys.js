// API keys: the list (prefix, name, mode, last used), a form to create one (the full key shown
// once) and revoking with a confirmation.

import { del, get, post, query, storedKey } from './api.js';
import { act, clearProblem, confirmDialog, field, h, pagedList, secretOnce, timeEl } from './ui.js';

export async function list(view, { workspace }) {
  view.append(h('h1', {}, 'API keys'),
    h('p', {}, 'Keys let programs call the Warmy API. Live keys act on live data, sandbox keys on the sandbox.'));

  const name = h('input', { type: 'text', name: 'name', id: 'key-name', maxlength: 100, required: true, autocomplete: 'off' });
  const mode = h('select', { name: 'mode', id: 'key-mode' },
    h('option', { value: 'live', selected: workspace.mode === 'live' }, 'live'),
    h('option', { value: 'sandbox', selected: workspace.mode === 'sandbox' }, 'sandbox'));
  const admin = h('input', { type: 'checkbox', name: 'admin', id: 'key-admin' });
  const rate = h('input', { type: 'number', name: 'rateLimitPerHour', id: 'key-rate', min: 1, max: 1000000, step: 1,
    placeholder: '1000' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'create-key' }, 'Create key');
  const form = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'create-key-title' },
    h('h2', { id: 'create-key-title' }, 'Create a key'),
    field('Name', name, 'What the key is for, e.g. "CRM sync".'),
    field('Mode', mode),
    h('div', { class: 'checkbox' }, admin, h('label', { for: admin.id }, 'Admin key (may manage keys, webhooks and limits)')),
    field('Requests per hour (optional)', rate, 'Default 1000.'),
    h('div', { class: 'actions' }, submit));
  const onceSlot = h('div', { id: 'key-once' });

  const tbody = h('tbody');
  const table = h('table', { id: 'keys' },
    h('caption', { class: 'visually-hidden' }, 'API keys of this workspace, newest first'),
    h('thead', {}, h('tr', {}, ['Name', 'Prefix', 'Mode', 'Admin', 'Created', 'Last used', 'State', ''].map(t =>
      h('th', { scope: 'col' }, t)))),
    tbody);
  const listSection = h('section', { 'aria-labelledby': 'keys-title' }, h('h2', { id: 'keys-title' }, 'Keys'), table);
  view.append(form, onceSlot, listSection);

  const reload = pagedList(listSection, tbody,
    cursor => get(query('/api-keys', { limit: 50, cursor })),
    key => row(key, () => reload()), 'No keys yet.');

  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearProblem(form);
    const body = { name: name.value.trim(), mode: mode.value, admin: admin.checked };
    if (rate.value.trim() !== '') {
      body.rateLimitPerHour = Number(rate.value);
    }
    await act(submit, form, async () => {
      const issued = await post('/api-keys', body);
      form.reset();
      mode.value = workspace.mode;
      onceSlot.replaceChildren(secretOnce('Key "' + issued.name + '" created',
        'The full key', issued.key));
      onceSlot.querySelector('input').focus();
      reload();
    });
  });
}

function row(key, reload) {
  const revoked = Boolean(key.revokedAt);
  const mine = !revoked && (storedKey() || '').startsWith(key.prefix);
  const tr = h('tr', { dataset: { id: key.id } },
    h('td', {}, key.name, mine ? h('span', { class: 'reason' }, 'the key you signed in with') : null),
    h('td', {}, h('code', {}, key.prefix + '…')),
    h('td', {}, key.mode),
    h('td', {}, key.admin ? 'admin' : '—'),
    h('td', {}, timeEl(key.createdAt)),
    h('td', {}, timeEl(key.lastUsedAt)),
    h('td', {}, revoked ? h('span', { class: 'badge bad' }, 'revoked ', timeEl(key.revokedAt))
      : h('span', { class: 'badge ok' }, 'active')),
    h('td', {}));
  if (!revoked) {
    const button = h('button', { type: 'button', class: 'danger revoke', 'aria-label': 'Revoke key ' + key.name }, 'Revoke');
    button.addEventListener('click', async () => {
      const ok = await confirmDialog('Revoke "' + key.name + '"?',
        'Programs using the key ' + key.prefix + '… are refused from now on. This cannot be undone.'
        + (mine ? ' It is the key you signed in with: these pages sign out too.' : ''), 'Revoke key');
      if (!ok) {
        return;
      }
      await act(button, tr.lastChild, async () => {
        await del('/api-keys/' + encodeURIComponent(key.id));
        reload();
      });
    });
    tr.lastChild.append(button);
  }
  return tr;
}

