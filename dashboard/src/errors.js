// API errors as an ApiError, and every error as a sentence a person can read (never raw JSON).
// DOM-free: node --test imports it.
import { formatDuration, formatUsd, formatTime } from './format.js';

export class ApiError extends Error {
  /** @param {{status:number, code?:string, message?:string, field?:string|null, details?:object|null,
   *          retryAfter?:number|null, requestId?:string|null}} o */
  constructor(o) {
    super(o.message || o.code || `HTTP ${o.status}`);
    this.name = 'ApiError';
    this.status = o.status;
    this.code = o.code || codeForStatus(o.status);
    this.field = o.field ?? null;
    this.details = o.details ?? null;
    this.retryAfter = o.retryAfter ?? null;
    this.requestId = o.requestId ?? null;
  }
}

function codeForStatus(status) {
  return ({ 0: 'network', 400: 'invalid_request', 401: 'unauthorized', 402: 'subscription_inactive', 403: 'forbidden',
    404: 'not_found', 409: 'conflict', 413: 'payload_too_large', 415: 'unsupported_media_type', 422: 'invalid_field',
    429: 'rate_limited', 503: 'unavailable' })[status] || (status >= 500 ? 'internal' : 'error');
}

/** Retry-After: delta seconds or an HTTP date, as whole seconds from now (null when absent or unreadable). */
export function parseRetryAfter(value, now = Date.now()) {
  if (value == null || value === '') return null;
  const s = String(value).trim();
  if (/^\d+$/.test(s)) return Number(s);
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : Math.max(0, Math.ceil((t - now) / 1000));
}

/** An ApiError from a response's status, headers and body text (the API's {"error":{...}} shape or anything else). */
export function errorFromResponse(status, bodyText, retryAfterHeader, requestIdHeader) {
  let e = null;
  try {
    const j = JSON.parse(bodyText);
    if (j && typeof j.error === 'object' && j.error) e = j.error;
  } catch { /* not JSON: a proxy's page */ }
  return new ApiError({
    status,
    code: e?.code,
    message: typeof e?.message === 'string' ? e.message : null,
    field: e?.field ?? null,
    details: e?.details ?? null,
    retryAfter: parseRetryAfter(retryAfterHeader),
    requestId: e?.request_id ?? requestIdHeader ?? null,
  });
}

const tierName = (t) => (t ? String(t).charAt(0).toUpperCase() + String(t).slice(1) : 'current');
const n = (v) => (typeof v === 'number' ? v.toLocaleString('en-US') : String(v));
const inTime = (s) => (s == null ? 'a moment' : formatDuration(s));

/** Capitalised, ending with a full stop; whitespace squeezed. */
export function asSentence(text) {
  let s = String(text ?? '').replace(/\s+/g, ' ').trim();
  if (!s) return '';
  // a trailing clause that introduces an empty list ("...; sold online: ") says nothing: drop it
  s = s.replace(/;[^;]*:\s*$/, '').replace(/[\s:;,]+$/, '');
  s = s.charAt(0).toUpperCase() + s.slice(1);
  return /[.!?]$/.test(s) ? s : s + '.';
}

/** A server message with the config path it starts with (e.g. "simulation.particles: ...") dropped. */
export function messageWithoutField(message, field) {
  let m = String(message ?? '');
  if (field && m.startsWith(field + ':')) m = m.slice(field.length + 1);
  else m = m.replace(/^simulation(\.[\w.[\]]+)?:\s*/, '');
  return m.trim();
}

