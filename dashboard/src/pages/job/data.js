// DOM-free data handling of the job page: the species table, the time-series CSV, the network and its cycles.
import { errorSentence } from '../../errors.js';

/**
 * What a live stream's errors should show: a refusal (fatal 4xx other than 429) at once; a 429 (too_many_streams or a
 * rate limit, which the stream retries) only once it has repeated `after` times in a row, so the page does not wait
 * for "the first frame" forever in silence. error(err, {fatal}) -> sentence or null; ok() after a stream opened.
 */
export function streamTrouble(after = 3) {
  let count = 0;
  return {
    error(err, { fatal = false } = {}) {
      if (!err || !err.status) return null;
      if (err.status === 429) {
        count++;
        return count >= after ? errorSentence(err) : null;
      }
      if (fatal && err.status < 500) return errorSentence(err);
      return null;
    },
    ok() { count = 0; },
  };
}

/**
 * Keeps chart columns ([xs, ys1, ys2, ...]) increasing in x before a point at `step` is added: every point at or
 * after `step` is dropped. A step lower than the last one means the run resumed from a checkpoint (sse.js already
 * drops replayed events by id), so the points after it are history that the run is redoing. Returns how many went.
 */
export function truncateFromStep(columns, step) {
  const xs = columns[0];
  let n = xs.length;
  while (n > 0 && xs[n - 1] >= step) n--;
  const dropped = xs.length - n;
  if (dropped) for (const c of columns) c.length = n;
  return dropped;
}

/** The note shown where a part of the results failed to load: the error as a sentence, never its raw message. */
export function loadFailedText(what, err) {
  return `${what} could not be loaded. ${errorSentence(err)}`;
}

/** Splits one CSV line (RFC 4180 quoting, though species keys never need it). */
function csvFields(line) {
  const out = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') { v += '"'; i += 2; } else if (line[i] === '"') { i++; break; } else v += line[i++];
      }
      out.push(v);
      const comma = line.indexOf(',', i);
      i = comma < 0 ? line.length + 1 : comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

/**
 * Parses species_timeseries.csv ("step" then one column per species key) into
 * {steps: number[], keys: string[], series: number[][]} (series[k][row]). Blank lines are skipped; a missing or
 * non-numeric cell reads as null.
 */
export function parseSpeciesTimeseries(text) {
  const lines = String(text ?? '').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (!lines.length) return { steps: [], keys: [], series: [] };
  const header = csvFields(lines[0]);
  if (header[0].trim().toLowerCase() !== 'step') throw new Error('species_timeseries.csv does not start with a step column');
  const keys = header.slice(1);
  const steps = [];
  const series = keys.map(() => []);
  for (let r = 1; r < lines.length; r++) {
    const f = csvFields(lines[r]);
    steps.push(Number(f[0]));
    for (let k = 0; k < keys.length; k++) {
      const v = f[k + 1];
      const n = v === undefined || v === '' ? NaN : Number(v);
      series[k].push(Number.isFinite(n) ? n : null);
    }
  }
  return { steps, keys, series };
}

/** Indices of the n columns with the highest peak (ties: catalogue order). */
export function topByPeak(ts, n) {
  const peaks = ts.series.map((s, i) => ({ i, peak: s.reduce((m, v) => (v != null && v > m ? v : m), 0) }));
  peaks.sort((a, b) => b.peak - a.peak || a.i - b.i);
  return peaks.slice(0, n).map((p) => p.i);
}

export const SPECIES_COLUMNS = [
  { key: 'formula', label: 'Formula', type: 'text' },
  { key: 'smiles', label: 'SMILES', type: 'text' },
  { key: 'depiction', label: 'Structure', type: 'none' },
  { key: 'first_seen_step', label: 'First seen (step)', type: 'number' },
  { key: 'abundance_final', label: 'Final abundance', type: 'number' },
  { key: 'abundance_peak', label: 'Peak abundance', type: 'number' },
  { key: 'novel', label: 'Novel', type: 'bool' },
];

/**
 * Sorts species rows by a column, 'ascending' or 'descending'; missing values (open-chemistry species have no SMILES)
 * always go last; ties keep the catalogue order (the sort is stable). Returns a new array.
 */
export function sortSpecies(rows, column, direction = 'ascending') {
  const sign = direction === 'descending' ? -1 : 1;
  const col = SPECIES_COLUMNS.find((c) => c.key === column);
  const type = col ? col.type : 'text';
  const val = (r) => r[column];
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const va = val(a.r);
      const vb = val(b.r);
      const ma = va == null || va === '';
      const mb = vb == null || vb === '';
      if (ma || mb) return ma === mb ? a.i - b.i : ma ? 1 : -1;
      let c;
      if (type === 'number') c = Number(va) - Number(vb);
      else if (type === 'bool') c = (va ? 1 : 0) - (vb ? 1 : 0);
      else c = String(va).localeCompare(String(vb), 'en', { numeric: true });
      return c * sign || a.i - b.i;
    })
    .map((x) => x.r);
}

/** Species whose formula, SMILES or key contains the query (case-insensitive; blank matches everything). */
export function searchSpecies(rows, query) {
  const q = String(query ?? '').trim().toLowerCase();
  if (!q) return rows.slice();
  return rows.filter((r) => [r.formula, r.smiles, r.key].some((v) => v != null && String(v).toLowerCase().includes(q)));
}

/** Node id of a species or a reaction in the network view (keys and ids could collide, so they are prefixed). */
export const speciesNodeId = (key) => 's:' + key;
export const reactionNodeId = (id) => 'r:' + id;
export const edgeId = (from, to) => from + '>' + to;

