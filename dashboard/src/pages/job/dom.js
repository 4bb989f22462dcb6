// Tiny DOM helpers of the job page (no inline style attributes: the page's CSP has style-src 'self').
export function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c != null && c !== false) e.append(c);
  return e;
}

/** A table in a horizontally scrolling, keyboard-focusable region (tables scroll at 375 px width). */
export function scrollTable(label, table) {
  return h('div', { class: 'job-table-wrap', tabindex: '0', role: 'region', 'aria-label': label }, table);
}
