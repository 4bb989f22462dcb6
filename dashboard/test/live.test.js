import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changeGate } from '../src/live.js';
import { fieldErrorFor } from '../src/fields.js';

test('a live region is written only when its text changes', () => {
  const gate = changeGate();
  assert.equal(gate('Your Free plan admits this job.'), true);
  assert.equal(gate('Your Free plan admits this job.'), false, 'the same verdict after another edit is not re-announced');
  assert.equal(gate('Fix the highlighted value to see the estimate.'), true);
  assert.equal(gate('Your Free plan admits this job.'), true);
  const err = changeGate('');
  assert.equal(err(''), false, 'an empty error element stays untouched');
  assert.equal(err('At least 1.'), true);
  assert.equal(err('At least 1.'), false, 'a field error shown again by the next estimate is not rewritten');
  assert.equal(err(''), true);
});

test('an invalid_field error goes to its field, or to the JSON editor naming the path', () => {
  const keys = ['particles', 'steps', 'thermostat.temperature'];
  assert.deepEqual(fieldErrorFor({ field: 'simulation.particles', message: 'simulation.particles: must be at least 1' }, keys),
    { key: 'particles', text: 'Must be at least 1.' });
  assert.deepEqual(fieldErrorFor({ field: 'simulation.composition[0].ratio', message: 'must be positive' }, keys),
    { key: 'json', text: 'composition[0].ratio: Must be positive.' });
  assert.deepEqual(fieldErrorFor({ field: 'simulation.preset', message: 'unknown preset' }, keys), { key: 'preset', text: 'Unknown preset.' });
});
