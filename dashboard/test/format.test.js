import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNumber } from '../src/format.js';

test('numbers are grouped in thousands', () => {
  assert.equal(formatNumber(2000000), '2,000,000');
  assert.equal(formatNumber(null), '—');
});

test("a Java long's maximum is named, not shown rounded", () => {
  assert.equal(formatNumber(JSON.parse('9223372036854775807')), '2^63 − 1');
  assert.equal(formatNumber(9007199254740991), '9,007,199,254,740,991');
});
