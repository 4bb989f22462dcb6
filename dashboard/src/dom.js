// A tiny element builder: h('button', {type: 'button', dataset: {test: 'x'}, onclick}, 'text', child, ...).
// No innerHTML anywhere, so server text is never markup; no style attributes (the CSP forbids them).
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'class') el.className = v;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value' || k === 'checked' || k === 'textContent') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/** An error region: role=alert, data-test=error, hidden while empty. show(sentence) / show(null). */
export function errorBox(extraClass = '') {
  const el = h('p', { role: 'alert', class: `error ${extraClass}`.trim(), dataset: { test: 'error' }, hidden: true });
  el.show = (sentence) => {
    el.textContent = sentence || '';
    el.hidden = !sentence;
  };
  return el;
}

/**
 * Call after hiding or removing `el`: when it had the focus (it still has, or `hadFocus` says it had and the focus
 * fell back to the body), the focus moves to `target`, a stable control or a heading with tabindex=-1.
 */
export function keepFocus(el, target, hadFocus = false, doc = globalThis.document) {
  const active = doc?.activeElement ?? null;
  const inside = active != null && (active === el || (typeof el?.contains === 'function' && el.contains(active)));
  if (inside || (hadFocus && (active == null || active === doc?.body))) {
    target?.focus?.();
    return true;
  }
  return false;
}

/** Marks a page's root as rendered for the end-to-end test. */
export function markPage(el, name) {
  el.dataset.test = 'page';
  el.dataset.page = name;
}

let uid = 0;
export function nextId(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}
