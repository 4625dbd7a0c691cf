// A small grouped bar chart of a mailbox's days (sent, inbox, spam), drawn as inline SVG.

const NS = 'http://www.w3.org/2000/svg';
export const SERIES = [
  { key: 'sent', label: 'Sent' },
  { key: 'inbox', label: 'Inbox' },
  { key: 'spam', label: 'Spam' },
];

function svg(tag, attrs, text) {
  const el = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    el.setAttribute(name, String(value));
  }
  if (text !== undefined) {
    el.textContent = text;
  }
  return el;
}

/** A "nice" top of the y axis at or above max: 1, 2 or 5 times a power of ten. */
function niceMax(max) {
  if (max <= 0) {
    return 1;
  }
  const power = Math.pow(10, Math.floor(Math.log10(max)));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= max) {
      return step * power;
    }
  }
  return 10 * power;
}

export function dailyChart(daily, titleText) {
  const width = 900;
  const height = 260;
  const left = 44;
  const right = 10;
  const top = 14;
  const bottom = 36;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = niceMax(Math.max(0, ...daily.flatMap(d => SERIES.map(s => d[s.key]))));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img',
    'aria-labelledby': 'chart-title chart-desc', id: 'stats-chart' });
  chart.append(svg('title', { id: 'chart-title' }, titleText));
  const totals = SERIES.map(s => s.label + ' ' + daily.reduce((sum, d) => sum + d[s.key], 0)).join(', ');
  chart.append(svg('desc', { id: 'chart-desc' }, daily.length + ' days from ' + (daily[0] ? daily[0].date : '')
    + ' to ' + (daily.length ? daily[daily.length - 1].date : '') + '; totals: ' + totals + '.'));

  for (let i = 0; i <= 4; i++) {
    const value = max * i / 4;
    const y = top + plotH - plotH * i / 4;
    chart.append(svg('line', { x1: left, x2: width - right, y1: y, y2: y, class: i === 0 ? 'axis' : 'grid' }));
    chart.append(svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end' },
      Number.isInteger(value) ? value : value.toFixed(1)));
  }
  const slot = daily.length ? plotW / daily.length : plotW;
  const barW = Math.max(1, (slot * 0.8) / SERIES.length);
  daily.forEach((day, i) => {
    const x0 = left + i * slot + slot * 0.1;
    const group = svg('g', { class: 'day', 'data-date': day.date });
    group.append(svg('title', {}, day.date + ': ' + SERIES.map(s => s.label.toLowerCase() + ' ' + day[s.key]).join(', ')));
    SERIES.forEach((s, j) => {
      const h = plotH * day[s.key] / max;
      group.append(svg('rect', { x: (x0 + j * barW).toFixed(2), y: (top + plotH - h).toFixed(2),
        width: Math.max(0.5, barW - 0.5).toFixed(2), height: h.toFixed(2), class: s.key }));
    });
    chart.append(group);
    if (i % 5 === 0 || i === daily.length - 1) {
      chart.append(svg('text', { x: (left + i * slot + slot / 2).toFixed(2), y: height - bottom + 16,
        'text-anchor': 'middle' }, day.date.slice(5)));
    }
  });
  return chart;
}
