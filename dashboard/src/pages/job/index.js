// The job page (#/jobs/<id>) and the live-view benchmark page (#/bench/liveview). Entry points used by the shell:
// renderJobPage(el, ctx, jobId) and renderLiveViewBench(el, params); each returns a cleanup function.
import './job.css';
import { createProgressCharts, createSpeciesChart } from './charts.js';
import { FINAL_STATES, etaSeconds, formatBytes, formatDuration, formatNumber, loadFailedText, parseSpeciesTimeseries, streamTrouble, topByPeak } from './data.js';
import { h, scrollTable } from './dom.js';
import { errorBox, keepFocus } from '../../dom.js';
import { errorSentence } from '../../errors.js';
import { changeGate } from '../../live.js';
import { safeHttpUrl } from '../../urls.js';
import { decodeFrame, distinctFormulas } from './frames.js';
import { elementsPresent } from './layout.js';
import { createLiveView } from './renderer.js';
import { renderSpeciesTable } from './species-table.js';

export { renderLiveViewBench } from './bench.js';

const SUMMARY_FIELDS = [
  ['status', 'Status'],
  ['steps', 'Steps', (v) => formatNumber(v, 6)],
  ['simulated_time_ps', 'Simulated time', (v) => `${formatNumber(v)} ps`],
  ['wall_seconds', 'Wall time', (v) => formatDuration(v)],
  ['atoms', 'Atoms', (v) => formatNumber(v, 9)],
  ['ensemble', 'Ensemble', (v) => String(v).toUpperCase()],
  ['energy_drift_relative', 'Energy drift (relative)', (v) => formatNumber(v)],
  ['mean_temperature', 'Mean temperature', (v) => `${formatNumber(v, 4)} K`],
  ['temperature_target', 'Target temperature', (v) => `${formatNumber(v, 4)} K`],
  ['temperature_final', 'Final temperature', (v) => `${formatNumber(v, 4)} K`],
  ['atom_steps_per_second', 'Atom-steps per second', (v) => formatNumber(v)],
  ['steps_per_second', 'Steps per second', (v) => formatNumber(v)],
  ['molecules_final', 'Molecules at the end', (v) => formatNumber(v, 9)],
  ['bonds_final', 'Bonds at the end', (v) => formatNumber(v, 9)],
  ['bonds_formed', 'Bonds formed', (v) => formatNumber(v, 9)],
  ['bonds_broken', 'Bonds broken', (v) => formatNumber(v, 9)],
  ['species_total', 'Species', (v) => formatNumber(v, 9)],
  ['species_novel', 'Novel species', (v) => formatNumber(v, 9)],
  ['reaction_types', 'Reaction types', (v) => formatNumber(v, 9)],
  ['reaction_events', 'Reaction events', (v) => formatNumber(v, 9)],
  ['autocatalytic_cycles', 'Autocatalytic cycles', (v) => formatNumber(v, 9)],
  ['elements_final', 'Elements at the end', (v) => Object.entries(v ?? {}).map(([k, n]) => `${k} ${n}`).join(', ')],
  ['pressure_final', 'Final pressure', (v) => formatNumber(v)],
  ['backend', 'Compute backend'],
];

const STATE_TEXT = { queued: 'Queued', running: 'Running', succeeded: 'Succeeded', failed: 'Failed', canceled: 'Canceled', interrupted: 'Interrupted' };

