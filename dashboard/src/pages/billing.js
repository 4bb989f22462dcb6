// Billing: the tier and status, meters for the limits the API states (parallel jobs, jobs today), this month's
// usage, upgrade buttons (Stripe Checkout) and the customer portal. Errors (Stripe not configured, ...) as sentences.
import { h, clear, errorBox, markPage, nextId } from '../dom.js';
import { errorSentence } from '../errors.js';
import { formatDuration, formatUsd, formatNumber, formatTime } from '../format.js';
import { safeHttpUrl } from '../urls.js';

const cap = (s) => (s ? String(s).charAt(0).toUpperCase() + String(s).slice(1) : '');

function meter(label, value, max) {
  const id = nextId('meter');
  const m = h('meter', { id, min: 0, max: Math.max(1, max), value: Math.min(value, Math.max(1, max)), low: Math.max(1, max) * 0.7,
    high: Math.max(1, max) * 0.9, optimum: 0, dataset: { test: 'meter' } }, `${value} of ${max}`);
  return h('div', { class: 'meter' },
    h('label', { for: id }, label), m, h('span', { class: 'meter-text' }, `${formatNumber(value)} of ${formatNumber(max)}`));
}

/** What a return from Stripe Checkout (?checkout=done|canceled, the server's default return URLs) means. */
export function checkoutNotice(params) {
  switch (params?.checkout) {
    case 'done': return 'Thank you: the payment went through. Your plan changes as soon as Stripe confirms it, usually within a minute; reload this page to see it.';
    case 'canceled': return 'The checkout was canceled; nothing was charged and your plan is unchanged.';
    default: return null;
  }
}

export function renderBilling(el, ctx, params = {}) {
  let alive = true;
  const err = errorBox();
  const body = h('div', {}, h('p', { class: 'muted', role: 'status' }, 'Loading…'));
  const notice = checkoutNotice(params);
  el.append(h('h1', {}, 'Billing'), ...(notice ? [h('p', { class: 'notice', role: 'status', dataset: { test: 'notice' } }, notice)] : []), err, body);
  markPage(el, 'billing');

  async function go(button, path, payload) {
    button.disabled = true;
    err.show(null);
    try {
      const r = await ctx.api.post(path, payload);
      const url = r?.url ? safeHttpUrl(r.url) : null;
      if (url) globalThis.location.assign(url);
      else if (r?.url) err.show('The server gave an address that is not a web page, so it is not opened.');
      else err.show('The server gave no address to go to.');
    } catch (e) {
      err.show(errorSentence(e));
      err.focus?.();
    } finally {
      button.disabled = false;
    }
  }

  (async () => {
    let sub;
    let usage;
    try {
      [sub, usage] = await Promise.all([ctx.api.get('/billing/subscription'), ctx.api.get('/billing/usage')]);
    } catch (e) {
      if (alive) { clear(body); err.show(errorSentence(e)); }
      return;
    }
    if (!alive) return;
    clear(body);
    const l = sub.limits || {};
    const status = String(sub.status || 'none').replace(/_/g, ' ');
    const facts = [
      ['Status', `${cap(status)}${sub.admits_new_jobs === false ? ' (new jobs cannot start)' : ''}`],
      sub.current_period_end ? ['Current period ends', formatTime(sub.current_period_end)] : null,
      sub.cancel_at_period_end ? ['Cancellation', 'at the end of the period'] : null,
      sub.pending_tier ? ['Changes to', `${cap(sub.pending_tier)} at the end of the period`] : null,
      sub.past_due_since ? ['Payment overdue since', formatTime(sub.past_due_since)] : null,
      ['Longest job', formatDuration(l.max_runtime_seconds)],
      ['Most a job may cost', formatUsd(l.max_cost_per_job_usd)],
      ['Capacity', (l.capacities || []).map((c) => c.replace(/_/g, '-')).join(', ') || '—'],
      ['API requests per minute', formatNumber(l.api_requests_per_minute)],
    ].filter(Boolean);
    body.append(h('section', { class: 'card', 'aria-labelledby': 'plan-h' },
      h('h2', { id: 'plan-h' }, 'Plan: ', h('span', { dataset: { test: 'tier' } }, cap(sub.tier) || 'None')),
      h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))));

    const now = usage.now || {};
    const meters = [];
    if (now.parallel_jobs_limit != null) meters.push(meter('Jobs queued or running', now.running_jobs ?? 0, now.parallel_jobs_limit));
    if (now.jobs_per_day_limit != null) meters.push(meter('Jobs started today (UTC)', now.jobs_today ?? 0, now.jobs_per_day_limit));
    const month = (usage.periods || [])[0];
    body.append(h('section', { class: 'card', 'aria-labelledby': 'use-h' },
      h('h2', { id: 'use-h' }, 'Usage'), meters,
      month ? h('div', {},
        h('h3', {}, `This month (${month.period})`),
        h('dl', { class: 'facts' },
          h('dt', {}, 'Jobs started'), h('dd', {}, formatNumber(month.jobs_started)),
          h('dt', {}, 'Jobs finished'), h('dd', {}, formatNumber(month.jobs_finished)),
          h('dt', {}, 'Compute time'), h('dd', {}, formatDuration(month.compute_seconds)),
          h('dt', {}, 'Atom-steps'), h('dd', {}, formatNumber(month.atom_steps)),
          h('dt', {}, 'Estimated cost'), h('dd', {}, formatUsd(month.estimated_cost_usd)),
          h('dt', {}, 'Actual cost'), h('dd', {}, formatUsd(month.actual_cost_usd)))) : null));

    const tiers = sub.tiers || [];
    const current = tiers.findIndex((t) => t.id === sub.tier);
    const higher = tiers.filter((t, i) => i > current);
    const portal = h('button', { type: 'button', dataset: { test: 'portal' } }, 'Manage subscription');
    portal.addEventListener('click', () => go(portal, '/billing/portal', {}));
    body.append(h('section', { class: 'card', 'aria-labelledby': 'change-h' },
      h('h2', { id: 'change-h' }, 'Change plan'),
      higher.length ? h('ul', { class: 'tiers' }, higher.map((t) => {
        const b = h('button', { type: 'button', class: 'primary', dataset: { test: `upgrade-${t.id}` } }, `Upgrade to ${t.name || cap(t.id)}`);
        b.addEventListener('click', () => go(b, '/billing/checkout', { tier: t.id }));
        return h('li', {}, h('strong', {}, t.name || cap(t.id)), ': ',
          `${formatNumber(t.parallel_jobs)} jobs at once, ${formatNumber(t.jobs_per_day)} a day, up to ${formatDuration(t.max_runtime_seconds)} `
          + `and ${formatUsd(t.max_cost_per_job_usd)} per job.`, t.sold_online === false ? ' Not sold online on this server.' : '', ' ', b);
      })) : h('p', {}, 'You are on the highest plan.'),
      h('p', {}, 'Change your payment method, switch plans or cancel in the Stripe customer portal. '), portal));
  })();

  return () => { alive = false; };
}
