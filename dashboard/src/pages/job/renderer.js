// The live 2-D view's canvas renderer, shared by the job page and the benchmark page. Draws on
// requestAnimationFrame, only when a new frame arrived or the canvas changed size (or on every animation frame with
// {everyFrame: true}, which the benchmark uses so that it measures drawing). Atoms are batched into one path per
// colour, bonds into one path; bonds longer than half the box (across the periodic boundary) are skipped.
import { atomRadius, boxTransform, crossesBoundary, groupByColor } from './layout.js';

const BACKGROUND = '#fbfbfa';
const BOX_STROKE = '#5a5a5a';
const BOND_STROKE = '#8c8c8c';
const OUTLINE = '#5f5f5f';

export function createLiveView(canvas, { everyFrame = false, beforeDraw = null, afterDraw = null } = {}) {
  const g = canvas.getContext('2d', { alpha: false });
  let frame = null;
  let groups = null;
  let groupsFor = null;
  let dirty = true;
  let raf = 0;
  let cssW = 0;
  let cssH = 0;
  let dpr = 0;
  let px = new Float32Array(0);
  let py = new Float32Array(0);

  function label() {
    if (!frame) return 'Live view of the simulation box: waiting for the first frame';
    const subset = frame.of > frame.atoms ? ` (a subset of ${frame.of.toLocaleString('en')})` : '';
    return `Live view of the simulation box: ${frame.atoms.toLocaleString('en')} atoms${subset}, ` +
      `${(frame.bonds.length / 2).toLocaleString('en')} bonds, step ${frame.step.toLocaleString('en')}`;
  }

  function resize() {
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    const r = window.devicePixelRatio || 1;
    if (w === cssW && h === cssH && r === dpr) return false;
    cssW = w;
    cssH = h;
    dpr = r;
    canvas.width = Math.max(1, Math.round(w * r));
    canvas.height = Math.max(1, Math.round(h * r));
    return true;
  }

  function draw() {
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.fillStyle = BACKGROUND;
    g.fillRect(0, 0, cssW, cssH);
    if (!frame || cssW < 2 || cssH < 2) return;
    const t = boxTransform(frame.box, cssW, cssH);
    const { scale, ox, oy, bx, by } = t;
    g.lineWidth = 1;
    g.strokeStyle = BOX_STROKE;
    g.strokeRect(ox - 0.5, oy - 0.5, bx * scale + 1, by * scale + 1);

    const n = frame.atoms;
    const xy = frame.xy;
    if (px.length < n) {
      px = new Float32Array(n);
      py = new Float32Array(n);
    }
    for (let i = 0; i < n; i++) {
      px[i] = ox + xy[2 * i] * scale;
      py[i] = oy + (by - xy[2 * i + 1]) * scale;
    }
    const r = atomRadius(t, n);

    const bonds = frame.bonds;
    if (bonds.length) {
      g.beginPath();
      for (let k = 0; k < bonds.length; k += 2) {
        const a = bonds[k];
        const b = bonds[k + 1];
        if (crossesBoundary(xy[2 * a], xy[2 * a + 1], xy[2 * b], xy[2 * b + 1], bx, by)) continue;
        g.moveTo(px[a], py[a]);
        g.lineTo(px[b], py[b]);
      }
      g.lineWidth = Math.max(0.6, r * 0.45);
      g.strokeStyle = BOND_STROKE;
      g.stroke();
    }

    if (groupsFor !== frame.elements) {
      groups = groupByColor(frame.elements);
      groupsFor = frame.elements;
    }
    const { colors, outlined, order, starts } = groups;
    const small = r < 1.6;
    const TAU = Math.PI * 2;
    for (let c = 0; c < colors.length; c++) {
      g.beginPath();
      for (let k = starts[c]; k < starts[c + 1]; k++) {
        const i = order[k];
        if (small) g.rect(px[i] - r, py[i] - r, 2 * r, 2 * r);
        else {
          g.moveTo(px[i] + r, py[i]);
          g.arc(px[i], py[i], r, 0, TAU);
        }
      }
      g.fillStyle = colors[c];
      g.fill();
      if (outlined[c]) {
        g.lineWidth = small ? 0.5 : 0.8;
        g.strokeStyle = OUTLINE;
        g.stroke();
      }
    }
  }

  function loop(ts) {
    raf = requestAnimationFrame(loop);
    if (beforeDraw) beforeDraw(ts);
    if (resize()) dirty = true;
    if (dirty || everyFrame) {
      dirty = false;
      const t0 = performance.now();
      draw();
      if (afterDraw) afterDraw(ts, performance.now() - t0);
    }
  }

  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label());
  raf = requestAnimationFrame(loop);

  return {
    setFrame(f) {
      frame = f;
      dirty = true;
      canvas.setAttribute('aria-label', label());
    },
    /** Marks the current frame as changed in place (its arrays were modified). */
    invalidate() {
      dirty = true;
    },
    get frame() {
      return frame;
    },
    destroy() {
      cancelAnimationFrame(raf);
      raf = 0;
    },
  };
}
