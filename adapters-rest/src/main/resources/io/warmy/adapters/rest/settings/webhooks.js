// Webhooks: the endpoints with their state, creating and editing them with an event picker,
// the secret shown once, enable/disable, rotate, delete, the "Test" button and the delivery log
// of an endpoint with each attempt and a retry button.

import { del, get, id, patch, post, query } from './api.js';
import { act, clearProblem, confirmDialog, field, h, pagedList, secretOnce, timeEl, uid } from './ui.js';

export const EVENT_TYPES = ['mailbox.connected', 'mailbox.disconnected', 'warmup.health_changed', 'warmup.milestone',
  'reply.received', 'email.bounced', 'email.unsubscribed', 'email.opened', 'email.clicked', 'prospect.suppressed',
  'limit.hit', 'webhook.test'];

/** A secret to show on the endpoint's page when it opens: kept in memory only, never in the URL. */
let pendingSecret = null;

function state(endpoint) {
  if (endpoint.enabled) {
    return h('span', { class: 'badge ok' }, 'enabled');
  }
  return h('span', {}, h('span', { class: 'badge bad' }, 'disabled'),
    h('span', { class: 'reason' }, reasonText(endpoint.disabledReason)));
}

function reasonText(reason) {
  if (!reason) {
    return '';
  }
  const known = {
    disabled_by_user: 'Disabled by hand (disabled_by_user).',
    endpoint_gone: 'The receiver answered 410 Gone, so Warmy stopped sending (endpoint_gone).',
    failing_for_5_days: 'Every delivery failed for 5 days, so Warmy stopped sending (failing_for_5_days).',
  };
  return known[reason] || reason;
}

function eventsText(events) {
  return events.includes('*') ? 'all events' : events.join(', ');
}

/** The event picker: "all events" or any of the twelve types, in a fieldset named "events". */
function eventPicker(selected) {
  const all = selected.includes('*');
  const allBox = h('input', { type: 'checkbox', id: uid('ev-all'), value: '*', checked: all, class: 'all-events' });
  const boxes = EVENT_TYPES.map(type => h('input', { type: 'checkbox', id: uid('ev'), value: type,
    checked: !all && selected.includes(type), disabled: all, class: 'event-type' }));
  allBox.addEventListener('change', () => {
    for (const box of boxes) {
      box.disabled = allBox.checked;
    }
  });
  const error = h('p', { class: 'field-error', hidden: true });
  const fieldset = h('fieldset', { name: 'events', class: 'events' },
    h('legend', {}, 'Events to send'),
    h('div', { class: 'checkbox' }, allBox, h('label', { for: allBox.id }, 'All events, including types added later')),
    h('div', { class: 'event-grid' }, boxes.map(box =>
      h('div', { class: 'checkbox' }, box, h('label', { for: box.id }, h('code', {}, box.value))))),
    error);
  // showProblem looks for "<id>-error" next to the control named by the problem.
  fieldset.id = uid('events');
  error.id = fieldset.id + '-error';
  fieldset.setAttribute('aria-describedby', error.id);
  return {
    element: fieldset,
    value: () => allBox.checked ? ['*'] : boxes.filter(b => b.checked).map(b => b.value),
  };
}

/** The fields of an endpoint (create and edit share them). */
function endpointFields(endpoint) {
  const url = h('input', { type: 'url', name: 'url', required: true, autocomplete: 'off', spellcheck: 'false',
    value: endpoint ? endpoint.url : '', placeholder: 'https://example.com/hooks/warmy' });
  const description = h('input', { type: 'text', name: 'description', maxlength: 500,
    value: endpoint && endpoint.description ? endpoint.description : '' });
  const picker = eventPicker(endpoint ? endpoint.events : ['*']);
  return {
    elements: [field('Endpoint URL', url, 'HTTPS, reachable from the internet; Warmy POSTs signed JSON to it.'),
      field('Description (optional)', description), picker.element],
    body: () => {
      const body = { url: url.value.trim(), events: picker.value() };
      if (description.value.trim() !== '' || endpoint) {
        body.description = description.value.trim();
      }
      return body;
    },
    url,
  };
}

