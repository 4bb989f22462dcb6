import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeHttpUrl, isSameOrigin } from '../src/urls.js';
import { Api } from '../src/api.js';
import { jsonResponse, memoryStorage } from './helpers.js';

test('only http(s) server URLs are used as links or navigations', () => {
  const base = 'https://live.example/#/jobs/j_1';
  assert.equal(safeHttpUrl('https://s3.example/b/report.html?X-Amz-Signature=1', base), 'https://s3.example/b/report.html?X-Amz-Signature=1');
  assert.equal(safeHttpUrl('/files/a.csv', base), 'https://live.example/files/a.csv');
  assert.equal(safeHttpUrl('http://checkout.stripe.test/c/1', base), 'http://checkout.stripe.test/c/1');
  assert.equal(safeHttpUrl('javascript:alert(1)', base), null);
  assert.equal(safeHttpUrl(' JavaScript:alert(1)', base), null);
  assert.equal(safeHttpUrl('data:text/html,<script>1</script>', base), null);
  assert.equal(safeHttpUrl('vbscript:x', base), null);
  assert.equal(safeHttpUrl('', base), null);
  assert.equal(safeHttpUrl(null, base), null);
});

test('same origin: paths yes, other origins no', () => {
  const o = 'https://live.example';
  assert.equal(isSameOrigin('/api/v1/jobs', o), true);
  assert.equal(isSameOrigin('https://live.example/api/v1/jobs', o), true);
  assert.equal(isSameOrigin('https://s3.example/x', o), false);
  assert.equal(isSameOrigin('//evil.example/x', o), false);
  assert.equal(isSameOrigin('http://live.example/x', o), false, 'another scheme is another origin');
  assert.equal(isSameOrigin('https://s3.example/x', undefined), false);
});

test('the Authorization header goes only to same-origin requests', async () => {
  const seen = [];
  const fetch = async (url, init) => { seen.push([url, init.headers.Authorization ?? null]); return jsonResponse(200, { ok: true }); };
  const api = new Api({ fetch, storage: memoryStorage(), origin: 'https://live.example' });
  api.setSession({ access_token: 'A0', refresh_token: 'R0' });
  await api.get('/jobs');
  await api.text('https://live.example/api/v1/jobs/j_1/results/a.csv');
  await api.text('https://s3.example/bucket/a.csv?sig=1');
  assert.deepEqual(seen, [
    ['/api/v1/jobs', 'Bearer A0'],
    ['https://live.example/api/v1/jobs/j_1/results/a.csv', 'Bearer A0'],
    ['https://s3.example/bucket/a.csv?sig=1', null],
  ]);
});
