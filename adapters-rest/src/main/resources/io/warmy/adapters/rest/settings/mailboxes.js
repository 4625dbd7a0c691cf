// Mailboxes: the list with warmup status and health band, pause and resume, and a page per
// mailbox with its warmup, its health and the last 30 days drawn as a chart.

import { get, id, post, query } from './api.js';
import { act, field, h, pagedList, showProblem, timeEl } from './ui.js';
import { dailyChart, SERIES } from './chart.js';

const HEALTH = { excellent: 'ok', good: 'ok', fair: 'warn', poor: 'bad', insufficient_data: 'muted' };
const WARMUP = { active: 'ok', paused: 'warn', not_started: 'muted' };

function healthBadge(health) {
  const label = health.status === 'insufficient_data' ? 'not enough data yet'
    : health.status + (health.score === null ? '' : ' (' + health.score + ')');
  return h('span', { class: 'badge ' + (HEALTH[health.status] || 'muted') }, label);
}

function warmupBadge(warmup) {
  return h('span', { class: 'badge ' + (WARMUP[warmup.status] || 'muted') }, warmup.status.replace('_', ' '));
}

export async function list(view) {
  view.append(h('h1', {}, 'Mailboxes'),
    h('p', {}, 'The mailboxes connected to this workspace, their warmup and how healthy their sending is.'));
  const filter = h('select', { name: 'warmupStatus', id: 'warmup-filter' },
    h('option', { value: '' }, 'all'), h('option', { value: 'active' }, 'active'),
    h('option', { value: 'paused' }, 'paused'), h('option', { value: 'not_started' }, 'not started'));
  const tbody = h('tbody');
  const table = h('table', { id: 'mailboxes' },
    h('caption', { class: 'visually-hidden' }, 'Mailboxes, newest first'),
    h('thead', {}, h('tr', {}, ['Mailbox', 'Provider', 'Connection', 'Warmup', 'Health', ''].map(t =>
      h('th', { scope: 'col' }, t)))),
    tbody);
  const section = h('section', { 'aria-label': 'Mailboxes' }, field('Warmup status', filter), table);
  view.append(section);
  const reload = pagedList(section, tbody,
    cursor => get(query('/mailboxes', { limit: 25, cursor, warmupStatus: filter.value })),
    mailboxRow, 'No mailboxes match.');
  filter.addEventListener('change', () => reload());
}

function mailboxRow(mailbox) {
  const warmupCell = h('td', { class: 'warmup' });
  const healthCell = h('td', { class: 'health' }, '…');
  const actions = h('td', { class: 'row-actions' });
  const tr = h('tr', { dataset: { id: mailbox.id } },
    h('td', {}, h('a', { href: '#/mailboxes/' + encodeURIComponent(mailbox.id) }, mailbox.email),
      mailbox.displayName ? h('span', { class: 'reason' }, mailbox.displayName) : null),
    h('td', {}, mailbox.provider),
    h('td', {}, mailbox.status === 'connected' ? h('span', { class: 'badge ok' }, 'connected')
      : h('span', {}, h('span', { class: 'badge bad' }, 'disconnected'),
        mailbox.disconnectReason ? h('span', { class: 'reason' }, mailbox.disconnectReason) : null)),
    warmupCell, healthCell, actions);

  function drawWarmup(warmup) {
    warmupCell.replaceChildren(warmupBadge(warmup), h('span', { class: 'reason' }, 'day ' + warmup.day));
    tr.dataset.warmup = warmup.status;
    actions.replaceChildren();
    if (mailbox.status !== 'connected') {
      return;
    }
    const pausing = warmup.status !== 'paused';
    const button = h('button', { type: 'button', class: pausing ? 'pause' : 'resume',
      'aria-label': (pausing ? 'Pause warmup of ' : 'Resume warmup of ') + mailbox.email }, pausing ? 'Pause' : 'Resume');
    button.addEventListener('click', () => act(button, actions, async () => {
      const status = await post('/mailboxes/' + id(mailbox.id) + '/warmup/' + (pausing ? 'pause' : 'resume'));
      drawWarmup(status);
      actions.querySelector('button').focus();
    }));
    actions.append(button, ' ', h('a', { href: '#/mailboxes/' + encodeURIComponent(mailbox.id) }, 'Stats'));
  }
  drawWarmup(mailbox.warmup);

  get('/mailboxes/' + id(mailbox.id) + '/health')
    .then(health => healthCell.replaceChildren(healthBadge(health)))
    .catch(e => {
      healthCell.replaceChildren('unknown');
      showProblem(healthCell, e);
    });
  return tr;
}