export function renderJobPage(el, ctx, jobId) {
  const api = ctx.api;
  const base = '/jobs/' + encodeURIComponent(jobId);
  let alive = true;
  let job = null;
  const cleanups = [];
  let streams = [];
  let charts = null;
  let view = null;
  let resultsLoaded = false;

  el.textContent = '';
  const root = h('div', { class: 'job-page' });
  el.append(root);
  // the page's own error region (the shell's ctx has no page-level one): sentences, never raw messages
  const errBox = errorBox('job-error');
  const showError = (err) => errBox.show(errorSentence(err));
  root.append(errBox, h('p', { class: 'job-note', text: `Loading job ${jobId}…` }));

  // header elements, filled by showJob
  const stateEl = h('span', { 'data-test': 'job-state', class: 'job-state' });
  const progressEl = h('progress', { 'data-test': 'job-progress', max: '100', value: '0', id: 'job-progress' });
  const percentEl = h('span', { class: 'job-percent' });
  const etaEl = h('span', { 'data-test': 'job-eta' });
  const rateEl = h('span');
  const presetEl = h('span');
  const cancelBtn = h('button', { type: 'button', 'data-test': 'job-cancel', class: 'job-button' }, 'Cancel job');
  const rerunBtn = h('button', { type: 'button', 'data-test': 'job-rerun', class: 'job-button job-button-secondary' }, 'Run again with these settings');
  const historyBox = h('section', { class: 'job-section', 'aria-labelledby': 'job-h-history' });
  const liveBox = h('section', { class: 'job-section job-live', 'aria-labelledby': 'job-h-live' });
  const resultsBox = h('div', { class: 'job-results' });
  // the page's one polite live region: the first frame and state changes, nothing per frame
  const announcer = h('p', { class: 'visually-hidden', role: 'status' });
  const announceGate = changeGate();
  const announce = (text) => { if (announceGate(text)) announcer.textContent = text; };

  let cancelHadFocus = false;
  cancelBtn.addEventListener('click', async () => {
    cancelHadFocus = document.activeElement === cancelBtn || document.activeElement === document.body;
    cancelBtn.disabled = true;
    try {
      const j = await api.post(base + '/cancel', {});
      if (alive && j && j.status) showJob({ ...job, ...j, history: job?.history });
    } catch (err) {
      if (alive) showError(err);
    } finally {
      if (alive && !FINAL_STATES.has(job?.status)) cancelBtn.disabled = false;
      cancelHadFocus = false;
    }
  });
  rerunBtn.addEventListener('click', () => ctx.navigate('#/new?from=' + encodeURIComponent(jobId)));

  function buildSkeleton() {
    root.textContent = '';
    errBox.show(null);
    const dl = h('dl', { class: 'job-facts' },
      h('div', {}, h('dt', { text: 'State' }), h('dd', {}, stateEl)),
      h('div', {}, h('dt', {}, h('label', { for: 'job-progress', text: 'Progress' })), h('dd', { class: 'job-progress-cell' }, progressEl, percentEl)),
      h('div', {}, h('dt', { text: 'Time left' }), h('dd', {}, etaEl)),
      h('div', {}, h('dt', { text: 'Speed' }), h('dd', {}, rateEl)),
      h('div', { class: 'job-preset' }, h('dt', { text: 'Preset' }), h('dd', {}, presetEl)));
    root.append(errBox,
      h('header', { class: 'job-header' },
        h('h1', {}, 'Job ', h('code', { text: jobId })),
        dl,
        h('div', { class: 'job-actions' }, cancelBtn, rerunBtn), announcer),
      liveBox, resultsBox, historyBox);
  }

  function presetOf(j) {
    return j.preset ?? j.simulation?.preset ?? j.spec?.simulation?.preset ?? j.config?.preset ?? null;
  }

  function showProgress(p) {
    if (!p) return;
    const pct = Number.isFinite(Number(p.percent)) ? Math.max(0, Math.min(100, Number(p.percent)))
      : p.total_steps > 0 ? (100 * p.step) / p.total_steps : 0;
    progressEl.value = pct;
    progressEl.textContent = `${pct.toFixed(0)} %`;
    percentEl.textContent = `${pct.toFixed(1)} % (step ${Number(p.step ?? 0).toLocaleString('en')} of ${Number(p.total_steps ?? 0).toLocaleString('en')})`;
    rateEl.textContent = p.steps_per_second > 0 ? `${formatNumber(p.steps_per_second)} steps/s` : '—';
    const final = FINAL_STATES.has(job?.status);
    const eta = etaSeconds(p);
    etaEl.textContent = final ? '—' : job?.status === 'queued'
      ? `waiting in the queue${job.estimate?.duration_seconds ? `; the run is estimated at ${formatDuration(job.estimate.duration_seconds)}` : ''}`
      : eta == null ? 'estimating…' : formatDuration(eta);
  }

  function showJob(j) {
    const first = job == null;
    const prev = job?.status;
    job = j;
    if (first) buildSkeleton();
    stateEl.textContent = j.status;
    stateEl.className = 'job-state job-state-' + j.status;
    stateEl.setAttribute('title', STATE_TEXT[j.status] ?? j.status);
    const preset = presetOf(j);
    presetEl.textContent = preset ?? '—';
    const p = { ...(j.progress ?? {}) };
    if (j.status === 'succeeded') p.percent = 100;
    showProgress(p);
    if (!first && prev !== j.status) announce(`The job is ${j.status}.`);
    const final = FINAL_STATES.has(j.status);
    const hideCancel = final && !cancelBtn.hidden;
    cancelBtn.hidden = final;
    cancelBtn.disabled = final;
    // the focused cancel button is gone: the focus goes to the re-run button beside it
    if (hideCancel) keepFocus(cancelBtn, rerunBtn, cancelHadFocus);
    renderHistory();
    if (first) {
      root.setAttribute('data-test', 'page');
      root.setAttribute('data-page', 'job');
    }
    if (!final) startLive();
    else {
      stopStreams();
      if (prev !== j.status || first) liveNoteFinal();
    }
    if (j.status === 'succeeded' && !resultsLoaded) {
      resultsLoaded = true;
      loadResults();
    }
  }

  function renderHistory() {
    historyBox.textContent = '';
    historyBox.append(h('h2', { id: 'job-h-history', text: 'State history' }));
    if ((job.status === 'failed' || job.status === 'canceled') && (job.failure_cause || lastReason())) {
      historyBox.append(h('p', { class: 'job-failure', 'data-test': 'failure-cause' },
        h('strong', { text: job.status === 'failed' ? 'Failure cause: ' : 'Canceled: ' }), job.failure_cause || lastReason()));
    }
    const hist = job.history ?? [];
    if (!hist.length) {
      historyBox.append(h('p', { class: 'job-note', text: 'No state changes recorded yet.' }));
      return;
    }
    historyBox.append(scrollTable('State history (scrollable)', h('table', { class: 'job-table' },
      h('caption', { text: 'State changes of the job, oldest first' }),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'State' }), h('th', { scope: 'col', text: 'When' }), h('th', { scope: 'col', text: 'Reason' }))),
      h('tbody', {}, hist.map((e) => h('tr', {}, h('td', { text: e.status }), h('td', {}, timeEl(e.at)), h('td', { text: e.reason ?? '' })))))));
  }

  function lastReason() {
    const hist = job.history ?? [];
    for (let i = hist.length - 1; i >= 0; i--) if (hist[i].reason) return hist[i].reason;
    return null;
  }

  // ---- live: progress events, charts and frames
  // the shell's stream hands JSON data already parsed (plain text stays a string)
  let latestFormulas = null; // distinct formulas of the newest frame (null before the first)
  const parseData = (data) => (typeof data === 'string' ? JSON.parse(data) : data);
  let liveNote = null;
  let gotFrame = false;
  let legendEl = null;
  let legendKey = '';
  function startLive() {
    if (streams.length) return;
    liveBox.textContent = '';
    const chartsEl = h('div', { class: 'job-charts', 'data-test': 'charts' });
    const canvas = h('canvas', { class: 'job-canvas', 'data-test': 'live-view' });
    legendEl = h('ul', { class: 'job-legend', 'aria-label': 'Element colours' });
    // not a live region: it is rewritten with every frame (about 4 a second); the canvas's aria-label carries the
    // frame, and `announcer` speaks only the first frame and state changes
    liveNote = h('p', { class: 'job-note', text: 'Waiting for the first frame of the box…' });
    liveBox.append(h('h2', { id: 'job-h-live', text: 'Live view' }),
      h('div', { class: 'job-live-grid' },
        h('div', { class: 'job-view' }, h('h3', { text: 'The box' }), canvas, legendEl, liveNote),
        h('div', {}, h('h3', { text: 'Progress' }), chartsEl)));
    charts = createProgressCharts(chartsEl);
    view = createLiveView(canvas);
    const onStatus = (data) => {
      try {
        const j = parseData(data);
        if (j && j.status && alive) showJob({ ...job, ...j, history: j.history ?? job?.history });
      } catch { /* a malformed event is skipped */ }
    };
    // 429 (too many streams open) is retried by the stream; after a few refusals in a row it is shown
    let troubleShown = 0; // streams whose trouble is on screen
    const watch = () => {
      const trouble = streamTrouble(3);
      let shown = false;
      return {
        onError(err, info = {}) {
          if (!alive) return;
          const sentence = trouble.error(err, info);
          if (!sentence) return;
          errBox.show(sentence);
          if (!shown) { shown = true; troubleShown++; }
          if (liveNote && !gotFrame) liveNote.textContent = 'The live view is not connected: ' + sentence;
        },
        onOpen() {
          trouble.ok();
          if (!shown) return;
          shown = false;
          if (--troubleShown > 0) return;
          errBox.show(null);
          if (liveNote && !gotFrame) liveNote.textContent = 'Waiting for the first frame of the box…';
        },
      };
    };
    streams.push(api.stream(base + '/events', {
      onEvent(name, data) {
        if (!alive) return;
        if (name === 'status') onStatus(data);
        else if (name === 'progress') {
          let p;
          try { p = parseData(data); } catch { return; }
          job.progress = { ...(job.progress ?? {}), ...p };
          showProgress(job.progress);
          // the server does not count species while a job runs; the newest frame's distinct formulas stand in
          charts.add({ ...p, formulas: latestFormulas });
        }
      },
      ...watch(),
    }));
    streams.push(api.stream(base + '/frames?max_atoms=10000', {
      onEvent(name, data) {
        if (!alive) return;
        if (name === 'frame') {
          let f;
          try { f = decodeFrame(data); } catch { return; }
          view.setFrame(f);
          latestFormulas = distinctFormulas(f);
          if (!gotFrame) announce(`Live view: the first frame arrived, step ${f.step.toLocaleString('en')}, ${f.atoms.toLocaleString('en')} atoms shown.`);
          gotFrame = true;
          updateLegend(f);
          liveNote.textContent = `Step ${f.step.toLocaleString('en')}: ${f.atoms.toLocaleString('en')} atoms` +
            (f.of > f.atoms ? ` of ${f.of.toLocaleString('en')} (a subset, whole molecules kept together)` : '') +
            `, ${(f.bonds.length / 2).toLocaleString('en')} bonds.`;
        } else if (name === 'status') onStatus(data);
      },
      ...watch(),
    }));
  }

  function updateLegend(f) {
    const present = elementsPresent(f.elements);
    const key = present.map((p) => p.z).join(',');
    if (key === legendKey) return;
    legendKey = key;
    legendEl.textContent = '';
    for (const p of present) {
      const sw = h('span', { class: 'job-legend-swatch' + (p.z === 1 ? ' job-legend-outlined' : '') });
      sw.style.backgroundColor = p.color;
      legendEl.append(h('li', {}, sw, p.symbol));
    }
  }

  function liveNoteFinal() {
    if (liveNote) liveNote.textContent = `The job is ${job.status}; the last frame received stays on screen.`;
  }

  function stopStreams() {
    streams.forEach((s) => s.close());
    streams = [];
  }

  // ---- results
  async function loadResults() {
    resultsBox.textContent = '';
    const summaryBox = h('section', { class: 'job-section', 'aria-labelledby': 'job-h-summary' }, h('h2', { id: 'job-h-summary', text: 'Results' }));
    const speciesBox = h('section', { class: 'job-section', 'aria-labelledby': 'job-h-species' }, h('h2', { id: 'job-h-species', text: 'Species' }));
    const tsBox = h('section', { class: 'job-section', 'aria-labelledby': 'job-h-ts' }, h('h2', { id: 'job-h-ts', text: 'Species over time' }));
    const netBox = h('section', { class: 'job-section', 'aria-labelledby': 'job-h-net' }, h('h2', { id: 'job-h-net', text: 'Reaction network' }));
    const artBox = h('section', { class: 'job-section', 'aria-labelledby': 'job-h-art' }, h('h2', { id: 'job-h-art', text: 'Files' }));
    resultsBox.append(summaryBox, speciesBox, tsBox, netBox, artBox);
    const loading = (box) => box.append(h('p', { class: 'job-note job-loading', text: 'Loading…' }));
    [summaryBox, speciesBox, tsBox, netBox, artBox].forEach(loading);
    const done = (box) => box.querySelector('.job-loading')?.remove();
    const fail = (box, err, what) => {
      done(box);
      box.append(h('p', { class: 'job-note', text: loadFailedText(what, err) }));
    };

    const resultsP = api.get(base + '/results');
    const artifactsP = api.get(base + '/artifacts');
    const reactionsP = api.get(base + '/results/reactions.json');
    const networkP = api.get(base + '/results/reaction_network.json');
    const csvP = api.text(base + '/results/species_timeseries.csv');
    [resultsP, artifactsP, reactionsP, networkP, csvP].forEach((p) => p.catch(() => {}));

    let species = [];
    try {
      const r = await resultsP;
      if (!alive) return;
      done(summaryBox);
      renderSummary(summaryBox, r.results ?? {});
      species = r.species?.species ?? [];
      done(speciesBox);
      if (r.species?.chemistry_toolkit === null) speciesBox.append(h('p', { class: 'job-note', text: 'No chemistry toolkit was available: species have no SMILES.' }));
      cleanups.push(renderSpeciesTable(speciesBox, species, api).destroy);
    } catch (err) {
      if (!alive) return;
      fail(summaryBox, err, 'The results summary');
      fail(speciesBox, err, 'The species table');
      showError(err);
    }
    const labels = speciesLabels(species);

    artifactsP.then((a) => {
      if (!alive) return;
      done(artBox);
      renderArtifacts(artBox, summaryBox, a.artifacts ?? []);
    }, (err) => { if (alive) fail(artBox, err, 'The file list'); });

    csvP.then((text) => {
      if (!alive) return;
      done(tsBox);
      renderTimeseries(tsBox, parseSpeciesTimeseries(text), labels);
    }, (err) => { if (alive) fail(tsBox, err, 'The species time series'); });

    try {
      const [reactions, network] = await Promise.all([reactionsP, networkP]);
      if (!alive) return;
      done(netBox);
      const abundance = new Map(species.map((s) => [s.key, s.abundance_peak ?? 0]));
      const { renderNetwork } = await import('./network.js');
      const v = await renderNetwork(netBox, { network, reactions, abundance, labels });
      if (alive) cleanups.push(v.destroy); else v.destroy();
    } catch (err) {
      if (alive) fail(netBox, err, 'The reaction network');
    }
  }

  function renderSummary(box, r) {
    const dl = h('dl', { class: 'job-summary', 'data-test': 'summary' });
    for (const [key, label, f] of SUMMARY_FIELDS) {
      if (r[key] == null) continue;
      dl.append(h('div', {}, h('dt', { text: label }), h('dd', { 'data-field': key, text: f ? f(r[key]) : String(r[key]) })));
    }
    box.append(dl);
  }

  function renderArtifacts(box, summaryBox, artifacts) {
    // signed URLs from the server: only http(s) ones become links (a javascript: or data: URL never does)
    const unsafe = artifacts.filter((a) => !safeHttpUrl(a.url));
    if (unsafe.length) {
      errBox.show(`The server gave ${unsafe.length === 1 ? 'a link that is not a web address' : `${unsafe.length} links that are not web addresses`} `
        + `(${unsafe.slice(0, 3).map((a) => a.key).join(', ')}${unsafe.length > 3 ? ', …' : ''}); ${unsafe.length === 1 ? 'it is' : 'they are'} not offered.`);
    }
    const report = artifacts.find((a) => a.key === 'results/report.html');
    if (report && safeHttpUrl(report.url)) {
      summaryBox.append(h('p', { class: 'job-report' }, h('a', { 'data-test': 'report-link', href: safeHttpUrl(report.url), target: '_blank', rel: 'noopener' },
        'Open the analysis report (report.html, opens in a new tab)')));
    }
    if (!artifacts.length) {
      box.append(h('p', { class: 'job-note', text: 'The job stored no files.' }));
      return;
    }
    const sorted = artifacts.slice().sort((a, b) => a.key.localeCompare(b.key));
    box.append(scrollTable('Files of the job (scrollable)', h('table', { class: 'job-table' },
      h('caption', { text: `Files of the job (${artifacts.length}); links are signed and expire` }),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'File' }), h('th', { scope: 'col', text: 'Size' }))),
      h('tbody', {}, sorted.map((a) => h('tr', { 'data-test': 'artifact', 'data-key': a.key },
        h('td', {}, safeHttpUrl(a.url)
          ? h('a', { 'data-test': 'artifact-link', href: safeHttpUrl(a.url), download: a.key.split('/').pop() }, a.key)
          : h('span', { text: `${a.key} (no valid link)` })),
        h('td', { class: 'num', 'data-test': 'artifact-size', title: `${a.size} bytes`, text: formatBytes(a.size) })))))));
  }

  function renderTimeseries(box, ts, labels) {
    const holder = h('div', { class: 'job-species-ts', 'data-test': 'species-timeseries' });
    if (!ts.keys.length || !ts.steps.length) {
      holder.append(h('p', { class: 'job-note', text: 'The run recorded no species time series.' }));
      box.append(holder);
      return;
    }
    const select = h('select', { id: 'job-ts-top' });
    for (const n of [5, 10, 20, 50]) if (n < ts.keys.length || n === 5) select.append(h('option', { value: n, text: `top ${n}` }));
    if (ts.keys.length > 5) select.append(h('option', { value: ts.keys.length, text: `all ${ts.keys.length}` }));
    select.value = String(ts.keys.length <= 10 ? ts.keys.length : 10);
    if (!select.value) select.selectedIndex = select.options.length - 1;
    const chartEl = h('div');
    box.append(h('div', { class: 'job-search' }, h('label', { for: 'job-ts-top', text: 'Species shown (by peak abundance)' }), select), holder);
    holder.append(chartEl);
    let chart = null;
    const draw = () => {
      chart?.destroy();
      const n = Math.min(Number(select.value), 60);
      const cols = topByPeak(ts, n).map((i) => ({ label: labels.get(ts.keys[i]) ?? ts.keys[i], values: ts.series[i] }));
      chart = createSpeciesChart(chartEl, ts.steps, cols);
    };
    select.addEventListener('change', draw);
    draw();
    cleanups.push(() => chart?.destroy());
  }

  api.get(base).then((j) => {
    if (alive) showJob(j);
  }, (err) => {
    if (!alive) return;
    root.textContent = '';
    root.append(errBox, h('h1', { text: `Job ${jobId}` }), h('p', { class: 'job-note', text: err?.status === 404 ? 'There is no such job.' : 'The job could not be loaded.' }));
    root.setAttribute('data-test', 'page');
    root.setAttribute('data-page', 'job');
    showError(err);
  });

  return () => {
    alive = false;
    stopStreams();
    view?.destroy();
    charts?.destroy();
    cleanups.forEach((c) => { try { c(); } catch { /* already gone */ } });
  };
}

/** Species labels for charts and cycles: the formula, with the key added where two species share a formula. */
function speciesLabels(species) {
  const count = new Map();
  for (const s of species) count.set(s.formula, (count.get(s.formula) ?? 0) + 1);
  return new Map(species.map((s) => [s.key, s.formula && count.get(s.formula) === 1 ? s.formula : s.formula ? `${s.formula} (${s.key})` : s.key]));
}

function timeEl(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return h('time', { datetime: iso, text: Number.isNaN(d.getTime()) ? iso : d.toLocaleString('en') });
}
