import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildNetwork, cycleLabel, cycleSelection, cyclesSelection, formatBytes, parseSpeciesTimeseries, searchSpecies,
  sortSpecies, topByPeak } from '../src/pages/job/data.js';

// the head of a real run's species_timeseries.csv (live run --preset miller-urey --particles 300 --steps 3000)
const CSV = 'step,CH4/0-1.0-2.0-3.0-4,H2/0-1,H2O/0-2.1-2,H3N/0-3.1-3.2-3,H,O,CH3/0-1.0-2.0-3,H2N/0-2.1-2\n' +
  '0,21,12,34,17,0,0,0,0\n1000,21,12,34,17,0,0,0,0\n2000,21,12,33,17,2,1,0,0\n3000,20,12,33,16,4,1,1,1\n';

test('species_timeseries.csv parses into steps, keys and one series per key', () => {
  const ts = parseSpeciesTimeseries(CSV);
  assert.deepEqual(ts.steps, [0, 1000, 2000, 3000]);
  assert.equal(ts.keys.length, 8);
  assert.equal(ts.keys[2], 'H2O/0-2.1-2');
  assert.deepEqual(ts.series[4], [0, 0, 2, 4]);
  assert.deepEqual(topByPeak(ts, 3), [2, 0, 3]);
});

test('CSV edge cases: CRLF, blank lines, quoted fields, missing cells, empty text', () => {
  const ts = parseSpeciesTimeseries('step,"a,b",c\r\n\r\n0,1\r\n5,"2",x\r\n');
  assert.deepEqual(ts.keys, ['a,b', 'c']);
  assert.deepEqual(ts.series, [[1, 2], [null, null]]);
  assert.deepEqual(parseSpeciesTimeseries(''), { steps: [], keys: [], series: [] });
  assert.throws(() => parseSpeciesTimeseries('time,a\n0,1\n'));
});

const SPECIES = [
  { key: 'CH4/0-1.0-2.0-3.0-4', formula: 'CH4', smiles: 'C', first_seen_step: 0, abundance_final: 20, abundance_peak: 21, novel: false },
  { key: 'H2O/0-2.1-2', formula: 'H2O', smiles: 'O', first_seen_step: 0, abundance_final: 33, abundance_peak: 34, novel: false },
  { key: '[K1]2', formula: '{K1}2', smiles: null, first_seen_step: 2000, abundance_final: 1, abundance_peak: 3, novel: true },
  { key: 'H', formula: 'H', smiles: '[H]', first_seen_step: 2000, abundance_final: 4, abundance_peak: 4, novel: true },
  { key: 'C10H2/x', formula: 'C10H2', smiles: 'C#CC#CC#CC#CC#CC', first_seen_step: 3000, abundance_final: 1, abundance_peak: 1, novel: true },
];

test('species sort by every column, both directions, missing values last, stable', () => {
  const keys = (rows) => rows.map((r) => r.formula);
  assert.deepEqual(keys(sortSpecies(SPECIES, 'abundance_peak', 'descending')), ['H2O', 'CH4', 'H', '{K1}2', 'C10H2']);
  assert.deepEqual(keys(sortSpecies(SPECIES, 'abundance_peak', 'ascending')), ['C10H2', '{K1}2', 'H', 'CH4', 'H2O']);
  assert.deepEqual(keys(sortSpecies(SPECIES, 'formula', 'ascending')), ['{K1}2', 'C10H2', 'CH4', 'H', 'H2O']);
  // SMILES: the open-chemistry species has none and stays last in both directions
  assert.equal(sortSpecies(SPECIES, 'smiles', 'ascending').at(-1).formula, '{K1}2');
  assert.equal(sortSpecies(SPECIES, 'smiles', 'descending').at(-1).formula, '{K1}2');
  assert.deepEqual(keys(sortSpecies(SPECIES, 'first_seen_step', 'ascending')), ['CH4', 'H2O', '{K1}2', 'H', 'C10H2']);
  assert.deepEqual(keys(sortSpecies(SPECIES, 'novel', 'descending')), ['{K1}2', 'H', 'C10H2', 'CH4', 'H2O']);
  assert.deepEqual(keys(sortSpecies(SPECIES, 'abundance_final', 'descending')).slice(0, 2), ['H2O', 'CH4']);
  assert.notEqual(sortSpecies(SPECIES, 'formula'), SPECIES); // a new array
});

test('species search matches formula, SMILES or key, case-insensitively', () => {
  const f = (q) => searchSpecies(SPECIES, q).map((r) => r.formula);
  assert.deepEqual(f('h2o'), ['H2O']);
  assert.deepEqual(f('C#C'), ['C10H2']);
  assert.deepEqual(f('k1'), ['{K1}2']);
  assert.deepEqual(f('0-2.1-2'), ['H2O']);
  assert.equal(f('  ').length, 5);
  assert.deepEqual(f('zzz'), []);
});

const NETWORK = {
  species: [{ key: 'A', label: 'A' }, { key: 'B', label: 'B' }, { key: 'C', label: 'C' }, { key: 'D', label: 'D' }],
  reactions: [
    { id: 'R1', reactants: [{ species: 'A', count: 1 }, { species: 'B', count: 1 }], products: [{ species: 'C', count: 1 }], events: 5, firstStep: 10 },
    { id: 'R2', reactants: [{ species: 'C', count: 1 }], products: [{ species: 'A', count: 2 }, { species: 'D', count: 1 }], events: 2, firstStep: 20 },
    { id: 'R3', reactants: [{ species: 'D', count: 1 }], products: [{ species: 'B', count: 1 }], events: 1, firstStep: 30 },
  ],
};
const CYCLE = { reactions: ['R1', 'R2'], species: ['A', 'C'], amplified: ['A'] };