export async function list(view) {
  view.append(h('h1', {}, 'Webhooks'),
    h('p', {}, 'Warmy sends signed events to these endpoints as they happen.'));

  const fields = endpointFields(null);
  const submit = h('button', { type: 'submit', class: 'primary', id: 'create-webhook' }, 'Create endpoint');
  const form = h('form', { class: 'card', novalidate: true, id: 'new-webhook', 'aria-labelledby': 'new-webhook-title' },
    h('h2', { id: 'new-webhook-title' }, 'Add an endpoint'), fields.elements, h('div', { class: 'actions' }, submit));

  const tbody = h('tbody');
  const table = h('table', { id: 'webhooks' },
    h('caption', { class: 'visually-hidden' }, 'Webhook endpoints, newest first'),
    h('thead', {}, h('tr', {}, ['Endpoint', 'Events', 'State', 'Created'].map(t => h('th', { scope: 'col' }, t)))),
    tbody);
  const listSection = h('section', { 'aria-labelledby': 'endpoints-title' },
    h('h2', { id: 'endpoints-title' }, 'Endpoints'), table);
  view.append(listSection, form);

  pagedList(listSection, tbody, cursor => get(query('/webhooks', { limit: 50, cursor })), endpoint =>
    h('tr', { dataset: { id: endpoint.id } },
      h('td', {}, h('a', { href: '#/webhooks/' + encodeURIComponent(endpoint.id), class: 'url' }, endpoint.url),
        endpoint.description ? h('span', { class: 'reason' }, endpoint.description) : null),
      h('td', {}, eventsText(endpoint.events)),
      h('td', {}, state(endpoint)),
      h('td', {}, timeEl(endpoint.createdAt))), 'No endpoints yet: add one below.');

  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearProblem(form);
    await act(submit, form, async () => {
      const created = await post('/webhooks', fields.body());
      pendingSecret = { id: created.id, secret: created.secret, title: 'Endpoint created' };
      location.hash = '#/webhooks/' + encodeURIComponent(created.id);
    });
  });
}

