// The new-simulation form's model, DOM-free: config keys (dotted for nested ones) <-> the simulation JSON, the
// API's error paths -> form fields, and field descriptions -> input attributes and hint text.
import { formatNumber } from './format.js';
import { asSentence, messageWithoutField } from './errors.js';

/** The value at a dotted key: a flat "a.b" property first (as GET /presets may give defaults), else nested. */
export function getPath(obj, key) {
  if (obj == null || typeof obj !== 'object') return undefined;
  if (Object.prototype.hasOwnProperty.call(obj, key)) return obj[key];
  let cur = obj;
  for (const part of key.split('.')) {
    if (cur == null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, part)) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** Sets (or, for undefined, removes) a dotted key as nested objects; empty parents are removed. Returns obj. */
export function setPath(obj, key, value) {
  const parts = key.split('.');
  const chain = [obj];
  let cur = obj;
  for (const part of parts.slice(0, -1)) {
    if (cur[part] == null || typeof cur[part] !== 'object' || Array.isArray(cur[part])) {
      if (value === undefined) return obj;
      cur[part] = {};
    }
    cur = cur[part];
    chain.push(cur);
  }
  const last = parts[parts.length - 1];
  if (value === undefined) {
    delete cur[last];
    for (let i = parts.length - 2; i >= 0; i--) {
      if (Object.keys(chain[i + 1]).length === 0) delete chain[i][parts[i]];
      else break;
    }
  } else {
    cur[last] = value;
  }
  return obj;
}

/**
 * The form field an API error path belongs to: "simulation.particles" -> "particles",
 * "simulation.pulses.energy" -> "pulses.energy" when the form has it; "simulation.composition[0].ratio" -> null
 * (the JSON editor shows it). "preset" maps to the preset picker's key "preset".
 */
export function fieldForPath(path, fieldKeys) {
  if (!path) return null;
  const keys = new Set(fieldKeys);
  let p = String(path).replace(/^simulation\.?/, '');
  if (!p) return null;
  if (p === 'preset') return 'preset';
  if (keys.has(p)) return p;
  // a deeper path under a field that is itself an object is not a form field; nor are array elements
  return null;
}

/**
 * Where an invalid_field / invalid_request error is shown and what it says: {key, text}, key being the form field
 * (or 'preset'), else 'json' (the JSON editor) with the config path named in the text.
 */
export function fieldErrorFor(e, fieldKeys) {
  const key = fieldForPath(e?.field, fieldKeys);
  const text = messageWithoutField(e?.message, e?.field);
  if (key) return { key, text: asSentence(text || 'This value is not accepted') };
  const where = e?.field && e.field !== 'simulation' ? `${e.field.replace(/^simulation\./, '')}: ` : '';
  return { key: 'json', text: `${where}${asSentence(text || 'The configuration is not accepted')}` };
}

/** Whether a field takes whole numbers. */
export function isInteger(key, spec = {}) {
  if (spec.type === 'integer' || spec.integer === true) return true;
  if (spec.type === 'number') return false;
  return ['particles', 'steps', 'seed', 'threads'].includes(key) || /(^|\.)(interval|kinds)$/.test(key);
}

/** What kind of control a field spec calls for: select (values), checkbox (boolean), number or text. */
export function controlKind(spec = {}) {
  if (Array.isArray(spec.values)) return 'select';
  if (spec.type === 'boolean' || typeof spec.default === 'boolean') return 'checkbox';
  if (spec.type === 'string') return 'text';
  if (spec.min != null || spec.max != null || typeof spec.default === 'number' || spec.type === 'number' || spec.type === 'integer') return 'number';
  return 'text';
}

/**
 * The input's min and max attributes: a bound the server excludes (min_exclusive / max_exclusive true) is left out,
 * since the browser's min/max are inclusive (the hint states it and the server checks it).
 */
export function inputBounds(spec = {}) {
  return {
    min: spec.min != null && spec.min_exclusive !== true ? spec.min : null,
    max: spec.max != null && spec.max_exclusive !== true ? spec.max : null,
  };
}

/**
 * The hint under a field: its description (left out when it merely repeats the unit) and its allowed range with
 * unit; exclusive bounds read "greater than" / "less than".
 */
export function hintText(key, spec = {}) {
  const parts = [];
  const desc = spec.description == null ? '' : String(spec.description).trim().replace(/\.$/, '');
  const norm = (x) => String(x ?? '').trim().toLowerCase();
  if (desc && !(spec.unit && norm(desc) === norm(spec.unit))) parts.push(desc + '.');
  const unit = spec.unit ? ` ${spec.unit}` : '';
  const lowEx = spec.min_exclusive === true;
  const highEx = spec.max_exclusive === true;
  const lo = spec.min != null ? `${lowEx ? 'greater than' : 'at least'} ${formatNumber(spec.min)}` : null;
  const hi = spec.max != null ? `${highEx ? 'less than' : 'at most'} ${formatNumber(spec.max)}` : null;
  const cap = (t) => t.charAt(0).toUpperCase() + t.slice(1);
  if (lo && hi && !lowEx && !highEx) parts.push(`Allowed ${formatNumber(spec.min)} to ${formatNumber(spec.max)}${unit}.`);
  else if (lo && hi) parts.push(`${cap(lo)} and ${hi}${unit}.`);
  else if (lo || hi) parts.push(`${cap(lo || hi)}${unit}.`);
  if (Array.isArray(spec.values)) parts.push(`One of ${spec.values.join(', ')}.`);
  return parts.join(' ');
}

/** Input text -> the JSON value: '' -> undefined (the preset's default applies); numbers parsed; else text. */
export function parseInput(kind, raw, key, spec) {
  if (kind === 'checkbox') return Boolean(raw);
  if (raw == null) return undefined;
  const s = String(raw).trim();
  if (s === '') return undefined;
  if (kind === 'number') {
    const x = Number(s);
    if (!Number.isFinite(x)) return s; // the server names the field and what it wants
    return x;
  }
  return s;
}

/** The value a field shows: the config's, else the preset's default, else the field's default. */
export function displayValue(config, key, presetDefaults, spec = {}) {
  const v = getPath(config, key);
  if (v !== undefined) return v;
  const d = getPath(presetDefaults || {}, key);
  if (d !== undefined) return d;
  return spec.default;
}

/**
 * The simulation JSON after a field edit: a value equal to the preset's default is dropped (the preset gives it),
 * anything else is written; the config object is copied, not changed.
 */
export function applyFieldEdit(config, key, value, presetDefaults) {
  const next = structuredClone(config ?? {});
  const d = getPath(presetDefaults || {}, key);
  setPath(next, key, value === undefined || (d !== undefined && sameValue(d, value)) ? undefined : value);
  return next;
}

function sameValue(a, b) {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a)));
}