export async function detail(view, { params: [mailboxId] }) {
  const heading = h('h1', {}, 'Mailbox');
  view.append(h('p', {}, h('a', { href: '#/mailboxes' }, '← All mailboxes')), heading);
  const [mailbox, health] = await Promise.all([get('/mailboxes/' + id(mailboxId)),
    get('/mailboxes/' + id(mailboxId) + '/health')]);
  heading.textContent = 'Mailbox ' + mailbox.email;

  const warmupSection = h('section', { class: 'card', id: 'warmup', 'aria-labelledby': 'warmup-title' });
  async function drawWarmup(status) {
    const pausing = status.status !== 'paused';
    const button = h('button', { type: 'button', id: 'toggle-warmup' }, pausing ? 'Pause warmup' : 'Resume warmup');
    const milestone = status.nextMilestone;
    warmupSection.replaceChildren(h('h2', { id: 'warmup-title' }, 'Warmup'),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Status'), h('dd', {}, warmupBadge(status), ' day ' + status.day),
        h('dt', {}, 'Today'), h('dd', {}, status.sentToday + ' sent of ' + status.plannedToday + ' planned'),
        h('dt', {}, 'Next milestone'), h('dd', {}, milestone ? milestone.name + ' on day ' + milestone.day
          + (milestone.expectedOn ? ' (expected ' + milestone.expectedOn + ')' : ' (paused)') : '—'),
        h('dt', {}, 'Connection'), h('dd', {}, mailbox.status + ' · ' + mailbox.provider + ' · daily limit '
          + mailbox.dailyLimit)),
      mailbox.status === 'connected' ? h('div', { class: 'actions' }, button) : null);
    button.addEventListener('click', () => act(button, warmupSection, async () => {
      const next = await post('/mailboxes/' + id(mailbox.id) + '/warmup/' + (pausing ? 'pause' : 'resume'));
      drawWarmup(next);
      document.getElementById('toggle-warmup').focus();
    }));
  }
  drawWarmup(await get('/mailboxes/' + id(mailboxId) + '/warmup'));

  const healthSection = h('section', { class: 'card', id: 'health', 'aria-labelledby': 'health-title' },
    h('h2', { id: 'health-title' }, 'Health'),
    h('p', {}, healthBadge(health), ' computed ', timeEl(health.computedAt)),
    health.factors.length ? h('table', {},
      h('thead', {}, h('tr', {}, ['Factor', 'Value', 'Weight', 'Contribution'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, health.factors.map(f => h('tr', {}, h('td', {}, f.name), h('td', { class: 'num' }, f.value),
        h('td', { class: 'num' }, f.weight), h('td', { class: 'num' }, f.contribution))))) : null);

  const statsSection = h('section', { id: 'stats', 'aria-labelledby': 'stats-title' },
    h('h2', { id: 'stats-title' }, 'Last 30 days'));
  view.append(warmupSection, statsSection, healthSection);

  const to = new Date();
  const from = new Date(to.getTime() - 29 * 86400000);
  const day = d => d.toISOString().slice(0, 10);
  try {
    const stats = await get(query('/mailboxes/' + id(mailboxId) + '/stats', { from: day(from), to: day(to) }));
    const t = stats.totals;
    statsSection.append(
      h('p', {}, `${t.sent} sent, ${t.inbox} in the inbox, ${t.spam} in spam (inbox rate `
        + `${(t.inboxRate * 100).toFixed(1)} %, spam rate ${(t.spamRate * 100).toFixed(1)} %), ${stats.from} to ${stats.to}.`),
      h('ul', { class: 'legend', 'aria-hidden': 'true' }, SERIES.map(s =>
        h('li', {}, h('span', { class: 'swatch ' + s.key }), s.label))),
      dailyChart(stats.daily, 'Sent, inbox and spam per day for ' + mailbox.email),
      h('details', {}, h('summary', {}, 'The numbers per day'),
        h('table', { id: 'stats-table' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Day'), SERIES.map(s =>
            h('th', { scope: 'col', class: 'num' }, s.label)))),
          h('tbody', {}, stats.daily.map(d => h('tr', {}, h('td', {}, d.date), SERIES.map(s =>
            h('td', { class: 'num' }, d[s.key]))))))));
  } catch (e) {
    showProblem(statsSection, e);
  }
}
