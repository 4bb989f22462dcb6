// Layout math and colours of the live view, DOM-free so that node:test can check them.

const SYMBOLS = ['', 'H', 'He', 'Li', 'Be', 'B', 'C', 'N', 'O', 'F', 'Ne', 'Na', 'Mg', 'Al', 'Si', 'P', 'S', 'Cl',
  'Ar', 'K', 'Ca', 'Sc', 'Ti', 'V', 'Cr', 'Mn', 'Fe', 'Co', 'Ni', 'Cu', 'Zn', 'Ga', 'Ge', 'As', 'Se', 'Br', 'Kr'];

// CPK-like palette; every colour keeps a 3:1 contrast against the light canvas background except hydrogen, which
// is drawn with an outline.
const COLORS = { 0: '#8a8a8a', 1: '#f4f4f4', 6: '#404040', 7: '#2f56d6', 8: '#e0241b', 9: '#3f9b2f', 15: '#e07b00',
  16: '#c9a800', 17: '#1f9b1f', 11: '#7a3fbf', 12: '#2c7a2c', 26: '#b35a1f', 20: '#3d7f7f' };
export const OTHER_COLOR = '#c03fbf';
export const OUTLINED = new Set([1]);

export function elementSymbol(z) {
  if (z === 0) return 'kind';
  return SYMBOLS[z] ?? `Z${z}`;
}

export function elementColor(z) {
  return COLORS[z] ?? OTHER_COLOR;
}

/** Elements present in a frame: [{z, symbol, color, count}] ordered by descending count, kinds last. */
export function elementsPresent(elements) {
  const counts = new Uint32Array(256);
  for (let i = 0; i < elements.length; i++) counts[elements[i]]++;
  const out = [];
  for (let z = 0; z < 256; z++) if (counts[z]) out.push({ z, symbol: elementSymbol(z), color: elementColor(z), count: counts[z] });
  out.sort((a, b) => (a.z === 0) - (b.z === 0) || b.count - a.count || a.z - b.z);
  return out;
}

/**
 * The transform from box coordinates (0 <= x < bx, 0 <= y < by, y up) to canvas CSS pixels (y down): uniform scale
 * that fits the box inside width x height less a margin, centred. Returns {scale, ox, oy, x(bx), y(by)} where
 * canvas x = ox + x * scale and canvas y = oy + (by - y) * scale.
 */
export function boxTransform(box, width, height, margin = 8) {
  const [bx, by] = box;
  const w = Math.max(1, width - 2 * margin);
  const h = Math.max(1, height - 2 * margin);
  const scale = Math.min(w / bx, h / by);
  const ox = (width - bx * scale) / 2;
  const oy = (height - by * scale) / 2;
  return { scale, ox, oy, bx, by, x: (x) => ox + x * scale, y: (y) => oy + (by - y) * scale };
}

/** Atom radius in CSS pixels: a fraction of the mean spacing on screen, clamped to stay visible and distinct. */
export function atomRadius(t, atoms) {
  if (!atoms) return 3;
  const spacing = Math.sqrt((t.bx * t.scale * t.by * t.scale) / atoms);
  return Math.max(0.9, Math.min(6, spacing * 0.3));
}

/** True when a bond's two ends are more than half a box apart along x or y: it crosses the periodic boundary. */
export function crossesBoundary(x1, y1, x2, y2, bx, by) {
  return Math.abs(x2 - x1) > bx / 2 || Math.abs(y2 - y1) > by / 2;
}

/**
 * Groups atom indices by colour for batched drawing: {colors: [color], outlined: [bool], order: Uint32Array,
 * starts: Uint32Array} where order[starts[c] .. starts[c+1]) are the atoms of colour c.
 */
export function groupByColor(elements) {
  const byColor = new Map();
  const colorOf = new Int32Array(256).fill(-1);
  const colors = [];
  const outlined = [];
  for (let i = 0; i < elements.length; i++) {
    const z = elements[i];
    if (colorOf[z] < 0) {
      const c = elementColor(z);
      if (!byColor.has(c)) {
        byColor.set(c, colors.length);
        colors.push(c);
        outlined.push(OUTLINED.has(z));
      }
      colorOf[z] = byColor.get(c);
    }
  }
  const counts = new Uint32Array(colors.length + 1);
  for (let i = 0; i < elements.length; i++) counts[colorOf[elements[i]] + 1]++;
  for (let c = 1; c <= colors.length; c++) counts[c] += counts[c - 1];
  const starts = counts.slice();
  const fill = counts.slice();
  const order = new Uint32Array(elements.length);
  for (let i = 0; i < elements.length; i++) order[fill[colorOf[elements[i]]]++] = i;
  return { colors, outlined, order, starts };
}
