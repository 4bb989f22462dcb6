import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, errorSentence, errorFromResponse, parseRetryAfter } from '../src/errors.js';

const err = (status, code, details, extra = {}) => new ApiError({ status, code, details, message: extra.message ?? '…', ...extra });

test('guardrail refusals become sentences with their numbers', () => {
  assert.equal(errorSentence(err(429, 'parallel_limit', { current: 1, limit: 1, tier: 'hobby' }, { retryAfter: 30 })),
    'You already have 1 of 1 jobs queued or running, the most your Hobby plan allows at once. Try again when one finishes (in about 30 s).');
  assert.equal(errorSentence(err(429, 'daily_limit', { current: 5, limit: 5, tier: 'hobby', resets_at: '2026-12-06T00:00:00Z' }, { retryAfter: 3725 })),
    "You have started 5 of 5 jobs today, your Hobby plan's daily limit. You can start more in 1 h 2 min at 2026-12-06 00:00 UTC.");
  assert.equal(errorSentence(err(422, 'runtime_limit', { tier: 'hobby', limit_seconds: 1800, estimate_seconds: 5400 })),
    'This job would run for about 1 h 30 min, longer than the 30 min your Hobby plan allows per job. Use fewer particles or steps, or upgrade.');
  assert.equal(errorSentence(err(422, 'cost_limit', { tier: 'research', limit_usd: 5, estimate_usd: 7.5 })),
    'This job is estimated to cost $7.50, more than the $5.00 your Research plan allows per job. Use fewer particles or steps, or upgrade.');
  assert.equal(errorSentence(err(422, 'capacity_not_allowed', { tier: 'hobby', requested: 'on_demand', allowed: ['spot'] })),
    'Your Hobby plan runs jobs on spot capacity only, not on-demand.');
  assert.equal(errorSentence(err(402, 'subscription_inactive', { tier: 'research', status: 'past_due' })),
    'Your subscription is past due, so new jobs cannot start. Subscribe or update your payment on the Billing page.');
});

test('field errors name the field; the server message without its path', () => {
  const e = err(422, 'invalid_field', null, { field: 'simulation.particles', message: 'simulation.particles: -5 is out of range; allowed 1..2000000' });
  assert.equal(errorSentence(e), 'Particles: -5 is out of range; allowed 1..2000000.');
});

test('rate limits, outages and network failures are sentences, never JSON', () => {
  assert.equal(errorSentence(err(429, 'rate_limited', null, { retryAfter: 12 })), 'Too many requests for now. Try again in 12 s.');
  assert.equal(errorSentence(new ApiError({ status: 0, code: 'network' })), 'Could not reach the server. Check your connection and try again.');
  const stripe = err(503, 'unavailable', null, { message: 'Stripe is not configured on this server (LIVE_STRIPE_SECRET_KEY); in sandbox mode accounts start on the default tier' });
  assert.equal(errorSentence(stripe), 'Stripe is not configured on this server (LIVE_STRIPE_SECRET_KEY); in sandbox mode accounts start on the default tier.');
  const html = errorFromResponse(502, '<html>Bad gateway</html>', null, 'rq1');
  assert.equal(html.code, 'internal');
  assert.match(errorSentence(html), /^The server failed to answer \(request rq1\)/);
  for (const s of [errorSentence(html), errorSentence(stripe)]) assert.ok(!s.includes('{'));
});

test('errorFromResponse reads the error shape and Retry-After', () => {
  const e = errorFromResponse(429, JSON.stringify({ error: { code: 'parallel_limit', message: 'm', field: null, request_id: 'r', details: { limit: 2 } } }), '30');
  assert.deepEqual([e.status, e.code, e.message, e.details.limit, e.retryAfter, e.requestId], [429, 'parallel_limit', 'm', 2, 30, 'r']);
  assert.equal(parseRetryAfter('Thu, 01 Jan 1970 00:01:40 GMT', 40_000), 60);
  assert.equal(parseRetryAfter(null), null);
});

test('plain errors and strings', () => {
  assert.equal(errorSentence('something broke'), 'Something broke.');
  assert.equal(errorSentence(new TypeError('x is undefined')), 'X is undefined.');
  assert.equal(errorSentence(err(409, 'idempotency_conflict', null, { message: 'idempotency_key exp-1 was used with another body' })),
    'Idempotency_key exp-1 was used with another body.');
});

test('a trailing clause with an empty list is dropped', () => {
  const e = new ApiError({ status: 422, code: 'invalid_field', field: 'tier',
    message: "tier: 'research' is not sold online (no Stripe price configured); sold online: " });
  assert.equal(errorSentence(e), "Tier: 'research' is not sold online (no Stripe price configured).");
});
