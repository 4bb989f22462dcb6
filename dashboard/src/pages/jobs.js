// The jobs list: state, created, preset, live progress and ETA (one multiplexed stream for the non-final jobs
// shown, reopened when that set changes), cancel, re-run, a state filter and "load more".
import { h, clear, errorBox, markPage, nextId, keepFocus } from '../dom.js';
import { errorSentence } from '../errors.js';
import { formatTime } from '../format.js';
import { STATES, isFinal, streamIds, eventsRefusal, percentOf, etaText, presetOf } from '../jobs-model.js';

export function renderJobs(el, ctx) {
  let alive = true;
  const jobs = new Map(); // job_id -> job, in list order
  const rows = new Map(); // job_id -> {tr, progress, eta, state, cancel}
  let nextCursor = null;
  const streams = new Map(); // '*' -> the multiplexed stream, or job id -> its own stream
  let streamKey = '';
  let perJob = false; // the server has no multiplexed GET /events: one stream per job instead (at most 10)
  const unknown = new Set(); // ids GET /events said it does not know: left out of the multiplexed stream

  const err = errorBox();
  const filterId = nextId('filter');
  const filter = h('select', { id: filterId, dataset: { test: 'filter-state' } },
    h('option', { value: '' }, 'All states'), STATES.map((s) => h('option', { value: s }, s)));
  const tbody = h('tbody');
  const empty = h('p', { class: 'muted', hidden: true });
  const more = h('button', { type: 'button', hidden: true, dataset: { test: 'load-more' } }, 'Load more');
  const live = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  el.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Jobs'), h('a', { href: '#/new', class: 'button primary' }, 'New simulation')),
    err,
    h('div', { class: 'toolbar' }, h('label', { for: filterId }, 'Show'), filter),
    h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Jobs' },
      h('table', { class: 'jobs' },
        h('thead', {}, h('tr', {}, ['Job', 'State', 'Created', 'Preset', 'Progress', 'Time left', h('span', { class: 'visually-hidden' }, 'Actions')]
          .map((t) => h('th', { scope: 'col' }, t)))),
        tbody)),
    empty, h('div', { class: 'actions' }, more), live);
  markPage(el, 'jobs');

  function applyFilter() {
    const want = filter.value;
    let shown = 0;
    for (const [id, r] of rows) {
      const vis = !want || jobs.get(id).status === want;
      r.tr.hidden = !vis;
      if (vis) shown++;
    }
    empty.hidden = shown > 0;
    empty.textContent = jobs.size === 0 ? 'No jobs yet. Start one with "New simulation".' : `No ${want} jobs among those loaded.`;
  }

  function update(id) {
    const j = jobs.get(id);
    const r = rows.get(id);
    if (!j || !r) return;
    r.tr.dataset.state = j.status;
    r.state.textContent = j.status;
    r.state.className = `state state-${j.status}`;
    const pct = percentOf(j.progress, j.status);
    r.progress.value = pct;
    r.progress.textContent = `${Math.round(pct)} %`;
    r.progress.setAttribute('aria-label', `Progress of ${id}: ${Math.round(pct)} percent`);
    r.pct.textContent = `${Math.round(pct)} %`;
    r.eta.textContent = etaText(j);
    const final = isFinal(j.status);
    if (final && !r.cancel.hidden) {
      r.cancel.hidden = true;
      keepFocus(r.cancel, r.rerun, r.cancelHadFocus); // the focused cancel button is gone: to the row's re-run link
    } else r.cancel.hidden = final;
  }

  function row(j) {
    const id = j.job_id;
    const progress = h('progress', { max: 100, value: 0, dataset: { test: 'job-progress' } });
    const pct = h('span', { class: 'pct', 'aria-hidden': 'true' });
    const eta = h('td', { dataset: { test: 'job-eta' } });
    const state = h('span');
    const cancel = h('button', { type: 'button', class: 'danger small', dataset: { test: 'job-cancel' }, 'aria-label': `Cancel ${id}` }, 'Cancel');
    const rerun = h('a', { href: `#/new?from=${encodeURIComponent(id)}`, class: 'button small', dataset: { test: 'job-rerun' }, 'aria-label': `Re-run ${id}` }, 'Re-run');
    cancel.addEventListener('click', async () => {
      const r = rows.get(id);
      if (r) r.cancelHadFocus = document.activeElement === cancel || document.activeElement === document.body;
      cancel.disabled = true;
      try {
        const updated = await ctx.api.post(`/jobs/${encodeURIComponent(id)}/cancel`, {});
        merge(updated);
        err.show(null);
      } catch (e) {
        err.show(errorSentence(e));
      } finally {
        cancel.disabled = false;
        const r = rows.get(id);
        if (r) r.cancelHadFocus = false;
      }
    });
    const tr = h('tr', { dataset: { test: 'job-row', jobId: id, state: j.status } },
      h('td', {}, h('a', { href: `#/jobs/${encodeURIComponent(id)}` }, h('code', {}, id))),
      h('td', {}, state),
      h('td', { class: 'nowrap' }, formatTime(j.created_at)),
      h('td', {}, presetOf(j) ?? '—'),
      h('td', { class: 'progress-cell' }, progress, pct),
      eta,
      h('td', { class: 'actions-cell' }, cancel, ' ', rerun));
    rows.set(id, { tr, progress, pct, eta, state, cancel, rerun, cancelHadFocus: false });
    return tr;
  }

  function merge(j) {
    if (!j?.job_id) return;
    const old = jobs.get(j.job_id);
    if (!old) return;
    jobs.set(j.job_id, { ...old, ...j, progress: { ...(old.progress || {}), ...(j.progress || {}) } });
    update(j.job_id);
    applyFilter();
    syncStream();
  }

  function onEvent(name, data) {
    if (!alive || !data || typeof data !== 'object') return;
    if (name === 'status') {
      const before = jobs.get(data.job_id)?.status;
      merge(data);
      if (before && before !== data.status) live.textContent = `${data.job_id} is ${data.status}.`;
    } else if (name === 'progress' && data.job_id && jobs.has(data.job_id)) {
      const j = jobs.get(data.job_id);
      const { job_id: _, ...p } = data;
      jobs.set(data.job_id, { ...j, status: j.status === 'queued' ? 'running' : j.status, progress: { ...(j.progress || {}), ...p } });
      update(data.job_id);
    }
  }

  /** One stream for every non-final job shown; reopened only when that set changes. */
  function syncStream() {
    const ids = streamIds([...jobs.values()], perJob ? null : unknown);
    const key = ids.join(',');
    if (key === streamKey || !alive) return;
    streamKey = key;
    const onError = (e, { fatal }) => { if (fatal && alive) err.show(errorSentence(e)); };
    if (perJob) {
      // one stream per job: open the new ones, close the ones no longer needed, keep the rest
      const want = new Set(ids.slice(0, 10));
      for (const [id, s] of streams) if (!want.has(id)) { s.close(); streams.delete(id); }
      for (const id of want) {
        if (streams.has(id)) continue;
        streams.set(id, ctx.api.stream(`/jobs/${encodeURIComponent(id)}/events`, {
          onEvent: (name, data) => onEvent(name, data && typeof data === 'object' ? { job_id: id, ...data } : data),
          onError,
        }));
      }
      return;
    }
    closeStreams();
    if (!ids.length) return;
    streams.set('*', ctx.api.stream(`/events?jobs=${ids.map(encodeURIComponent).join(',')}`, {
      onEvent,
      onError: (e, info) => {
        const what = info.fatal && !perJob ? eventsRefusal(e, ids) : null;
        if (!what || !alive) { onError(e, info); return; }
        // an id the server does not know: reopen without it; /events itself missing: one stream per job
        if (what.drop) unknown.add(what.drop);
        else perJob = true;
        streams.delete('*');
        streamKey = '';
        syncStream();
      },
    }));
  }

  function closeStreams() {
    for (const s of streams.values()) s.close();
    streams.clear();
  }

  async function load(cursor) {
    more.disabled = true;
    try {
      const q = new URLSearchParams({ limit: '20' });
      if (cursor) q.set('cursor', cursor);
      const body = await ctx.api.get(`/jobs?${q}`);
      if (!alive) return;
      for (const j of body.jobs || []) {
        if (jobs.has(j.job_id)) continue;
        jobs.set(j.job_id, j);
        tbody.append(row(j));
        update(j.job_id);
      }
      nextCursor = body.next_cursor || null;
      more.hidden = !nextCursor;
      applyFilter();
      syncStream();
      err.show(null);
      if (!cursor) {
        try { performance.mark('jobs-rendered'); } catch { /* no performance API */ }
      }
    } catch (e) {
      if (alive) err.show(errorSentence(e));
    } finally {
      more.disabled = false;
    }
  }

  filter.addEventListener('change', applyFilter);
  more.addEventListener('click', () => load(nextCursor));
  load(null);
  return () => {
    alive = false;
    closeStreams();
  };
}
