// Small DOM helpers shared by the pages: building elements, dates, problems shown next to what
// caused them, confirmation dialogs, the "shown once" secret panel and "Load more" lists.

/** Builds an element: h('button', {type: 'button', onclick: f}, 'Text', child, ...). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      el.className = value;
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(el, child);
    } else {
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
}

let counter = 0;
/** A fresh element id, for label/for and aria-describedby pairs. */
export function uid(prefix) {
  counter += 1;
  return prefix + '-' + counter;
}

/** A labelled form field: the label, the control, and room for the field's error under it. */
export function field(label, control, hint) {
  if (!control.id) {
    control.id = uid('f');
  }
  const described = [];
  let hintEl = null;
  if (hint) {
    hintEl = h('p', { class: 'hint', id: control.id + '-hint' }, hint);
    described.push(hintEl.id);
  }
  const error = h('p', { class: 'field-error', id: control.id + '-error', hidden: true });
  described.push(error.id);
  control.setAttribute('aria-describedby', described.join(' '));
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintEl, error);
}

export function when(iso) {
  if (!iso) {
    return '—';
  }
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

export function timeEl(iso, fallback = 'never') {
  return iso ? h('time', { datetime: iso, title: iso }, when(iso)) : fallback;
}

/** Removes the errors a form shows. */
export function clearProblem(scope) {
  for (const el of scope.querySelectorAll('.field-error')) {
    el.textContent = '';
    el.hidden = true;
  }
  for (const el of scope.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
  }
  for (const el of scope.querySelectorAll(':scope .problem')) {
    el.remove();
  }
}

/**
 * Shows a failure in words inside scope (a form, a row, a section): the problem's detail at the
 * top, each of its errors[] (or its single field) next to the control of that name, which is
 * marked invalid; the first such control gets the focus.
 */
export function showProblem(scope, error, where) {
  clearProblem(scope);
  const problem = error && error.problem ? error.problem
    : { title: 'Unexpected error', detail: String(error && error.message ? error.message : error) };
  const fields = [];
  if (Array.isArray(problem.errors)) {
    fields.push(...problem.errors);
  }
  if (problem.field && !fields.some(e => e.field === problem.field)) {
    fields.push({ field: problem.field, message: problem.detail });
  }
  let first = null;
  const unplaced = [];
  for (const e of fields) {
    const control = controlFor(scope, e.field);
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      const slot = document.getElementById(control.id + '-error');
      if (slot) {
        slot.textContent = e.message;
        slot.hidden = false;
      }
      first = first || control;
    } else {
      unplaced.push(e);
    }
  }
  const title = problem.status ? problem.title + ' (' + problem.status + ')' : problem.title;
  const box = h('div', { class: 'problem', role: 'alert' },
    h('strong', {}, title || 'Error'), ' ', problem.detail || '',
    unplaced.length ? h('ul', {}, unplaced.map(e => h('li', {}, h('code', {}, e.field), ': ', e.message))) : null,
    problem.requestId ? h('span', { class: 'request-id' }, ' Request id: ', h('code', {}, problem.requestId)) : null);
  (where || scope).prepend(box);
  if (first) {
    first.focus();
  }
  return box;
}

function controlFor(scope, name) {
  if (!name) {
    return null;
  }
  const base = name.replace(/\[\d+\]$/, '');
  for (const candidate of [name, base]) {
    const el = scope.querySelector('[name="' + CSS.escape(candidate) + '"]');
    if (el) {
      return el;
    }
  }
  return null;
}

/** Runs an action from a button: disabled while it runs, its failure shown in scope. */
export async function act(button, scope, action) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    clearProblem(scope);
    return await action();
  } catch (e) {
    showProblem(scope, e);
    return undefined;
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** Asks for confirmation in a modal <dialog>; resolves true when confirmed. */
export function confirmDialog(title, text, confirmLabel) {
  return new Promise(resolve => {
    const dialog = document.getElementById('confirm');
    dialog.querySelector('h2').textContent = title;
    dialog.querySelector('p').textContent = text;
    const ok = dialog.querySelector('.confirm-ok');
    ok.textContent = confirmLabel;
    dialog.returnValue = '';
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.showModal();
    dialog.querySelector('.confirm-cancel').focus();
  });
}

/** A secret shown once: a read-only box, a copy button and the warning that it will not be shown again. */
export function secretOnce(title, label, secret, extra) {
  const input = h('input', { type: 'text', readonly: true, value: secret, class: 'secret', spellcheck: 'false',
    autocomplete: 'off', id: uid('secret') });
  const status = h('span', { class: 'copy-status', role: 'status' });
  const copy = h('button', { type: 'button', class: 'copy' }, 'Copy');
  copy.addEventListener('click', async () => {
    input.select();
    let copied = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(secret);
        copied = true;
      }
    } catch (e) {
      copied = false;
    }
    if (!copied) {
      try {
        copied = document.execCommand('copy');
      } catch (e) {
        copied = false;
      }
    }
    status.textContent = copied ? 'Copied.' : 'Select the text and copy it with Ctrl+C.';
  });
  const panel = h('section', { class: 'once', 'aria-labelledby': input.id + '-title' },
    h('h2', { id: input.id + '-title' }, title),
    h('p', { class: 'warning' }, h('strong', {}, 'You will not see this again.'),
      ' Copy it now and store it somewhere safe; if it is lost, make a new one.'),
    h('label', { for: input.id }, label),
    h('div', { class: 'secret-row' }, input, copy, status),
    extra || null,
    h('button', { type: 'button', class: 'done' }, 'I have stored it'));
  panel.querySelector('.done').addEventListener('click', () => panel.remove());
  return panel;
}

/**
 * A list read page by page with the API's cursors: renders each page's items into body and offers
 * "Load more" while the API says there are more. Returns a function that starts again from the top.
 */
export function pagedList(container, body, fetchPage, renderItem, emptyText) {
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Load more');
  const status = h('p', { class: 'list-status', role: 'status' });
  container.append(status, more);
  let cursor = null;
  let shown = 0;
  let generation = 0; // a reload started while a page is on its way makes that page stale
  async function load(first) {
    if (first) {
      generation += 1;
      cursor = null;
      shown = 0;
    }
    const mine = generation;
    more.hidden = true;
    status.textContent = 'Loading…';
    try {
      clearProblem(container);
      const page = await fetchPage(cursor);
      if (mine !== generation) {
        return;
      }
      if (first) {
        body.replaceChildren();
      }
      for (const item of page.data) {
        body.append(renderItem(item));
      }
      shown += page.data.length;
      cursor = page.nextCursor;
      more.hidden = !(page.hasMore && page.nextCursor);
      status.textContent = shown === 0 ? emptyText : 'Showing ' + shown + (more.hidden ? '.' : ', more below.');
    } catch (e) {
      if (mine !== generation) {
        return;
      }
      status.textContent = '';
      showProblem(container, e);
      if (cursor) {
        more.hidden = false;
      }
    }
  }
  more.addEventListener('click', () => load(false));
  load(true);
  return () => load(true);
}
