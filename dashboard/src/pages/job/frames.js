// Decoding of the live-view frames of GET /jobs/{id}/frames (docs: contract DASHBOARD_API.md, route 5). DOM-free:
// elements are n bytes (atomic number, 0 = open-chemistry kind), xy 2n little-endian float32, bonds 2m
// little-endian uint32 index pairs. Bonds naming an atom outside the frame are dropped, never drawn.

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export class FrameError extends Error {}

export function base64ToBytes(s) {
  if (!s) return new Uint8Array(0);
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function float32le(bytes) {
  if (bytes.length % 4 !== 0) throw new FrameError('xy is not a whole number of float32 values');
  const n = bytes.length / 4;
  if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0) return new Float32Array(bytes.buffer, bytes.byteOffset, n);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = dv.getFloat32(i * 4, true);
  return out;
}

function uint32le(bytes) {
  if (bytes.length % 8 !== 0) throw new FrameError('bonds is not a whole number of uint32 pairs');
  const n = bytes.length / 4;
  if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, n);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = dv.getUint32(i * 4, true);
  return out;
}

/**
 * Decodes one frame event's data (a JSON string or the parsed object) into
 * {step, box: [bx, by], atoms, of, elements: Uint8Array, xy: Float32Array, bonds: Uint32Array}.
 * Throws FrameError when the arrays disagree with each other.
 */
export function decodeFrame(data) {
  const o = typeof data === 'string' ? JSON.parse(data) : data;
  const elements = base64ToBytes(o.elements);
  const xy = float32le(base64ToBytes(o.xy));
  let bonds = uint32le(base64ToBytes(o.bonds));
  const n = elements.length;
  if (o.atoms != null && o.atoms !== n) throw new FrameError(`frame says ${o.atoms} atoms but carries ${n} elements`);
  if (xy.length !== 2 * n) throw new FrameError(`frame carries ${n} elements but ${xy.length / 2} positions`);
  const box = Array.isArray(o.box) && o.box.length >= 2 ? [Number(o.box[0]), Number(o.box[1])] : null;
  if (!box || !(box[0] > 0) || !(box[1] > 0)) throw new FrameError('frame has no valid box');
  let bad = 0;
  for (let i = 0; i < bonds.length; i++) if (bonds[i] >= n) bad++;
  if (bad) {
    const kept = [];
    for (let i = 0; i < bonds.length; i += 2) if (bonds[i] < n && bonds[i + 1] < n) kept.push(bonds[i], bonds[i + 1]);
    bonds = Uint32Array.from(kept);
  }
  return { step: Number(o.step) || 0, box, atoms: n, of: Number(o.of ?? n), elements, xy, bonds };
}

/**
 * The number of distinct molecular formulas among a decoded frame's molecules (connected components of its bonds,
 * free atoms included): the live "species" count of the progress chart. Formulas, not species: isomers count once
 * (the analysis after the run tells them apart), and over max_atoms it counts the frame's subset only.
 */
export function distinctFormulas(frame) {
  const n = frame.atoms;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i) => {
    while (parent[i] !== i) { parent[i] = parent[parent[i]]; i = parent[i]; }
    return i;
  };
  const b = frame.bonds;
  for (let k = 0; k + 1 < b.length; k += 2) {
    const r1 = find(b[k]);
    const r2 = find(b[k + 1]);
    if (r1 !== r2) parent[r1] = r2;
  }
  const counts = new Map(); // root -> Map(element -> count)
  for (let i = 0; i < n; i++) {
    const r = find(i);
    let m = counts.get(r);
    if (!m) counts.set(r, (m = new Map()));
    const z = frame.elements[i];
    m.set(z, (m.get(z) ?? 0) + 1);
  }
  const formulas = new Set();
  for (const m of counts.values()) {
    formulas.add([...m.entries()].sort((x, y) => x[0] - y[0]).map(([z, c]) => `${z}:${c}`).join(' '));
  }
  return formulas.size;
}
