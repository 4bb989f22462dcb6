// New simulation: a preset picker, fields from GET /presets (ranges as input attributes and in the hint), an
// advanced JSON editor kept in sync with them, debounced server validation and estimate (POST /jobs/estimate)
// with the guardrail verdict as a sentence, and submit -> #/jobs/<id>. #/new?from=<id> starts from a job's config.
import { h, clear, errorBox, markPage } from '../dom.js';
import { errorSentence, reasonSentence, fieldLabel, asSentence } from '../errors.js';
import { changeGate } from '../live.js';
import { aboutDuration, formatUsd } from '../format.js';
import {
  fieldForPath, controlKind, hintText, parseInput, applyFieldEdit, configToText, textToConfig, valuesFromConfig,
  isInteger, configOfJob, fieldErrorFor, inputBounds,
} from '../fields.js';
import { FALLBACK_PRESETS } from '../presets-fallback.js';

const safeId = (key) => `f-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function randomKey() {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

export function renderNew(el, ctx, params = {}) {
  let alive = true;
  let catalog = null; // {presets, fields}
  let config = {};
  let idemKey = randomKey();
  let timer = null;
  let seq = 0;
  const controls = new Map(); // key -> {input, kind, error}

  const err = errorBox();
  el.append(h('h1', {}, 'New simulation'), err);
  markPage(el, 'new');
  const loading = h('p', { class: 'muted', role: 'status' }, 'Loading presets…');
  el.append(loading);

  const presetDefaults = () => catalog.presets.find((p) => p.name === config.preset)?.defaults || {};
  const fieldKeys = () => Object.keys(catalog.fields);

  function build() {
    clear(loading).remove();
    const presetSel = h('select', { id: 'f-preset', name: 'preset', dataset: { test: 'field-preset' }, 'aria-describedby': 'f-preset-desc f-preset-err' },
      h('option', { value: '' }, 'No preset (every field from the JSON)'),
      catalog.presets.map((p) => h('option', { value: p.name }, `${p.name}: ${p.description}`)));
    const presetDesc = h('p', { id: 'f-preset-desc', class: 'hint', 'aria-live': 'polite' });
    const presetErr = fieldError('preset', 'f-preset-err');
    controls.set('preset', { input: presetSel, kind: 'select', error: presetErr });

    const grid = h('div', { class: 'field-grid' });
    for (const [key, spec] of Object.entries(catalog.fields)) grid.append(fieldControl(key, spec));

    const capacity = h('select', { id: 'f-capacity', name: 'capacity', dataset: { test: 'field-capacity' } },
      h('option', { value: '' }, 'Default for my plan'), h('option', { value: 'spot' }, 'Spot'), h('option', { value: 'on_demand' }, 'On-demand'));

    const json = h('textarea', {
      id: 'f-json', name: 'json', rows: 12, spellcheck: 'false', autocomplete: 'off', class: 'code',
      dataset: { test: 'field-json' }, 'aria-describedby': 'f-json-hint f-json-err',
    });
    const jsonErr = fieldError('json', 'f-json-err');
    controls.set('json', { input: json, kind: 'json', error: jsonErr });
    // not a live region itself (its duration changes with every edit): aria-busy while asking, and the verdict is
    // announced by `verdictLive` only when its sentence changes
    const estimate = h('div', { class: 'estimate', dataset: { test: 'estimate' }, 'aria-busy': 'false' }, 'The estimate appears here.');
    const verdictLive = h('p', { class: 'visually-hidden', role: 'status' });
    const verdictGate = changeGate();
    const announce = (text) => { if (verdictGate(text)) verdictLive.textContent = text; };
    const submit = h('button', { type: 'submit', class: 'primary', dataset: { test: 'submit-job' } }, 'Start simulation');

    const form = h('form', { class: 'card', novalidate: true },
      h('div', { class: 'field' }, h('label', { for: 'f-preset' }, 'Preset'), presetSel, presetDesc, presetErr),
      grid,
      h('div', { class: 'field' }, h('label', { for: 'f-capacity' }, 'Capacity'), capacity,
        h('p', { class: 'hint' }, 'Spot is cheaper and may be interrupted (the job resumes from a checkpoint); on-demand is not.')),
      h('div', { class: 'field' }, h('label', { for: 'f-json' }, 'Advanced: the simulation as JSON'), json,
        h('p', { id: 'f-json-hint', class: 'hint' }, 'Any field of the configuration (docs/config.md). It follows the fields above, and they follow it.'),
        jsonErr),
      h('h2', {}, 'Estimate'), estimate, verdictLive,
      h('div', { class: 'actions' }, submit));
    el.append(form);

    function showPresetDesc() {
      const p = catalog.presets.find((x) => x.name === config.preset);
      presetDesc.textContent = p ? p.description : 'Without a preset the JSON must give every field.';
    }

    function refreshFields() {
      const values = valuesFromConfig(config, catalog.fields, presetDefaults());
      for (const [key, c] of controls) {
        if (key === 'preset' || key === 'json') continue;
        const v = values[key];
        if (c.kind === 'checkbox') c.input.checked = Boolean(v);
        else if (document.activeElement !== c.input || c.input.value === '') c.input.value = v == null ? '' : String(v);
      }
      presetSel.value = config.preset && catalog.presets.some((p) => p.name === config.preset) ? config.preset : '';
      showPresetDesc();
    }

    function changed({ fromEditor = false } = {}) {
      idemKey = randomKey();
      if (!fromEditor) {
        json.value = configToText(config);
        jsonErr.show(null);
      }
      scheduleEstimate();
    }

    function fieldControl(key, spec) {
      const kind = controlKind(spec);
      const id = safeId(key);
      const hint = hintText(key, spec);
      const describedBy = `${id}-hint ${id}-err`;
      let input;
      if (kind === 'select') {
        input = h('select', { id, name: key, 'aria-describedby': describedBy, dataset: { test: `field-${key}` } },
          spec.values.map((v) => h('option', { value: v }, v)));
      } else if (kind === 'checkbox') {
        input = h('input', { id, name: key, type: 'checkbox', 'aria-describedby': describedBy, dataset: { test: `field-${key}` } });
      } else {
        input = h('input', {
          id, name: key, type: kind === 'number' ? 'number' : 'text', inputmode: kind === 'number' ? 'decimal' : null,
          min: inputBounds(spec).min, max: inputBounds(spec).max, step: kind === 'number' ? (isInteger(key, spec) ? 1 : 'any') : null,
          'aria-describedby': describedBy, dataset: { test: `field-${key}` },
        });
      }
      const error = fieldError(key, `${id}-err`);
      controls.set(key, { input, kind, error });
      const label = h('label', { for: id }, fieldLabel(key), spec.unit ? ` (${spec.unit})` : '');
      const onEdit = () => {
        const raw = kind === 'checkbox' ? input.checked : input.value;
        config = applyFieldEdit(config, key, parseInput(kind, raw, key, spec), presetDefaults());
        error.show(null);
        changed();
      };
      input.addEventListener(kind === 'number' || kind === 'text' ? 'input' : 'change', onEdit);
      return h('div', { class: kind === 'checkbox' ? 'field check' : 'field' },
        kind === 'checkbox' ? [input, label] : [label, input],
        h('p', { id: `${id}-hint`, class: 'hint' }, hint), error);
    }

    presetSel.addEventListener('change', () => {
      config = { ...config };
      if (presetSel.value) config.preset = presetSel.value;
      else delete config.preset;
      presetErr.show(null);
      refreshFields();
      changed();
    });
    json.addEventListener('input', () => {
      const r = textToConfig(json.value);
      if (r.error) {
        jsonErr.show(r.error);
        return;
      }
      jsonErr.show(null);
      config = r.config;
      refreshFields();
      changed({ fromEditor: true });
    });
    capacity.addEventListener('change', () => changed());

    function body() {
      const b = { simulation: config };
      if (capacity.value) b.capacity = capacity.value;
      return b;
    }

    /**
     * Shows `target` ({key, text}) at its control and no other field error. An error element whose text stays the
     * same is not written again (role=alert: a screen reader would repeat it after every debounced estimate).
     */
    function setFieldErrors(target = null) {
      for (const [key, c] of controls) {
        const text = target && target.key === key ? target.text : null;
        c.error.show(text);
        if (text) c.input.setAttribute('aria-invalid', 'true');
        else c.input.removeAttribute('aria-invalid');
      }
      return target ? controls.get(target.key)?.input : null;
    }

    /** An invalid_field error at its field, or at the JSON editor when the form has no such field. */
    function showFieldError(e) {
      return setFieldErrors(fieldErrorFor(e, fieldKeys()));
    }

    function scheduleEstimate() {
      clearTimeout(timer);
      timer = setTimeout(runEstimate, 400);
    }

    async function runEstimate() {
      const mine = ++seq;
      estimate.setAttribute('aria-busy', 'true');
      estimate.classList.add('busy');
      const settle = () => {
        estimate.setAttribute('aria-busy', 'false');
        estimate.classList.remove('busy');
      };
      try {
        const r = await ctx.api.post('/jobs/estimate', body());
        if (!alive || mine !== seq) return;
        setFieldErrors(null);
        const e = r.estimate || {};
        const v = r.verdict || {};
        const runsOn = String(r.runs_on || r.capacity || 'spot').replace(/_/g, '-');
        const line = `Runs ${aboutDuration(e.duration_seconds)}, estimated cost ${formatUsd(e.cost_usd)} on ${runsOn} capacity`
          + `${e.instance_type ? ` (${e.instance_type})` : ''}.`;
        const verdict = v.allowed === false
          ? (reasonSentence(v.reason, v.details, v.retry_after_seconds) || asSentence(v.message || 'Your plan would not admit this job'))
          : `Your ${tierLabel(r.tier)} plan admits this job.`;
        clear(estimate).append(h('p', {}, line), h('p', { class: v.allowed === false ? 'verdict refused' : 'verdict ok' }, verdict));
        estimate.dataset.allowed = String(v.allowed !== false);
        settle();
        announce(verdict);
      } catch (e) {
        if (!alive || mine !== seq) return;
        delete estimate.dataset.allowed;
        let text;
        if (e.code === 'invalid_field' || e.code === 'invalid_request') {
          showFieldError(e);
          text = 'Fix the highlighted value to see the estimate.';
        } else {
          setFieldErrors(null);
          text = errorSentence(e);
          // a rate limit or an outage passes: ask again when the server says
          if ((e.status === 429 || e.status === 503) && e.retryAfter != null) {
            clearTimeout(timer);
            timer = setTimeout(runEstimate, Math.min(e.retryAfter, 120) * 1000 + 250);
          }
        }
        if (estimate.textContent !== text) estimate.textContent = text;
        settle();
        announce(text);
      }
    }

    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const r = textToConfig(json.value);
      if (r.error) { jsonErr.show(r.error); json.focus(); return; }
      submit.disabled = true;
      err.show(null);
      try {
        const job = await ctx.api.post('/jobs', { ...body(), idempotency_key: idemKey });
        ctx.navigate(`#/jobs/${encodeURIComponent(job.job_id)}`);
      } catch (e) {
        if (!alive) return;
        if (e.code === 'invalid_field' || e.code === 'invalid_request') {
          showFieldError(e)?.focus();
          err.show(errorSentence(e));
        } else {
          err.show(errorSentence(e));
        }
        submit.disabled = false;
      }
    });

    refreshFields();
    json.value = configToText(config);
    ctx.restoreForm(el);
    scheduleEstimate();
  }

  function fieldError(key, id) {
    const e = h('p', { id, class: 'field-error', role: 'alert', hidden: true, dataset: { test: `error-${key}` } });
    const gate = changeGate('');
    // written only when the text changes: role=alert announces every write
    e.show = (s) => {
      if (!gate(s || '')) return;
      e.textContent = s || '';
      e.hidden = !s;
    };
    return e;
  }

  (async () => {
    try {
      catalog = await ctx.api.get('/presets');
    } catch (e) {
      if (e.status !== 404) {
        if (alive) err.show(errorSentence(e));
        if (e.status === 0 || e.status >= 500 || e.code === 'session_expired') return;
      }
      catalog = FALLBACK_PRESETS;
    }
    if (!alive) return;
    catalog = { presets: catalog.presets || [], fields: catalog.fields || {} };
    config = { preset: catalog.presets[0]?.name ?? 'miller-urey' };
    if (params.from) {
      try {
        const job = await ctx.api.get(`/jobs/${encodeURIComponent(params.from)}`);
        const c = configOfJob(job);
        if (c) config = c;
        else err.show(`The configuration of ${params.from} is not available here; starting from the first preset.`);
      } catch (e) {
        err.show(errorSentence(e));
      }
    }
    if (alive) build();
  })();

  return () => {
    alive = false;
    clearTimeout(timer);
  };
}

function tierLabel(t) {
  return t ? String(t).charAt(0).toUpperCase() + String(t).slice(1) : 'current';
}
