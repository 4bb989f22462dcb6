import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fieldForPath, getPath, setPath, applyFieldEdit, configToText, textToConfig, valuesFromConfig, parseInput, hintText,
  controlKind, configOfJob,
} from '../src/fields.js';
import { parseHash } from '../src/router.js';
import { streamIds, etaText, percentOf } from '../src/jobs-model.js';

const FIELDS = {
  particles: { min: 1, max: 2000000, default: 1000 },
  steps: { min: 0, max: 1e10, default: 50000 },
  temperature: { min: 0, max: 100000, unit: 'K', default: 298 },
  backend: { values: ['auto', 'cpu'], default: 'auto' },
  'pulses.energy': { min: 0, max: 1e6, unit: 'kJ/mol', default: 2500 },
  'reactions.enabled': { type: 'boolean', default: true },
};
const KEYS = Object.keys(FIELDS);
const DEFAULTS = { particles: 1000, steps: 50000, temperature: 298, backend: 'auto', 'pulses.energy': 2500, 'reactions.enabled': true };

test('API field paths map to form fields; unknown ones go to the JSON editor (null)', () => {
  assert.equal(fieldForPath('simulation.particles', KEYS), 'particles');
  assert.equal(fieldForPath('simulation.pulses.energy', KEYS), 'pulses.energy');
  assert.equal(fieldForPath('simulation.preset', KEYS), 'preset');
  assert.equal(fieldForPath('simulation.composition[0].ratio', KEYS), null);
  assert.equal(fieldForPath('simulation', KEYS), null);
  assert.equal(fieldForPath('simulation.tempreature', KEYS), null);
  assert.equal(fieldForPath(null, KEYS), null);
});

test('dotted keys read flat or nested and write nested; removing prunes empty parents', () => {
  assert.equal(getPath({ 'pulses.energy': 5 }, 'pulses.energy'), 5);
  assert.equal(getPath({ pulses: { energy: 6 } }, 'pulses.energy'), 6);
  const o = setPath({}, 'pulses.energy', 7);
  assert.deepEqual(o, { pulses: { energy: 7 } });
  setPath(o, 'pulses.energy', undefined);
  assert.deepEqual(o, {});
  assert.deepEqual(setPath({ pulses: { kind: 'uv', energy: 1 } }, 'pulses.energy', undefined), { pulses: { kind: 'uv' } });
});

test('field edits -> JSON: a changed value is written, the preset default or an empty field is dropped', () => {
  let c = { preset: 'miller-urey' };
  c = applyFieldEdit(c, 'particles', parseInput('number', '500'), DEFAULTS);
  c = applyFieldEdit(c, 'pulses.energy', parseInput('number', '100.5'), DEFAULTS);
  c = applyFieldEdit(c, 'backend', parseInput('select', 'cpu'), DEFAULTS);
  c = applyFieldEdit(c, 'reactions.enabled', parseInput('checkbox', false), DEFAULTS);
  assert.deepEqual(c, { preset: 'miller-urey', particles: 500, pulses: { energy: 100.5 }, backend: 'cpu', reactions: { enabled: false } });
  c = applyFieldEdit(c, 'particles', parseInput('number', ''), DEFAULTS);
  c = applyFieldEdit(c, 'backend', 'auto', DEFAULTS);
  assert.deepEqual(c, { preset: 'miller-urey', pulses: { energy: 100.5 }, reactions: { enabled: false } });
  assert.deepEqual(textToConfig(configToText(c)), { config: c });
});

test('JSON -> field values: the JSON first, else the preset default; the edit does not change the old object', () => {
  const { config } = textToConfig('{"preset":"miller-urey","steps":1234,"pulses":{"energy":9}}');
  assert.deepEqual(valuesFromConfig(config, FIELDS, DEFAULTS),
    { particles: 1000, steps: 1234, temperature: 298, backend: 'auto', 'pulses.energy': 9, 'reactions.enabled': true });
  const before = structuredClone(config);
  applyFieldEdit(config, 'steps', 1, DEFAULTS);
  assert.deepEqual(config, before);
});

test('the editor rejects invalid JSON and non-objects with a sentence', () => {
  assert.match(textToConfig('{"steps": }').error, /^The JSON is not valid/);
  assert.match(textToConfig('[1]').error, /must be a JSON object/);
  assert.match(textToConfig('null').error, /must be a JSON object/);
});

test('controls and hints from the field descriptions', () => {
  assert.equal(controlKind(FIELDS.backend), 'select');
  assert.equal(controlKind(FIELDS['reactions.enabled']), 'checkbox');
  assert.equal(controlKind(FIELDS.particles), 'number');
  assert.equal(hintText('temperature', { ...FIELDS.temperature, description: 'Initial temperature' }),
    'Initial temperature. Allowed 0 to 100,000 K.');
  assert.equal(hintText('particles', FIELDS.particles), 'Allowed 1 to 2,000,000.');
  assert.equal(parseInput('number', 'abc'), 'abc'); // the server names what it wants
});