/** The JSON editor's text for a config. */
export function configToText(config) {
  return JSON.stringify(config ?? {}, null, 2);
}

/** The editor's text -> {config} or {error: sentence}. */
export function textToConfig(text) {
  let v;
  try {
    v = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec(e.message);
    const where = m ? ` near character ${Number(m[1]) + 1}` : '';
    return { error: `The JSON is not valid${where}: ${e.message.replace(/^JSON\.parse: |^Unexpected/, (x) => (x === 'Unexpected' ? 'unexpected' : ''))}`.replace(/\.?$/, '.') };
  }
  if (v == null || typeof v !== 'object' || Array.isArray(v)) return { error: 'The configuration must be a JSON object, such as {"preset": "miller-urey"}.' };
  return { config: v };
}

/** The form's field values for a config: {key: value shown}. */
export function valuesFromConfig(config, fields, presetDefaults) {
  const out = {};
  for (const [key, spec] of Object.entries(fields || {})) out[key] = displayValue(config, key, presetDefaults, spec);
  return out;
}

/** The simulation config of a finished job (GET /jobs/{id}): where the server puts it. */
export function configOfJob(job) {
  const c = job?.simulation ?? job?.spec?.simulation ?? job?.spec?.config ?? job?.config ?? null;
  return c && typeof c === 'object' ? structuredClone(c) : null;
}
