import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Api } from '../src/api.js';
import { ApiError } from '../src/errors.js';
import { jsonResponse, memoryStorage } from './helpers.js';

/** A fake server: access tokens A0, A1, ...; refresh tokens R0, R1, ... each usable once. */
function fakeServer({ refreshWorks = true, refreshDelay = 5 } = {}) {
  const s = { valid: 'A0', refreshToken: 'R0', refreshCalls: 0, calls: [] };
  s.fetch = async (url, init) => {
    const path = url.replace('/api/v1', '');
    s.calls.push([init.method, path, init.headers.Authorization ?? null]);
    if (path === '/auth/refresh') {
      s.refreshCalls++;
      const { refresh_token: rt } = JSON.parse(init.body);
      await new Promise((r) => setTimeout(r, refreshDelay));
      if (!refreshWorks || rt !== s.refreshToken) return jsonResponse(401, { error: { code: 'unauthorized', message: 'refresh token is not valid' } });
      const n = s.refreshCalls;
      s.valid = `A${n}`;
      s.refreshToken = `R${n}`;
      return jsonResponse(200, { access_token: s.valid, refresh_token: s.refreshToken, expires_in: 900 });
    }
    if (path === '/auth/login') return jsonResponse(200, { access_token: s.valid, refresh_token: s.refreshToken, user: { email: 'a@b.c' } });
    if (init.headers.Authorization !== `Bearer ${s.valid}`) return jsonResponse(401, { error: { code: 'unauthorized', message: 'token expired' } });
    return jsonResponse(200, { ok: true, path });
  };
  return s;
}

test('a 401 refreshes once and retries with the new token', async () => {
  const srv = fakeServer();
  const storage = memoryStorage();
  const api = new Api({ fetch: srv.fetch, storage });
  await api.login('a@b.c', 'pw');
  srv.valid = 'X'; // the access token A0 has expired on the server
  const body = await api.get('/jobs');
  assert.deepEqual(body, { ok: true, path: '/jobs' });
  assert.equal(srv.refreshCalls, 1);
  assert.equal(api.accessToken, 'A1');
  assert.equal(storage.getItem('live.refresh_token'), 'R1');
});

test('concurrent 401s share one refresh (refresh tokens are single-use)', async () => {
  const srv = fakeServer({ refreshDelay: 20 });
  const api = new Api({ fetch: srv.fetch, storage: memoryStorage() });
  await api.login('a@b.c', 'pw');
  srv.valid = 'X';
  const results = await Promise.all([api.get('/a'), api.get('/b'), api.post('/c', {}), api.del('/d')]);
  assert.deepEqual(results.map((r) => r.path), ['/a', '/b', '/c', '/d']);
  assert.equal(srv.refreshCalls, 1);
  // every retry used the one new token
  const retried = srv.calls.filter(([, p, auth]) => p !== '/auth/refresh' && p !== '/auth/login' && auth === 'Bearer A1');
  assert.equal(retried.length, 4);
});

test('a 401 after another caller already refreshed retries with the new token without refreshing again', async () => {
  const srv = fakeServer();
  const api = new Api({ fetch: srv.fetch, storage: memoryStorage() });
  await api.login('a@b.c', 'pw');
  srv.valid = 'X';
  await api.get('/first'); // refresh #1
  assert.equal(srv.refreshCalls, 1);
  const r = await api.get('/second');
  assert.equal(r.path, '/second');
  assert.equal(srv.refreshCalls, 1);
});

test('only a refresh token in storage (a reload): refreshed before the first call', async () => {
  const srv = fakeServer();
  const storage = memoryStorage();
  storage.setItem('live.refresh_token', 'R0');
  const api = new Api({ fetch: srv.fetch, storage });
  srv.valid = 'X';
  const r = await api.get('/jobs');
  assert.equal(r.path, '/jobs');
  assert.equal(srv.refreshCalls, 1);
  assert.equal(srv.calls.filter(([, p]) => p === '/jobs').length, 1);
});

test('a failed refresh clears the session, calls onAuthLost once and throws session_expired', async () => {
  const srv = fakeServer({ refreshWorks: false });
  const storage = memoryStorage();
  let lost = 0;
  const api = new Api({ fetch: srv.fetch, storage, onAuthLost: () => lost++ });
  await api.login('a@b.c', 'pw');
  srv.valid = 'X';
  await assert.rejects(api.get('/jobs'), (e) => e instanceof ApiError && e.code === 'session_expired' && e.status === 401);
  assert.equal(lost, 1);
  assert.equal(srv.refreshCalls, 1);
  assert.equal(storage.getItem('live.refresh_token'), null);
  assert.equal(api.signedIn(), false);
});

test('a wrong password at sign in is the server sentence, not a refresh', async () => {
  const api = new Api({
    storage: memoryStorage(),
    fetch: async () => jsonResponse(401, { error: { code: 'unauthorized', message: 'email or password is wrong', request_id: 'r1' } }),
  });
  await assert.rejects(api.login('a@b.c', 'nope'), (e) => e.code === 'unauthorized' && e.message === 'email or password is wrong');
});