export async function detail(view, { params: [endpointId] }) {
  const heading = h('h1', {}, 'Webhook endpoint');
  view.append(h('p', {}, h('a', { href: '#/webhooks' }, '← All webhooks')), heading);
  const once = pendingSecret && pendingSecret.id === endpointId ? pendingSecret : null;
  pendingSecret = null;
  const onceSlot = h('div', { id: 'webhook-once' });
  view.append(onceSlot);
  if (once) {
    onceSlot.append(secretOnce(once.title + ': its signing secret', 'Signing secret', once.secret,
      h('p', {}, 'Check the X-Warmy-Signature header of every request with it.')));
  }

  let endpoint = await get('/webhooks/' + id(endpointId));
  const summary = h('section', { class: 'card', id: 'endpoint-summary', 'aria-labelledby': 'summary-title' });
  const editSlot = h('div');
  const deliveries = h('section', { 'aria-labelledby': 'deliveries-title', id: 'deliveries' });
  view.append(summary, deliveries, editSlot);

  let reloadLog = () => {};
  // The outcome of the last test stays while the summary above it is redrawn.
  const result = h('div', { class: 'test-result', id: 'test-result', role: 'status' });

  function drawSummary() {
    heading.textContent = 'Webhook: ' + endpoint.url;
    const toggle = h('button', { type: 'button', id: 'toggle-enabled' }, endpoint.enabled ? 'Disable' : 'Enable');
    const test = h('button', { type: 'button', class: 'primary', id: 'send-test' }, 'Send test event');
    const rotate = h('button', { type: 'button', id: 'rotate-secret' }, 'Rotate secret');
    const remove = h('button', { type: 'button', class: 'danger', id: 'delete-webhook' }, 'Delete');
    summary.replaceChildren(h('h2', { id: 'summary-title' }, 'Endpoint'),
      h('dl', { class: 'facts' },
        h('dt', {}, 'URL'), h('dd', { class: 'url' }, endpoint.url),
        h('dt', {}, 'State'), h('dd', { id: 'endpoint-state' }, state(endpoint)),
        h('dt', {}, 'Events'), h('dd', {}, eventsText(endpoint.events)),
        h('dt', {}, 'Description'), h('dd', {}, endpoint.description || '—'),
        h('dt', {}, 'Created'), h('dd', {}, timeEl(endpoint.createdAt)),
        h('dt', {}, 'Id'), h('dd', {}, h('code', {}, endpoint.id))),
      h('div', { class: 'actions' }, test, toggle, rotate, remove), result);

    toggle.addEventListener('click', () => act(toggle, summary, async () => {
      endpoint = await patch('/webhooks/' + id(endpoint.id), { enabled: !endpoint.enabled });
      drawSummary();
      drawEdit();
      document.getElementById('toggle-enabled').focus();
    }));
    test.addEventListener('click', () => act(test, summary, async () => {
      result.replaceChildren('Sending a webhook.test event…');
      const sent = await post('/webhooks/' + id(endpoint.id) + '/test');
      const outcome = await settle(endpoint.id, sent.delivery);
      result.replaceChildren(testOutcome(outcome));
      // A failed delivery may have disabled the endpoint (a 410 does): show its state as it is now.
      endpoint = await get('/webhooks/' + id(endpoint.id));
      drawSummary();
      reloadLog();
      document.getElementById('send-test').focus();
    }));
    rotate.addEventListener('click', async () => {
      const ok = await confirmDialog('Rotate the signing secret?', 'A new secret signs from now on; the old one '
        + 'keeps signing too for 24 hours, so you can update your receiver without losing events.', 'Rotate secret');
      if (!ok) {
        return;
      }
      await act(rotate, summary, async () => {
        const rotated = await post('/webhooks/' + id(endpoint.id) + '/rotate-secret');
        onceSlot.replaceChildren(secretOnce('New signing secret', 'Signing secret', rotated.secret,
          h('p', {}, 'The previous secret keeps signing until ', timeEl(rotated.previousSecretExpiresAt), '.')));
        onceSlot.querySelector('input').focus();
      });
    });
    remove.addEventListener('click', async () => {
      const ok = await confirmDialog('Delete this endpoint?', 'Warmy stops sending to ' + endpoint.url
        + ' and its delivery log goes with it. This cannot be undone.', 'Delete endpoint');
      if (!ok) {
        return;
      }
      await act(remove, summary, async () => {
        await del('/webhooks/' + id(endpoint.id));
        location.hash = '#/webhooks';
      });
    });
  }

  function drawEdit() {
    const fields = endpointFields(endpoint);
    const save = h('button', { type: 'submit', class: 'primary', id: 'save-webhook' }, 'Save changes');
    const saved = h('p', { role: 'status', class: 'list-status' });
    const form = h('form', { class: 'card', novalidate: true, id: 'edit-webhook', 'aria-labelledby': 'edit-title' },
      h('h2', { id: 'edit-title' }, 'Edit'), fields.elements, h('div', { class: 'actions' }, save, saved));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      saved.textContent = '';
      await act(save, form, async () => {
        endpoint = await patch('/webhooks/' + id(endpoint.id), fields.body());
        drawSummary();
        drawEdit();
        document.getElementById('edit-webhook').querySelector('[role="status"]').textContent = 'Saved.';
      });
    });
    editSlot.replaceChildren(form);
  }

  drawSummary();
  drawEdit();

  // The delivery log, newest first, with a status filter.
  const filter = h('select', { name: 'status', id: 'delivery-filter' },
    h('option', { value: '' }, 'all'), h('option', { value: 'pending' }, 'pending'),
    h('option', { value: 'succeeded' }, 'succeeded'), h('option', { value: 'failed' }, 'failed'));
  const refresh = h('button', { type: 'button', id: 'refresh-log' }, 'Refresh');
  const tbody = h('tbody');
  const table = h('table', { id: 'delivery-log' },
    h('caption', { class: 'visually-hidden' }, 'Deliveries to this endpoint, newest first'),
    h('thead', {}, h('tr', {}, ['Created', 'Event', 'Status', 'Attempts', ''].map(t => h('th', { scope: 'col' }, t)))),
    tbody);
  deliveries.append(h('h2', { id: 'deliveries-title' }, 'Delivery log'),
    h('div', { class: 'actions' }, field('Show', filter), refresh), table);
  reloadLog = pagedList(deliveries, tbody,
    cursor => get(query('/webhooks/' + id(endpoint.id) + '/deliveries', { limit: 20, cursor, status: filter.value })),
    delivery => deliveryRow(endpoint, delivery, () => reloadLog()), 'No deliveries yet.');
  filter.addEventListener('change', () => reloadLog());
  refresh.addEventListener('click', () => reloadLog());
}