test('a job config for re-run, wherever the job object carries it', () => {
  assert.deepEqual(configOfJob({ simulation: { preset: 'x', steps: 3 } }), { preset: 'x', steps: 3 });
  assert.deepEqual(configOfJob({ spec: { simulation: { preset: 'y' } } }), { preset: 'y' });
  assert.equal(configOfJob({ job_id: 'j' }), null);
});

test('hash routes', () => {
  assert.deepEqual(parseHash('#/jobs/j_12ab'), { name: 'job', id: 'j_12ab', params: {}, path: '/jobs/j_12ab' });
  assert.equal(parseHash('#/new?from=j_1').params.from, 'j_1');
  assert.equal(parseHash('#/bench/liveview?atoms=10000').params.atoms, '10000');
  assert.equal(parseHash('').name, 'jobs');
  assert.equal(parseHash('#/nope').name, null);
});

test('jobs list: the stream follows the non-final jobs shown; ETA and progress', () => {
  const jobs = [{ job_id: 'b', status: 'running' }, { job_id: 'a', status: 'queued' }, { job_id: 'c', status: 'succeeded' }];
  assert.deepEqual(streamIds(jobs), ['a', 'b']);
  assert.equal(streamIds(Array.from({ length: 60 }, (_, i) => ({ job_id: `j${i}`, status: 'queued' }))).length, 50);
  assert.equal(etaText({ status: 'running', progress: { step: 100, total_steps: 1100, steps_per_second: 10 } }), '1 min 40 s left');
  assert.equal(etaText({ status: 'queued', estimate: { duration_seconds: 90 } }), 'about 1 min 30 s once started');
  assert.equal(percentOf({ step: 50, total_steps: 200 }, 'running'), 25);
  assert.equal(percentOf({ percent: 40 }, 'succeeded'), 100);
});

test('exclusive bounds read "greater than" / "less than" and are left out of the input attributes', async () => {
  const { inputBounds } = await import('../src/fields.js');
  const ratio = { min: 0, max: 1, min_exclusive: true, max_exclusive: true };
  assert.equal(hintText('ratio', ratio), 'Greater than 0 and less than 1.');
  assert.deepEqual(inputBounds(ratio), { min: null, max: null });
  const dt = { min: 0, max: 10, min_exclusive: true, unit: 'fs' };
  assert.equal(hintText('dt', dt), 'Greater than 0 and at most 10 fs.');
  assert.deepEqual(inputBounds(dt), { min: null, max: 10 });
  assert.equal(hintText('x', { min: 0, min_exclusive: true, unit: 'K' }), 'Greater than 0 K.');
  assert.equal(hintText('x', { max: 1, max_exclusive: true }), 'Less than 1.');
  assert.equal(hintText('x', { min: 1, max: 5, max_exclusive: true }), 'At least 1 and less than 5.');
  assert.equal(hintText('x', { min: 1 }), 'At least 1.');
  assert.deepEqual(inputBounds({ min: 1, max: 5 }), { min: 1, max: 5 });
  assert.deepEqual(inputBounds({ min: 1, max: 5, min_exclusive: false }), { min: 1, max: 5 });
});

test('a description that merely repeats the unit is left out of the hint', () => {
  assert.equal(hintText('temperature', { min: 0, max: 100000, unit: 'K', description: 'K' }), 'Allowed 0 to 100,000 K.');
  assert.equal(hintText('temperature', { min: 0, max: 100000, unit: 'K', description: 'k.' }), 'Allowed 0 to 100,000 K.');
  assert.equal(hintText('temperature', { min: 0, unit: 'K', description: 'Initial temperature' }), 'Initial temperature. At least 0 K.');
});

test('a 404 from GET /events naming one id drops that id; only a missing /events falls back to per-job streams', async () => {
  const { eventsRefusal } = await import('../src/jobs-model.js');
  const ids = ['j_1', 'j_12', 'j_2'];
  assert.deepEqual(eventsRefusal({ status: 404, field: 'jobs', message: 'job j_12 not found' }, ids), { drop: 'j_12' });
  assert.deepEqual(eventsRefusal({ status: 404, field: 'jobs', message: 'job "j_1" is unknown' }, ids), { drop: 'j_1' });
  assert.deepEqual(eventsRefusal({ status: 404, field: null, message: 'no route' }, ids), { perJob: true });
  assert.deepEqual(eventsRefusal({ status: 404, field: 'jobs', message: 'job j_9 not found' }, ids), { perJob: true });
  assert.equal(eventsRefusal({ status: 403, field: null }, ids), null);
  assert.equal(eventsRefusal(null, ids), null);
  assert.deepEqual(streamIds([{ job_id: 'j_1', status: 'running' }, { job_id: 'j_2', status: 'queued' }], new Set(['j_1'])), ['j_2']);
});

test('job ids in the route are letters, digits, _ and - only', () => {
  assert.equal(parseHash('#/jobs/j_01HX-abc').id, 'j_01HX-abc');
  assert.equal(parseHash('#/jobs/j_1.2').name, null);
  assert.equal(parseHash('#/jobs/..').name, null);
  assert.equal(parseHash('#/jobs/a%2F..').name, null);
});