test('errors carry status, code, field, details and Retry-After; a network failure is status 0', async () => {
  const api = new Api({
    storage: memoryStorage(),
    fetch: async () => jsonResponse(429, { error: { code: 'daily_limit', message: '…', details: { limit: 5, current: 5, tier: 'hobby' } } }, { 'Retry-After': '3600' }),
  });
  api.accessToken = 'A';
  await assert.rejects(api.post('/jobs', {}), (e) => e.status === 429 && e.code === 'daily_limit' && e.retryAfter === 3600 && e.details.limit === 5);
  const down = new Api({ storage: memoryStorage(), fetch: async () => { throw new TypeError('fetch failed'); } });
  down.accessToken = 'A';
  await assert.rejects(down.get('/jobs'), (e) => e.status === 0 && e.code === 'network');
});

test('sends JSON with Content-Type and the bearer token; a 204 is null', async () => {
  const seen = [];
  const api = new Api({ storage: memoryStorage(), fetch: async (url, init) => { seen.push(init); return jsonResponse(204, null); } });
  api.accessToken = 'TOK';
  assert.equal(await api.post('/keys', { name: 'x' }), null);
  assert.equal(seen[0].headers['Content-Type'], 'application/json');
  assert.equal(seen[0].headers.Authorization, 'Bearer TOK');
  assert.equal(seen[0].body, '{"name":"x"}');
});

test('a reload whose stored refresh token is refused ends the session at once (onAuthLost), without calling the route', async () => {
  const srv = fakeServer({ refreshWorks: false });
  const storage = memoryStorage();
  storage.setItem('live.refresh_token', 'stale');
  let lost = 0;
  const api = new Api({ fetch: srv.fetch, storage, onAuthLost: () => lost++ });
  await assert.rejects(api.get('/jobs'), (e) => e.code === 'session_expired');
  assert.equal(lost, 1);
  assert.equal(srv.calls.filter(([, p]) => p === '/jobs').length, 0);
});

test('a 429 or 5xx from /auth/refresh is temporary: thrown, the session kept, onAuthLost not called', async () => {
  for (const status of [429, 500, 503]) {
    const storage = memoryStorage();
    let lost = 0;
    const fetch = async (url) => {
      if (url.endsWith('/auth/refresh')) return jsonResponse(status, { error: { code: status === 429 ? 'rate_limited' : 'unavailable', message: 'later' } }, { 'Retry-After': '7' });
      return jsonResponse(401, { error: { code: 'unauthorized', message: 'token expired' } });
    };
    const api = new Api({ fetch, storage, onAuthLost: () => { lost++; } });
    api.setSession({ access_token: 'A0', refresh_token: 'R0' });
    await assert.rejects(api.get('/jobs'), (e) => e instanceof ApiError && e.status === status);
    assert.equal(storage.getItem('live.refresh_token'), 'R0', `session kept after ${status}`);
    assert.equal(lost, 0);
    assert.ok(api.signedIn());
  }
});

test('a 400 from /auth/refresh ends the session', async () => {
  const storage = memoryStorage();
  let lost = 0;
  const fetch = async (url) => (url.endsWith('/auth/refresh')
    ? jsonResponse(400, { error: { code: 'invalid_request', message: 'refresh_token: unknown' } })
    : jsonResponse(401, { error: { code: 'unauthorized' } }));
  const api = new Api({ fetch, storage, onAuthLost: () => { lost++; } });
  api.setSession({ access_token: 'A0', refresh_token: 'R0' });
  await assert.rejects(api.get('/jobs'), (e) => e.code === 'session_expired');
  assert.equal(storage.getItem('live.refresh_token'), null);
  assert.equal(lost, 1);
});

test('logout during a refresh waits for it, ends the new refresh token and stores nothing', async () => {
  const srv = fakeServer({ refreshDelay: 30 });
  const storage = memoryStorage();
  const api = new Api({ fetch: srv.fetch, storage });
  await api.login('a@b.c', 'pw');
  srv.valid = 'X';
  const pending = api.get('/jobs').catch((e) => e);
  await new Promise((r) => setTimeout(r, 5)); // the refresh is in flight
  await api.logout();
  await pending;
  assert.equal(api.accessToken, null);
  assert.equal(storage.getItem('live.refresh_token'), null);
  assert.equal(api.signedIn(), false);
  const out = srv.calls.find(([, p]) => p === '/auth/logout');
  assert.ok(out, 'logout posted');
});

test('a refresh that finishes after the session was cleared never stores its tokens', async () => {
  const srv = fakeServer({ refreshDelay: 30 });
  const storage = memoryStorage();
  const api = new Api({ fetch: srv.fetch, storage });
  await api.login('a@b.c', 'pw');
  const r = api.refresh();
  api.clearSession();
  assert.equal(await r, false);
  assert.equal(api.accessToken, null);
  assert.equal(storage.getItem('live.refresh_token'), null);
});
