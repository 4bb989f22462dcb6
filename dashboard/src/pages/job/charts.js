// uPlot charts of the job page: live progress (temperature; molecules, bonds, distinct formulas) and species abundances.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { truncateFromStep } from './data.js';

export const PALETTE = ['#1f5fbf', '#c43c00', '#1b7f3b', '#8a3ffc', '#b8860b', '#c2185b', '#00796b', '#5d4037',
  '#455a64', '#6a1b9a', '#2e7d32', '#ad1457', '#0277bd', '#ef6c00', '#4e342e', '#283593', '#558b2f', '#9e9d24',
  '#00838f', '#6d4c41'];

/** Keeps a uPlot instance as wide as its container. Returns a disconnect function. */
function fitWidth(plot, container, height) {
  const ro = new ResizeObserver(() => {
    const w = Math.max(200, Math.floor(container.clientWidth));
    if (w !== plot.width) plot.setSize({ width: w, height });
  });
  ro.observe(container);
  return () => ro.disconnect();
}

function makePlot(container, title, yLabel, series, height = 220) {
  const opts = {
    title,
    width: Math.max(200, container.clientWidth || 600),
    height,
    scales: { x: { time: false } },
    axes: [{ label: 'step' }, { label: yLabel, size: 64 }],
    series: [{ label: 'step' }, ...series.map((s, i) => ({ label: s, stroke: PALETTE[i % PALETTE.length], width: 1.5, spanGaps: true }))],
    legend: { live: false },
    cursor: { drag: { x: true, y: false } },
  };
  const data = [[], ...series.map(() => [])];
  const plot = new uPlot(opts, data, container);
  const stop = fitWidth(plot, container, height);
  return { plot, data, destroy() { stop(); plot.destroy(); } };
}

/**
 * Live charts of the progress events, in two figures appended to `el`. add(p) takes a progress event's fields;
 * drawing is throttled to about 4 updates a second. At most maxPoints points are kept (older ones thinned).
 */
export function createProgressCharts(el, { maxPoints = 4000 } = {}) {
  const figT = figure(el, 'Temperature against step');
  const figC = figure(el, 'Molecules, bonds and formulas against step');
  const t = makePlot(figT.body, 'Temperature', 'K', ['temperature (K)']);
  const c = makePlot(figC.body, 'Molecules, bonds, species', 'count', ['molecules', 'bonds', 'formulas (live view)']);
  let pending = false;
  let timer = 0;
  let count = 0;
  function flush() {
    pending = false;
    timer = 0;
    t.plot.setData(t.data);
    c.plot.setData(c.data);
  }
  return {
    add(p) {
      const step = Number(p.step);
      if (!Number.isFinite(step)) return;
      // the same step again replaces its point; a lower step (a resume from a checkpoint) drops the points after it
      truncateFromStep(t.data, step);
      truncateFromStep(c.data, step);
      t.data[0].push(step);
      t.data[1].push(num(p.temperature));
      c.data[0].push(step);
      c.data[1].push(num(p.molecules));
      c.data[2].push(num(p.bonds));
      c.data[3].push(num(p.formulas));
      count = t.data[0].length;
      if (count > maxPoints) {
        for (const d of [t.data, c.data]) for (let k = 0; k < d.length; k++) d[k] = d[k].filter((_, i) => i % 2 === 0 || i === d[k].length - 1);
      }
      figT.caption.textContent = `Temperature against step (latest ${fmt(p.temperature)} K at step ${step.toLocaleString('en')})`;
      figC.caption.textContent = `Molecules, bonds and distinct formulas against step (latest: ${fmt(p.molecules)} molecules, ${fmt(p.bonds)} bonds, ${fmt(p.formulas)} formulas among the live view's atoms)`;
      if (!pending) {
        pending = true;
        timer = setTimeout(flush, 250);
      }
    },
    get points() { return t.data[0].length; },
    destroy() {
      clearTimeout(timer);
      t.destroy();
      c.destroy();
    },
  };
}

function num(v) {
  const n = Number(v);
  return v == null || !Number.isFinite(n) ? null : n;
}

function fmt(v) {
  const n = num(v);
  return n == null ? '—' : n.toLocaleString('en', { maximumFractionDigits: 1 });
}

function figure(el, caption) {
  const fig = document.createElement('figure');
  fig.className = 'job-chart';
  const cap = document.createElement('figcaption');
  cap.textContent = caption;
  const body = document.createElement('div');
  body.className = 'job-chart-body';
  fig.append(cap, body);
  el.append(fig);
  return { fig, caption: cap, body };
}

/** A species abundance chart: steps on x, one series per chosen species. Returns {destroy()}. */
export function createSpeciesChart(container, steps, columns) {
  const fig = figure(container, `Abundance of the ${columns.length} most abundant species (by peak) against step`);
  const { plot, destroy } = makePlot(fig.body, 'Species abundance', 'molecules', columns.map((c) => c.label), 280);
  plot.setData([steps, ...columns.map((c) => c.values)]);
  return { destroy() { destroy(); fig.remove(); } };
}