/**
 * The elements of the network view: species nodes limited to the `limit` most abundant ones (by peak abundance from
 * molecules.json, then catalogue order) and the reactions all of whose species are kept. Returns
 * {nodes: [{id, kind, label, key, smiles?, events?, equation?}], edges: [{id, source, target, role, count}],
 * speciesTotal, speciesShown, reactionsTotal, reactionsShown, truncated}.
 */
export function buildNetwork(network, abundance = new Map(), limit = 150, keep = new Set(), maxReactions = 400) {
  const species = network?.species ?? [];
  const reactions = network?.reactions ?? [];
  let kept = species;
  if (species.length > limit) {
    const ranked = species.map((s, i) => ({ s, i, a: abundance.get(s.key) ?? 0, must: keep.has(speciesNodeId(s.key)) }));
    ranked.sort((a, b) => b.must - a.must || b.a - a.a || a.i - b.i);
    kept = ranked.slice(0, limit).sort((a, b) => a.i - b.i).map((x) => x.s);
  }
  const keys = new Set(kept.map((s) => s.key));
  let eligible = reactions
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => [...(r.reactants ?? []), ...(r.products ?? [])].every((t) => keys.has(t.species)));
  const eligibleCount = eligible.length;
  if (eligible.length > maxReactions) {
    eligible.sort((a, b) => keep.has(reactionNodeId(b.r.id)) - keep.has(reactionNodeId(a.r.id)) || (b.r.events ?? 0) - (a.r.events ?? 0) || a.i - b.i);
    eligible = eligible.slice(0, maxReactions).sort((a, b) => a.i - b.i);
  }
  const nodes = kept.map((s) => ({ id: speciesNodeId(s.key), kind: 'species', key: s.key, label: s.label || s.key, smiles: s.smiles ?? null }));
  const edges = [];
  for (const { r } of eligible) {
    const rid = reactionNodeId(r.id);
    nodes.push({ id: rid, kind: 'reaction', key: r.id, label: r.id, events: r.events ?? 0, equation: equationOf(r, network) });
    for (const t of r.reactants ?? []) {
      const s = speciesNodeId(t.species);
      edges.push({ id: edgeId(s, rid), source: s, target: rid, role: 'reactant', count: t.count });
    }
    for (const t of r.products ?? []) {
      const s = speciesNodeId(t.species);
      edges.push({ id: edgeId(rid, s), source: rid, target: s, role: 'product', count: t.count });
    }
  }
  return { nodes, edges, speciesTotal: species.length, speciesShown: kept.length, reactionsTotal: reactions.length,
    reactionsShown: eligible.length, truncated: kept.length < species.length || eligible.length < eligibleCount };
}

function equationOf(r, network) {
  if (r.equation) return r.equation;
  const label = new Map((network?.species ?? []).map((s) => [s.key, s.label || s.key]));
  const side = (ts) => (ts ?? []).map((t) => (t.count > 1 ? t.count + ' ' : '') + (label.get(t.species) ?? t.species)).join(' + ');
  return side(r.reactants) + ' -> ' + side(r.products);
}

/**
 * The node and edge ids of one autocatalytic cycle ({reactions, species} from reactions.json: species i feeds reaction
 * i, reaction i produces species i+1, wrapping around): {nodes: Set, edges: Set}.
 */
export function cycleSelection(cycle) {
  const nodes = new Set();
  const edges = new Set();
  const rs = cycle?.reactions ?? [];
  const ss = cycle?.species ?? [];
  const k = Math.min(rs.length, ss.length);
  for (let i = 0; i < k; i++) {
    const s = speciesNodeId(ss[i]);
    const r = reactionNodeId(rs[i]);
    const next = speciesNodeId(ss[(i + 1) % k]);
    nodes.add(s).add(r);
    edges.add(edgeId(s, r)).add(edgeId(r, next));
  }
  return { nodes, edges };
}

/** The union of several cycles' selections (every cycle highlighted at once). */
export function cyclesSelection(cycles) {
  const nodes = new Set();
  const edges = new Set();
  for (const c of cycles ?? []) {
    const s = cycleSelection(c);
    s.nodes.forEach((n) => nodes.add(n));
    s.edges.forEach((e) => edges.add(e));
  }
  return { nodes, edges };
}

/** A cycle's readable name: "A -> R1 -> B -> R2 -> A" with species labels. */
export function cycleLabel(cycle, labels = new Map()) {
  const ss = cycle?.species ?? [];
  const rs = cycle?.reactions ?? [];
  const parts = [];
  for (let i = 0; i < ss.length; i++) parts.push(labels.get(ss[i]) ?? ss[i], rs[i]);
  if (ss.length) parts.push(labels.get(ss[0]) ?? ss[0]);
  return parts.filter((p) => p != null).join(' → ');
}

export function formatBytes(n) {
  if (!Number.isFinite(n)) return '—';
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = -1;
  do { v /= 1024; u++; } while (v >= 1024 && u < units.length - 1);
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

export function formatDuration(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

export function formatNumber(v, digits = 3) {
  if (v == null || !Number.isFinite(Number(v))) return '—';
  const n = Number(v);
  if (n !== 0 && (Math.abs(n) < 1e-3 || Math.abs(n) >= 1e7)) return n.toExponential(digits - 1);
  return n.toLocaleString('en', { maximumSignificantDigits: Math.max(digits, String(Math.trunc(Math.abs(n))).length) });
}

/** Seconds left from the progress fields (null when unknown). */
export function etaSeconds(p) {
  if (!p || !(p.steps_per_second > 0) || !(p.total_steps > 0)) return null;
  return Math.max(0, (p.total_steps - (p.step ?? 0)) / p.steps_per_second);
}

export const FINAL_STATES = new Set(['succeeded', 'failed', 'canceled']);
