import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeFrame, FrameError } from '../src/pages/job/frames.js';

function encode({ step = 10, box = [20, 10], elements, xy, bonds, atoms }) {
  const xb = Buffer.alloc(xy.length * 4);
  xy.forEach((v, i) => xb.writeFloatLE(v, i * 4));
  const bb = Buffer.alloc(bonds.length * 4);
  bonds.forEach((v, i) => bb.writeUInt32LE(v, i * 4));
  return JSON.stringify({ step, box, atoms: atoms ?? elements.length, of: 1000,
    elements: Buffer.from(elements).toString('base64'), xy: xb.toString('base64'), bonds: bb.toString('base64') });
}

test('a frame round-trips through base64, little-endian float32 and uint32', () => {
  const elements = [1, 6, 8, 0, 7];
  const xy = [0.5, 1.25, 19.75, 9.5, 3.1415927, 2.7182817, 0, 0, 10.125, 5.0625];
  const bonds = [0, 1, 1, 2, 3, 4];
  const f = decodeFrame(encode({ elements, xy, bonds }));
  assert.equal(f.step, 10);
  assert.deepEqual(f.box, [20, 10]);
  assert.equal(f.atoms, 5);
  assert.equal(f.of, 1000);
  assert.deepEqual([...f.elements], elements);
  assert.deepEqual([...f.xy], xy.map((v) => Math.fround(v)));
  assert.deepEqual([...f.bonds], bonds);
});

test('an empty frame decodes to empty arrays; a parsed object is accepted too', () => {
  const f = decodeFrame(JSON.parse(encode({ elements: [], xy: [], bonds: [] })));
  assert.equal(f.atoms, 0);
  assert.equal(f.xy.length, 0);
  assert.equal(f.bonds.length, 0);
});

test('bonds naming atoms outside the frame are dropped', () => {
  const f = decodeFrame(encode({ elements: [1, 1], xy: [1, 1, 2, 2], bonds: [0, 1, 1, 7] }));
  assert.deepEqual([...f.bonds], [0, 1]);
});

test('inconsistent frames are refused', () => {
  assert.throws(() => decodeFrame(encode({ elements: [1, 1], xy: [1, 1], bonds: [] })), FrameError);
  assert.throws(() => decodeFrame(encode({ elements: [1], xy: [1, 1], bonds: [], atoms: 3 })), FrameError);
  assert.throws(() => decodeFrame(encode({ elements: [1], xy: [1, 1], bonds: [], box: [0, 5] })), FrameError);
});

test('10,000 atoms decode quickly', () => {
  const n = 10000;
  const elements = Array.from({ length: n }, (_, i) => [1, 6, 7, 8][i % 4]);
  const xy = Array.from({ length: 2 * n }, (_, i) => (i * 0.37) % 100);
  const bonds = Array.from({ length: 8000 }, (_, i) => (i * 7) % n);
  const data = encode({ elements, xy, bonds, box: [100, 100] });
  const t0 = performance.now();
  const f = decodeFrame(data);
  assert.equal(f.atoms, n);
  assert.ok(performance.now() - t0 < 200);
});

test('distinct formulas: components of the bond graph by element counts, isomers and free atoms included', async () => {
  const { distinctFormulas } = await import('../src/pages/job/frames.js');
  // two waters (O bonded to two H), one methane, two free H atoms, one free O
  const elements = Uint8Array.from([8, 1, 1, 8, 1, 1, 6, 1, 1, 1, 1, 1, 1, 8]);
  const bonds = Uint32Array.from([0, 1, 0, 2, 3, 4, 5, 3, 6, 7, 6, 8, 6, 9, 6, 10]);
  assert.equal(distinctFormulas({ atoms: elements.length, elements, bonds }), 4); // H2O, CH4, H, O
  assert.equal(distinctFormulas({ atoms: 0, elements: new Uint8Array(0), bonds: new Uint32Array(0) }), 0);
});