/** The sentence shown for a guardrail reason (also the estimate's verdict) with the numbers of its details. */
export function reasonSentence(code, d = {}, retryAfter = null) {
  d = d || {};
  const tier = tierName(d.tier);
  switch (code) {
    case 'parallel_limit':
      return `You already have ${n(d.current)} of ${n(d.limit)} jobs queued or running, the most your ${tier} plan allows at once. `
        + `Try again when one finishes (in about ${inTime(retryAfter ?? 30)}).`;
    case 'daily_limit': {
      const when = d.resets_at ? ` at ${formatTime(d.resets_at)}` : '';
      return `You have started ${n(d.current)} of ${n(d.limit)} jobs today, your ${tier} plan's daily limit. `
        + `You can start more in ${inTime(retryAfter)}${when}.`;
    }
    case 'runtime_limit':
      return `This job would run for about ${formatDuration(d.estimate_seconds)}, longer than the ${formatDuration(d.limit_seconds)} `
        + `your ${tier} plan allows per job. Use fewer particles or steps, or upgrade.`;
    case 'cost_limit':
      return `This job is estimated to cost ${formatUsd(d.estimate_usd)}, more than the ${formatUsd(d.limit_usd)} your ${tier} plan `
        + `allows per job. Use fewer particles or steps, or upgrade.`;
    case 'capacity_not_allowed': {
      const allowed = Array.isArray(d.allowed) ? d.allowed.join(' or ') : d.allowed;
      return `Your ${tier} plan runs jobs on ${String(allowed ?? 'spot').replace(/_/g, '-')} capacity only, `
        + `not ${String(d.requested ?? 'the capacity asked for').replace(/_/g, '-')}.`;
    }
    case 'subscription_inactive': {
      const status = d.status ? `is ${String(d.status).replace(/_/g, ' ')}` : 'is not active';
      return `Your subscription ${status}, so new jobs cannot start. Subscribe or update your payment on the Billing page.`;
    }
    default:
      return null;
  }
}

/** Labels for config keys in sentences: "pulses.energy" -> "Pulses energy". */
export function fieldLabel(key) {
  const s = String(key).replace(/^simulation\./, '').replace(/[._]/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Any error (ApiError, TypeError from fetch, a string) as one or two sentences. */
export function errorSentence(err) {
  if (err == null) return 'Something went wrong.';
  if (typeof err === 'string') return asSentence(err);
  if (!(err instanceof ApiError) && !(err && 'status' in err && 'code' in err)) {
    return asSentence(err.message || 'Something went wrong');
  }
  const { code, status, details, retryAfter } = err;
  const guard = reasonSentence(code, details, retryAfter);
  if (guard) return guard;
  const msg = err.message && err.message !== code ? err.message : '';
  switch (code) {
    case 'network':
      return 'Could not reach the server. Check your connection and try again.';
    case 'rate_limited':
      return `Too many requests for now. Try again in ${inTime(retryAfter)}.`;
    case 'too_many_streams':
      return 'Too many live views are open at once. Close another tab or page and try again.';
    case 'invalid_field':
    case 'invalid_request': {
      const text = messageWithoutField(msg, err.field);
      if (err.field && err.field !== 'simulation' && text) return `${fieldLabel(err.field)}: ${asSentence(text)}`;
      return asSentence(text || 'The request was not accepted');
    }
    case 'unauthorized':
      return asSentence(msg || 'Please sign in again');
    case 'session_expired':
      return 'Your session has ended. Please sign in again; what you were typing has been kept.';
    case 'forbidden':
      return asSentence(msg || 'This key or session is not allowed to do that');
    case 'not_found':
      return asSentence(msg || 'Not found');
    case 'not_ready':
      return asSentence(msg || 'The results are not ready yet');
    case 'payload_too_large':
      return 'The request is too large. Make the configuration smaller.';
    case 'unavailable': {
      const again = retryAfter ? ` Try again in ${inTime(retryAfter)}.` : '';
      return asSentence(msg || 'The service is briefly unavailable') + again;
    }
    case 'internal':
      return `The server failed to answer${err.requestId ? ` (request ${err.requestId})` : ''}. Try again, and quote the request id if it persists.`;
    default:
      if (msg) return asSentence(msg);
      return status >= 500 ? 'The server failed to answer. Try again shortly.' : `The request was refused (HTTP ${status}).`;
  }
}
