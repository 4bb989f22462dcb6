import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keepFocus } from '../src/dom.js';

function fakeEl(name, kids = []) {
  return { name, focused: 0, focus() { this.focused++; }, contains(x) { return x === this || kids.includes(x); } };
}

test('a hidden control that had the focus hands it to a stable target', () => {
  const cancel = fakeEl('cancel');
  const rerun = fakeEl('rerun');
  const body = fakeEl('body');
  assert.equal(keepFocus(cancel, rerun, false, { activeElement: cancel, body }), true);
  assert.equal(rerun.focused, 1);
});

test('a removed row whose button had the focus (now fallen to the body) focuses the heading', () => {
  const yes = fakeEl('yes');
  const row = fakeEl('row', [yes]);
  const heading = fakeEl('heading');
  const body = fakeEl('body');
  assert.equal(keepFocus(row, heading, false, { activeElement: yes, body }), true, 'focus still inside the row');
  assert.equal(keepFocus(row, heading, true, { activeElement: body, body }), true, 'focus fell to the body');
  assert.equal(heading.focused, 2);
});

test('the focus elsewhere is left alone', () => {
  const cancel = fakeEl('cancel');
  const rerun = fakeEl('rerun');
  const search = fakeEl('search');
  const body = fakeEl('body');
  assert.equal(keepFocus(cancel, rerun, false, { activeElement: search, body }), false);
  assert.equal(keepFocus(cancel, rerun, true, { activeElement: search, body }), false, 'the user moved on meanwhile');
  assert.equal(keepFocus(cancel, rerun, false, { activeElement: body, body }), false, 'it never had the focus');
  assert.equal(rerun.focused, 0);
});