function statusBadge(status) {
  const kind = { succeeded: 'ok', failed: 'bad', pending: 'warn' }[status] || 'muted';
  return h('span', { class: 'badge ' + kind }, status);
}

function deliveryRow(endpoint, delivery, reload) {
  const attempts = h('ol', { class: 'attempts' }, delivery.attemptLog.map(a => h('li', {},
    'Attempt ', a.attempt, ' at ', timeEl(a.at), ': ',
    h('strong', {}, a.statusCode === null ? 'no answer' : 'HTTP ' + a.statusCode), ' in ', a.latencyMs, ' ms',
    a.error ? h('span', { class: 'snippet' }, a.error) : null,
    a.responseSnippet ? h('code', { class: 'snippet' }, a.responseSnippet) : null)));
  const next = delivery.status === 'pending' && delivery.nextAttemptAt
    ? h('span', { class: 'reason' }, 'Next attempt ', timeEl(delivery.nextAttemptAt)) : null;
  const actions = h('td', {});
  const tr = h('tr', { dataset: { id: delivery.id, status: delivery.status } },
    h('td', {}, timeEl(delivery.createdAt)),
    h('td', {}, h('code', {}, delivery.eventType), h('span', { class: 'reason mono' }, delivery.eventId)),
    h('td', {}, statusBadge(delivery.status), next,
      delivery.lastError ? h('span', { class: 'reason' }, delivery.lastError) : null),
    h('td', {}, delivery.attemptLog.length ? attempts : 'none yet'),
    actions);
  if (delivery.status === 'failed') {
    const retry = h('button', { type: 'button', class: 'retry' }, 'Retry');
    retry.addEventListener('click', () => act(retry, actions, async () => {
      const due = await post('/webhooks/' + id(endpoint.id) + '/deliveries/' + id(delivery.id) + '/retry');
      actions.replaceChildren(h('span', { role: 'status' }, 'Retry queued.'));
      await settle(endpoint.id, due);
      reload();
    }));
    actions.append(retry);
  }
  return tr;
}

/** Waits (up to about 20 s) for a delivery to leave "pending", reading the endpoint's log. */
async function settle(endpointId, delivery) {
  let current = delivery;
  const deadline = Date.now() + 20000;
  while (current.status === 'pending' && Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 400));
    const page = await get(query('/webhooks/' + id(endpointId) + '/deliveries', { limit: 20 }));
    current = page.data.find(d => d.id === delivery.id) || current;
  }
  return current;
}

function testOutcome(delivery) {
  const last = delivery.attemptLog.length ? delivery.attemptLog[delivery.attemptLog.length - 1] : null;
  if (delivery.status === 'succeeded') {
    return h('p', { class: 'notice' }, 'Test event delivered: ', h('strong', {}, 'HTTP ' + last.statusCode),
      ' in ', last.latencyMs, ' ms.');
  }
  const answer = last ? (last.statusCode === null ? (last.error || 'no answer') : 'HTTP ' + last.statusCode)
    + ' after ' + last.latencyMs + ' ms' : '';
  if (delivery.status === 'failed') {
    return h('p', { class: 'problem' }, 'Test event failed: ', h('strong', {}, answer || delivery.lastError || 'not sent'),
      '. Fix the receiver, then use Retry in the delivery log below.');
  }
  if (last) {
    return h('p', { class: 'problem' }, 'Test event not delivered yet: ', h('strong', {}, answer),
      '. Warmy retries it on its schedule; see the delivery log below.');
  }
  return h('p', {}, 'Test event queued; it has not been sent yet. See the log below.');
}

