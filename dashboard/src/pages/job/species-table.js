// The species table: sortable by every column (buttons in the headers, aria-sort), searchable, depictions loaded
// lazily (for rows scrolled into view) through the authenticated API as object URLs.
import { SPECIES_COLUMNS, searchSpecies, sortSpecies } from './data.js';
import { h, scrollTable } from './dom.js';

const MAX_ROWS = 300;
const PARALLEL = 4;
const EAGER = 6;

export function renderSpeciesTable(section, species, api) {
  let sortKey = null;
  let sortDir = 'ascending';
  let query = '';
  const urls = new Map(); // smiles -> Promise<string|null>
  const queue = [];
  let active = 0;
  let alive = true;

  const search = h('input', { type: 'search', id: 'job-species-search', 'data-test': 'species-search',
    placeholder: 'formula, SMILES or key', autocomplete: 'off' });
  const status = h('p', { class: 'job-note', 'aria-live': 'polite' });
  const tbody = h('tbody');
  const headRow = h('tr');
  const headers = SPECIES_COLUMNS.map((c) => {
    const th = h('th', { scope: 'col' });
    if (c.type === 'none') th.textContent = c.label;
    else {
      const b = h('button', { type: 'button', class: 'job-sort', text: c.label });
      b.addEventListener('click', () => {
        if (sortKey === c.key) sortDir = sortDir === 'ascending' ? 'descending' : 'ascending';
        else {
          sortKey = c.key;
          sortDir = c.type === 'number' || c.type === 'bool' ? 'descending' : 'ascending';
        }
        update();
      });
      th.append(b);
    }
    headRow.append(th);
    return th;
  });
  const table = h('table', { class: 'job-table job-species', 'data-test': 'species-table' },
    h('caption', { text: `Species found in the run (${species.length.toLocaleString('en')})` }), h('thead', {}, headRow), tbody);

  section.append(h('div', { class: 'job-search' }, h('label', { for: 'job-species-search', text: 'Search species' }), search),
    status, scrollTable('Species table (scrollable)', table));
  search.addEventListener('input', () => {
    query = search.value;
    update();
  });

  const io = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => {
      for (const e of entries) if (e.isIntersecting) {
        io.unobserve(e.target);
        loadDepiction(e.target);
      }
    }, { rootMargin: '200px' })
    : null;

  function pump() {
    while (alive && active < PARALLEL && queue.length) {
      const job = queue.shift();
      active++;
      job().finally(() => {
        active--;
        pump();
      });
    }
  }

  function depictionUrl(smiles) {
    if (!urls.has(smiles)) {
      urls.set(smiles, new Promise((resolve) => {
        queue.push(() => api.blobUrl('/depictions?smiles=' + encodeURIComponent(smiles)).then(resolve, () => resolve(null)));
        pump();
      }));
    }
    return urls.get(smiles);
  }

  async function loadDepiction(cell) {
    if (cell.dataset.loaded) return;
    cell.dataset.loaded = '1';
    const smiles = cell.dataset.smiles;
    const formula = cell.dataset.formula;
    const url = await depictionUrl(smiles);
    if (!alive) return;
    cell.textContent = '';
    if (url) cell.append(h('img', { 'data-test': 'depiction', src: url, alt: `Structure of ${formula} (${smiles})`, width: 96, height: 96, decoding: 'async' }));
    else cell.append(h('span', { class: 'job-muted', text: 'no depiction' }));
  }

  function row(s) {
    const dep = h('td', { class: 'job-depiction' });
    if (s.smiles) {
      dep.dataset.smiles = s.smiles;
      dep.dataset.formula = s.formula ?? s.key;
      dep.append(h('span', { class: 'job-muted', text: '…' }));
      if (io) io.observe(dep); else loadDepiction(dep);
    } else dep.append(h('span', { class: 'job-muted', text: 'none (open chemistry)' }));
    const tr = h('tr', { 'data-test': 'species-row', 'data-key': s.key },
      h('th', { scope: 'row', class: 'job-formula', text: s.formula ?? s.key }),
      h('td', { class: 'job-smiles', text: s.smiles ?? '—' }),
      dep,
      h('td', { class: 'num', text: fmt(s.first_seen_step) }),
      h('td', { class: 'num', text: fmt(s.abundance_final) }),
      h('td', { class: 'num', text: fmt(s.abundance_peak) }),
      h('td', { text: s.novel ? 'yes' : 'no' }));
    // selecting a row (click or focus within) loads its depiction at once
    tr.addEventListener('click', () => { if (s.smiles) loadDepiction(dep); });
    return tr;
  }

  function update() {
    headers.forEach((th, i) => {
      const c = SPECIES_COLUMNS[i];
      if (c.type === 'none') return;
      if (c.key === sortKey) th.setAttribute('aria-sort', sortDir); else th.removeAttribute('aria-sort');
    });
    let rows = searchSpecies(species, query);
    if (sortKey) rows = sortSpecies(rows, sortKey, sortDir);
    if (io) io.disconnect();
    tbody.textContent = '';
    const shown = rows.slice(0, MAX_ROWS);
    tbody.append(...shown.map(row));
    // the first rows' structures load at once (they are what a reader sees first); the rest as they scroll in
    for (const cell of [...tbody.querySelectorAll('td[data-smiles]')].slice(0, EAGER)) loadDepiction(cell);
    if (!rows.length) tbody.append(h('tr', {}, h('td', { colspan: SPECIES_COLUMNS.length, text: 'No species matches the search.' })));
    status.textContent = rows.length > MAX_ROWS
      ? `Showing the first ${MAX_ROWS} of ${rows.length.toLocaleString('en')} matching species; refine the search to see others.`
      : `${rows.length.toLocaleString('en')} of ${species.length.toLocaleString('en')} species shown.`;
  }
  update();

  return {
    destroy() {
      alive = false;
      if (io) io.disconnect();
      for (const p of urls.values()) p.then((u) => u && URL.revokeObjectURL(u));
    },
  };
}

function fmt(v) {
  return v == null ? '—' : Number(v).toLocaleString('en');
}
