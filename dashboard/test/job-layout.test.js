import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boxTransform, crossesBoundary, elementColor, elementsPresent, groupByColor, OTHER_COLOR } from '../src/pages/job/layout.js';

test('the box fits the canvas, centred, with a uniform scale and y pointing up', () => {
  const t = boxTransform([100, 50], 420, 420, 10);
  assert.equal(t.scale, 4); // (420 - 20) / 100
  assert.equal(t.x(0), 10);
  assert.equal(t.x(100), 410);
  // 50 * 4 = 200 high, centred vertically: from 110 to 310; y = 0 at the bottom
  assert.equal(t.y(0), 310);
  assert.equal(t.y(50), 110);
  const tall = boxTransform([10, 40], 300, 200, 0);
  assert.equal(tall.scale, 5);
  assert.equal(tall.x(0), 125);
  assert.equal(tall.x(10), 175);
});

test('a degenerate canvas still gives a finite transform', () => {
  const t = boxTransform([10, 10], 0, 0);
  assert.ok(Number.isFinite(t.scale) && t.scale > 0);
});

test('bonds longer than half the box cross the periodic boundary', () => {
  assert.equal(crossesBoundary(1, 1, 2, 2, 10, 10), false);
  assert.equal(crossesBoundary(0.5, 1, 9.5, 1, 10, 10), true);
  assert.equal(crossesBoundary(1, 0.2, 1, 19.9, 10, 20), true);
  assert.equal(crossesBoundary(1, 0.2, 1, 9.9, 10, 20), false);
});

test('CPK-like colours, kinds grey, other elements the legend colour', () => {
  assert.equal(elementColor(8), '#e0241b');
  assert.equal(elementColor(0), '#8a8a8a');
  assert.equal(elementColor(92), OTHER_COLOR);
  const p = elementsPresent(Uint8Array.from([1, 1, 0, 8, 1, 6, 6]));
  assert.deepEqual(p.map((e) => [e.symbol, e.count]), [['H', 3], ['C', 2], ['O', 1], ['kind', 1]]);
});

test('atoms are grouped by colour for batched drawing', () => {
  const g = groupByColor(Uint8Array.from([8, 1, 8, 6, 1, 92, 93]));
  const groups = g.colors.map((c, k) => [c, [...g.order.slice(g.starts[k], g.starts[k + 1])]]);
  assert.deepEqual(groups, [['#e0241b', [0, 2]], ['#f4f4f4', [1, 4]], ['#404040', [3]], [OTHER_COLOR, [5, 6]]]);
  assert.deepEqual(g.outlined, [false, true, false, false]);
});
