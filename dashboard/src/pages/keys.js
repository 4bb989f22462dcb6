// API keys: create (name + scopes; the key is shown once with a copy button), list, revoke with an inline confirm.
import { h, clear, errorBox, markPage, nextId, keepFocus } from '../dom.js';
import { errorSentence } from '../errors.js';
import { formatTime } from '../format.js';
import { copyText } from '../clipboard.js';

const SCOPES = [
  ['jobs:read', 'Read jobs and results'],
  ['jobs:write', 'Submit and cancel jobs'],
  ['billing', 'See and manage billing'],
];

export function renderKeys(el, ctx) {
  let alive = true;
  const err = errorBox();
  const nameId = nextId('key-name');
  const name = h('input', { id: nameId, type: 'text', name: 'key-name', maxlength: 100, required: true, dataset: { test: 'key-name' } });
  const boxes = SCOPES.map(([scope, label]) => {
    const id = nextId('scope');
    const cb = h('input', { id, type: 'checkbox', name: 'scope', value: scope, checked: scope.startsWith('jobs'), dataset: { test: `scope-${scope}` } });
    return { scope, cb, row: h('div', { class: 'check' }, cb, h('label', { for: id }, h('code', {}, scope), ` ${label}`)) };
  });
  const create = h('button', { type: 'submit', class: 'primary', dataset: { test: 'key-create' } }, 'Create key');
  const shown = h('div', { class: 'secret', hidden: true, 'aria-live': 'polite' });
  const form = h('form', { class: 'card', novalidate: true },
    h('h2', {}, 'New key'),
    h('div', { class: 'field' }, h('label', { for: nameId }, 'Name'), name,
      h('p', { class: 'hint' }, 'Where the key will be used, for example "laptop" or "CI".')),
    h('fieldset', {}, h('legend', {}, 'Scopes'), boxes.map((b) => b.row)),
    h('div', { class: 'actions' }, create));
  const tbody = h('tbody');
  const empty = h('p', { class: 'muted', hidden: true }, 'No keys yet.');
  const table = h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'API keys' },
    h('table', {},
      h('thead', {}, h('tr', {}, ['Name', 'Prefix', 'Scopes', 'Last used', 'Created', h('span', { class: 'visually-hidden' }, 'Actions')]
        .map((t) => h('th', { scope: 'col' }, t)))),
      tbody));
  // where the focus goes when the row it was in is removed (a revoked key)
  const keysHeading = h('h2', { tabindex: -1 }, 'Your keys');
  el.append(h('h1', {}, 'API keys'), err, form, shown, keysHeading, empty, table);
  markPage(el, 'keys');

  function showSecret(key) {
    clear(shown);
    const status = h('span', { class: 'muted', role: 'status' });
    const secret = h('code', { class: 'key-secret', dataset: { test: 'key-secret' } }, key);
    shown.append(
      h('h2', {}, 'Your new key'),
      h('p', {}, 'Copy it now: it is shown only once and cannot be recovered.'),
      h('div', { class: 'secret-row' }, secret,
        h('button', {
          type: 'button', dataset: { test: 'key-copy' },
          onclick: async () => { status.textContent = (await copyText(key)) ? 'Copied.' : 'Copy failed: select the key and copy it by hand.'; },
        }, 'Copy'),
        status));
    shown.hidden = false;
  }

  function row(k) {
    const actions = h('td', { class: 'actions-cell' });
    const revoke = h('button', { type: 'button', class: 'danger', dataset: { test: 'key-revoke' }, 'aria-label': `Revoke ${k.name}` }, 'Revoke');
    actions.append(revoke);
    const tr = h('tr', { dataset: { test: 'key-row', keyId: k.id } },
      h('td', {}, k.name), h('td', {}, h('code', {}, k.prefix)), h('td', {}, (k.scopes || []).join(', ')),
      h('td', {}, k.last_used_at ? formatTime(k.last_used_at) : 'never'), h('td', {}, formatTime(k.created_at)), actions);
    revoke.addEventListener('click', () => {
      clear(actions);
      const yes = h('button', { type: 'button', class: 'danger', dataset: { test: 'key-revoke-confirm' } }, 'Revoke now');
      const no = h('button', { type: 'button' }, 'Keep');
      actions.append(h('span', { class: 'confirm' }, `Revoke ${k.name}? Programs using it stop working. `, yes, ' ', no));
      yes.focus();
      no.addEventListener('click', () => { clear(actions); actions.append(revoke); revoke.focus(); });
      yes.addEventListener('click', async () => {
        yes.focus(); // some browsers do not focus a clicked button: the focus is then known to be in the row
        yes.disabled = true;
        try {
          await ctx.api.del(`/keys/${encodeURIComponent(k.id)}`);
          const hadFocus = tr.contains(document.activeElement);
          tr.remove();
          keepFocus(tr, keysHeading, hadFocus);
          empty.hidden = tbody.children.length > 0;
          err.show(null);
        } catch (e) {
          err.show(errorSentence(e));
          yes.disabled = false;
        }
      });
    });
    return tr;
  }

  async function load() {
    try {
      const body = await ctx.api.get('/keys');
      if (!alive) return;
      clear(tbody);
      for (const k of body.keys || []) tbody.append(row(k));
      empty.hidden = tbody.children.length > 0;
    } catch (e) {
      if (alive) err.show(errorSentence(e));
    }
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const scopes = boxes.filter((b) => b.cb.checked).map((b) => b.scope);
    if (!name.value.trim()) { err.show('Give the key a name.'); name.focus(); return; }
    if (!scopes.length) { err.show('Choose at least one scope.'); boxes[0].cb.focus(); return; }
    create.disabled = true;
    err.show(null);
    try {
      const k = await ctx.api.post('/keys', { name: name.value.trim(), scopes });
      showSecret(k.key);
      name.value = '';
      tbody.prepend(row(k));
      empty.hidden = true;
    } catch (e) {
      err.show(errorSentence(e));
    } finally {
      create.disabled = false;
    }
  });

  load();
  ctx.restoreForm(el);
  return () => { alive = false; };
}