test('a cycle selects its species, reactions and the edges between them', () => {
  const s = cycleSelection(CYCLE);
  assert.deepEqual([...s.nodes].sort(), ['r:R1', 'r:R2', 's:A', 's:C']);
  assert.deepEqual([...s.edges].sort(), ['r:R1>s:C', 'r:R2>s:A', 's:A>r:R1', 's:C>r:R2']);
  // every selected edge exists in the drawn network
  const g = buildNetwork(NETWORK);
  const ids = new Set(g.edges.map((e) => e.id));
  for (const e of s.edges) assert.ok(ids.has(e), e);
  // a one-reaction cycle A -> R -> A
  assert.deepEqual([...cycleSelection({ reactions: ['R9'], species: ['X'] }).edges].sort(), ['r:R9>s:X', 's:X>r:R9']);
  // union of cycles
  const u = cyclesSelection([CYCLE, { reactions: ['R3'], species: ['D'] }]);
  assert.ok(u.nodes.has('s:D') && u.nodes.has('r:R1'));
  assert.equal(cyclesSelection([]).nodes.size, 0);
  assert.equal(cycleLabel(CYCLE, new Map([['A', 'HCN']])), 'HCN → R1 → C → R2 → HCN');
});

test('the network is limited to the most abundant species, keeping cycle members, with reactions among them', () => {
  const full = buildNetwork(NETWORK);
  assert.equal(full.nodes.length, 7);
  assert.equal(full.edges.length, 8);
  assert.equal(full.truncated, false);
  const abundance = new Map([['A', 10], ['B', 1], ['C', 8], ['D', 0]]);
  const small = buildNetwork(NETWORK, abundance, 2);
  assert.deepEqual(small.nodes.map((n) => n.id), ['s:A', 's:C']);
  assert.equal(small.reactionsShown, 0);
  assert.equal(small.truncated, true);
  const kept = buildNetwork(NETWORK, abundance, 3, new Set(['s:D']));
  assert.deepEqual(kept.nodes.filter((n) => n.kind === 'species').map((n) => n.key), ['A', 'C', 'D']);
  assert.deepEqual(kept.nodes.filter((n) => n.kind === 'reaction').map((n) => n.key), ['R2']);
  assert.equal(kept.nodes.find((n) => n.key === 'R2').equation, 'C -> 2 A + D');
});

test('sizes are human-readable', () => {
  assert.equal(formatBytes(512), '512 B');
  assert.equal(formatBytes(2048), '2.0 KB');
  assert.equal(formatBytes(17983), '18 KB');
  assert.equal(formatBytes(5 * 1024 * 1024), '5.0 MB');
});

test('a part of the results that failed to load is described by a sentence, never the raw message', async () => {
  const { loadFailedText } = await import('../src/pages/job/data.js');
  const { ApiError } = await import('../src/errors.js');
  const raw = new ApiError({ status: 500, code: 'internal', message: '{"trace":"java.lang.NullPointerException"}', requestId: 'r-1' });
  const t = loadFailedText('The file list', raw);
  assert.match(t, /^The file list could not be loaded\. The server failed to answer \(request r-1\)/);
  assert.doesNotMatch(t, /NullPointer|trace/);
  assert.equal(loadFailedText('The species table', new ApiError({ status: 0, code: 'network' })),
    'The species table could not be loaded. Could not reach the server. Check your connection and try again.');
});

test('a live stream refused with 429 is shown after a few retries, and forgotten once a stream opens', async () => {
  const { streamTrouble } = await import('../src/pages/job/data.js');
  const { ApiError } = await import('../src/errors.js');
  const tooMany = new ApiError({ status: 429, code: 'too_many_streams', message: 'too many streams' });
  const t = streamTrouble(3);
  assert.equal(t.error(tooMany, { fatal: false }), null);
  assert.equal(t.error(tooMany, { fatal: false }), null);
  assert.equal(t.error(tooMany, { fatal: false }), 'Too many live views are open at once. Close another tab or page and try again.');
  t.ok();
  assert.equal(t.error(tooMany, { fatal: false }), null, 'the count starts again after a stream opened');
  assert.equal(t.error(new ApiError({ status: 0, code: 'network' }), { fatal: false }), null, 'a dropped connection is retried quietly');
  assert.equal(t.error(new ApiError({ status: 503, code: 'unavailable' }), { fatal: false }), null);
  assert.equal(t.error(new ApiError({ status: 403, code: 'forbidden', message: 'scope jobs:read needed' }), { fatal: true }), 'Scope jobs:read needed.');
});

test('a progress step lower than the last one (a resume from a checkpoint) drops the points after it', async () => {
  const { truncateFromStep } = await import('../src/pages/job/data.js');
  const cols = [[0, 100, 200, 300], [1, 2, 3, 4], [5, 6, 7, 8]];
  assert.equal(truncateFromStep(cols, 400), 0);
  assert.equal(truncateFromStep(cols, 300), 1, 'the same step: its point is replaced');
  assert.deepEqual(cols, [[0, 100, 200], [1, 2, 3], [5, 6, 7]]);
  assert.equal(truncateFromStep(cols, 150), 1, 'a resume from step 150');
  assert.deepEqual(cols, [[0, 100], [1, 2], [5, 6]]);
  assert.equal(truncateFromStep(cols, 0), 2);
  assert.deepEqual(cols, [[], [], []]);
});
