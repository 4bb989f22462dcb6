// Keeps what the user typed across a lost session: saved to sessionStorage before going to #/signin and put
// back when the same route renders again after signing in. Passwords are never saved.
const KEY = 'live.saved_form';

export function saveFormState(storage, route, root) {
  if (!root) return;
  const values = {};
  for (const el of root.querySelectorAll('input, select, textarea')) {
    const name = el.dataset.test || el.name || el.id;
    if (!name || el.type === 'password' || el.type === 'file') continue;
    values[name] = el.type === 'checkbox' || el.type === 'radio' ? { checked: el.checked } : { value: el.value };
  }
  if (Object.keys(values).length) storage.setItem(KEY, JSON.stringify({ route, values }));
}

/** Restores saved values into root when the saved route is this one; returns true when it did. */
export function restoreFormState(storage, route, root) {
  const raw = storage.getItem(KEY);
  if (!raw) return false;
  let saved;
  try { saved = JSON.parse(raw); } catch { storage.removeItem(KEY); return false; }
  if (saved.route !== route) return false;
  storage.removeItem(KEY);
  for (const el of root.querySelectorAll('input, select, textarea')) {
    const name = el.dataset.test || el.name || el.id;
    const v = saved.values?.[name];
    if (!v) continue;
    if ('checked' in v) el.checked = v.checked;
    else el.value = v.value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }
  return true;
}

export function hasSavedForm(storage) {
  return Boolean(storage.getItem(KEY));
}
