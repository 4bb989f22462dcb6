// The live-view benchmark page (#/bench/liveview?atoms=10000): a synthetic system drawn by the job page's renderer,
// redrawn on every animation frame for about 3 s; new "frames" arrive at 4 Hz and atoms move a little each
// animation frame. Publishes window.__liveViewBench = {frames, seconds, fps, p95_frame_ms, atoms}.
import './job.css';
import { h } from './dom.js';
import { elementsPresent } from './layout.js';
import { createLiveView } from './renderer.js';

/** A deterministic pseudo-random generator (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Miller-Urey-like small molecules (element, offsets in box units; bonds between local indices), plus free atoms.
const MOLECULES = [
  { z: [8, 1, 1], d: [[0, 0], [0.96, 0], [-0.24, 0.93]], b: [[0, 1], [0, 2]], w: 30 }, // water
  { z: [6, 1, 1, 1, 1], d: [[0, 0], [1.09, 0], [-1.09, 0], [0, 1.09], [0, -1.09]], b: [[0, 1], [0, 2], [0, 3], [0, 4]], w: 12 }, // methane
  { z: [7, 1, 1, 1], d: [[0, 0], [1.01, 0], [-0.5, 0.87], [-0.5, -0.87]], b: [[0, 1], [0, 2], [0, 3]], w: 10 }, // ammonia
  { z: [1, 1], d: [[0, 0], [0.74, 0]], b: [[0, 1]], w: 10 }, // hydrogen
  { z: [6, 8], d: [[0, 0], [1.13, 0]], b: [[0, 1]], w: 5 }, // carbon monoxide
  { z: [1, 6, 7], d: [[0, 0], [1.06, 0], [2.22, 0]], b: [[0, 1], [1, 2]], w: 3 }, // HCN
  { z: [1, 16, 1], d: [[0, 0], [1.34, 0], [1.6, 1.3]], b: [[0, 1], [1, 2]], w: 1 }, // H2S
];
const FREE = [[1, 40], [8, 12], [6, 8], [7, 8], [16, 1], [15, 1], [0, 2]]; // [z, weight]

/**
 * A synthetic frame of `atoms` atoms in a square box with about 40 % of the atoms in small molecules.
 * Returns {step, box, atoms, of, elements, xy, bonds}, the decoded-frame shape the renderer draws.
 */
export function syntheticFrame(atoms, seed = 7) {
  const rand = rng(seed);
  const box = [Math.sqrt(atoms) * 4, Math.sqrt(atoms) * 4];
  const elements = new Uint8Array(atoms);
  const xy = new Float32Array(2 * atoms);
  const bonds = [];
  const totalW = MOLECULES.reduce((s, m) => s + m.w, 0);
  const freeW = FREE.reduce((s, f) => s + f[1], 0);
  let i = 0;
  const bondedTarget = Math.round(atoms * 0.4);
  while (i < bondedTarget) {
    let r = rand() * totalW;
    const m = MOLECULES.find((mm) => (r -= mm.w) < 0) ?? MOLECULES[0];
    if (i + m.z.length > atoms) break;
    const cx = rand() * box[0];
    const cy = rand() * box[1];
    const ang = rand() * Math.PI * 2;
    const c = Math.cos(ang);
    const s = Math.sin(ang);
    m.z.forEach((z, k) => {
      elements[i + k] = z;
      const [dx, dy] = m.d[k];
      xy[2 * (i + k)] = wrap(cx + c * dx - s * dy, box[0]);
      xy[2 * (i + k) + 1] = wrap(cy + s * dx + c * dy, box[1]);
    });
    m.b.forEach(([a, b]) => bonds.push(i + a, i + b));
    i += m.z.length;
  }
  for (; i < atoms; i++) {
    let r = rand() * freeW;
    elements[i] = (FREE.find((f) => (r -= f[1]) < 0) ?? FREE[0])[0];
    xy[2 * i] = rand() * box[0];
    xy[2 * i + 1] = rand() * box[1];
  }
  return { step: 0, box, atoms, of: atoms, elements, xy, bonds: Uint32Array.from(bonds) };
}

function wrap(v, b) {
  return ((v % b) + b) % b;
}

export function percentile(values, p) {
  if (!values.length) return 0;
  const s = Float64Array.from(values).sort();
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

export function renderLiveViewBench(el, params = {}) {
  const atoms = Math.max(100, Math.min(200000, Number(params.atoms) || 10000));
  const seconds = Math.max(0.5, Math.min(30, Number(params.seconds) || 3));
  el.textContent = '';
  const canvas = h('canvas', { class: 'job-canvas job-canvas-bench', 'data-test': 'live-view' });
  const out = h('p', { class: 'job-note', 'aria-live': 'polite', text: `Measuring for ${seconds} s…` });
  const legend = h('ul', { class: 'job-legend', 'aria-label': 'Element colours' });
  const root = h('div', { class: 'job-page' },
    h('h1', { text: 'Live view benchmark' }),
    h('p', { text: `${atoms.toLocaleString('en')} synthetic atoms, redrawn on every animation frame by the job page's renderer; new positions arrive at 4 Hz and atoms jitter every frame.` }),
    canvas, legend, out);
  el.append(root);

  const frame = syntheticFrame(atoms);
  for (const p of elementsPresent(frame.elements)) {
    const sw = h('span', { class: 'job-legend-swatch' + (p.z === 1 ? ' job-legend-outlined' : '') });
    sw.style.backgroundColor = p.color;
    legend.append(h('li', {}, sw, `${p.symbol} ${p.count.toLocaleString('en')}`));
  }
  const rand = rng(11);
  const stamps = [];
  const drawMs = [];
  let start = 0;
  let lastArrival = 0;
  let finished = false;
  // velocities of the current 4 Hz "frame", applied a little on every animation frame
  const vel = new Float32Array(2 * atoms);
  const [bx, by] = frame.box;
  const newVelocities = () => { for (let k = 0; k < vel.length; k++) vel[k] = (rand() - 0.5) * 0.02; };
  newVelocities();

  const view = createLiveView(canvas, {
    everyFrame: true,
    beforeDraw(ts) {
      if (finished) return;
      if (!start) start = ts;
      if (ts - lastArrival >= 250) { // a new frame "arrived"
        lastArrival = ts;
        newVelocities();
        frame.step += 100;
      }
      const xy = frame.xy;
      for (let k = 0; k < xy.length; k += 2) {
        xy[k] = wrap(xy[k] + vel[k], bx);
        xy[k + 1] = wrap(xy[k + 1] + vel[k + 1], by);
      }
      stamps.push(ts);
      if (ts - start >= seconds * 1000) finish();
    },
    afterDraw(ts, ms) { drawMs.push(ms); },
  });
  view.setFrame(frame);

  function finish() {
    finished = true;
    const deltas = [];
    for (let k = 1; k < stamps.length; k++) deltas.push(stamps[k] - stamps[k - 1]);
    const secs = (stamps[stamps.length - 1] - stamps[0]) / 1000;
    const result = {
      frames: deltas.length,
      seconds: Math.round(secs * 1000) / 1000,
      fps: secs > 0 ? Math.round((deltas.length / secs) * 10) / 10 : 0,
      p95_frame_ms: Math.round(percentile(deltas, 95) * 10) / 10,
      atoms,
      p95_draw_ms: Math.round(percentile(drawMs, 95) * 10) / 10,
    };
    window.__liveViewBench = result;
    out.textContent = `${result.frames} frames in ${result.seconds} s: ${result.fps} frames per second; 95th percentile frame interval ` +
      `${result.p95_frame_ms} ms (drawing alone ${result.p95_draw_ms} ms) with ${atoms.toLocaleString('en')} atoms.`;
    out.setAttribute('data-test', 'bench-result');
    view.destroy();
  }

  root.setAttribute('data-test', 'page');
  root.setAttribute('data-page', 'bench');
  return () => {
    finished = true;
    view.destroy();
  };
}
