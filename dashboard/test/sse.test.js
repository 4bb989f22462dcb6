import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SseParser, readEventStream } from '../src/sse.js';
import { Api } from '../src/api.js';
import { sseResponse, jsonResponse, memoryStorage } from './helpers.js';

function collect() {
  const out = [];
  return { out, parser: new SseParser((name, data, id) => out.push({ name, data, id })) };
}

test('parses events, multi-line data, ids, comments and JSON data', () => {
  const { out, parser } = collect();
  parser.feed(': keep-alive\n\nevent: status\nid: 7\ndata: {"status":"running"}\n\ndata: a\ndata: b\n\n');
  assert.deepEqual(out, [
    { name: 'status', data: { status: 'running' }, id: '7' },
    { name: 'message', data: 'a\nb', id: null },
  ]);
});

test('handles events split across chunks at any byte, and CRLF / CR line ends', () => {
  const text = 'event: progress\r\nid: 1\r\ndata: {"step":5}\r\n\r\nevent: progress\rid: 2\rdata: {"step":6}\r\r';
  for (let cut = 1; cut < text.length; cut++) {
    const { out, parser } = collect();
    parser.feed(text.slice(0, cut));
    parser.feed(text.slice(cut));
    parser.flush();
    assert.deepEqual(out.map((e) => [e.name, e.id, e.data.step]), [['progress', '1', 5], ['progress', '2', 6]], `cut at ${cut}`);
  }
});

test('a field without a colon, a space-less value and a retry field', () => {
  const { out, parser } = collect();
  parser.feed('retry: 1500\ndata:x\nevent\n\n');
  assert.equal(parser.retry, 1500);
  assert.deepEqual(out, [{ name: 'message', data: 'x', id: null }]);
});

test('reconnects after a drop with Last-Event-ID = the last id seen, without duplicates, and stops after a normal end', async () => {
  const calls = [];
  const first = [
    'event: status\nid: j_1:1\ndata: {"job_id":"j_1","status":"running"}\n\n',
    'event: progress\nid: j_1:p1\ndata: {"job_id":"j_1","step":10}\n\n',
    'event: progress\nid: j_1:p2\ndata: {"job_id":"j_1","st', // cut inside this event
  ];
  const second = [
    // the server replays the newest status it holds: already seen, not handed on twice
    'event: status\nid: j_1:1\ndata: {"job_id":"j_1","status":"running"}\n\n',
    'event: progress\nid: j_1:p2\ndata: {"job_id":"j_1","step":20}\n\n',
    'event: status\nid: j_1:2\ndata: {"job_id":"j_1","status":"succeeded"}\n\n',
  ];
  const events = [];
  let ended = 0;
  const s = readEventStream({
    open: async (lastId) => {
      calls.push(lastId);
      if (calls.length === 1) return sseResponse(first, { cutAfter: 3 });
      if (calls.length === 2) return sseResponse(second);
      throw new Error('must not reconnect after a normal end');
    },
    handlers: { onEvent: (n, d, id) => events.push([n, id, d.step ?? d.status]), onEnd: () => ended++ },
    sleep: async () => {},
  });
  await s.done;
  assert.deepEqual(calls, [null, 'j_1:p1']);
  assert.deepEqual(events, [
    ['status', 'j_1:1', 'running'],
    ['progress', 'j_1:p1', 10],
    ['progress', 'j_1:p2', 20],
    ['status', 'j_1:2', 'succeeded'],
  ]);
  assert.equal(ended, 1);
});

test('a stream that ends cleanly before every job is final is reconnected; the multiplexed one ends when all are final', async () => {
  const bodies = [
    ['event: status\nid: a:1\ndata: {"job_id":"a","status":"running"}\n\nevent: status\nid: b:1\ndata: {"job_id":"b","status":"queued"}\n\n',
      'event: status\nid: a:2\ndata: {"job_id":"a","status":"succeeded"}\n\n'],
    ['event: status\nid: b:2\ndata: {"job_id":"b","status":"canceled"}\n\n'],
  ];
  const lastIds = [];
  const delays = [];
  const s = readEventStream({
    open: async (lastId) => { lastIds.push(lastId); return sseResponse(bodies[lastIds.length - 1]); },
    handlers: {},
    sleep: async (ms) => { delays.push(ms); },
  });
  await s.done;
  assert.deepEqual(lastIds, [null, 'a:2']);
  assert.equal(delays.length, 1);
});

test('backs off exponentially while the server cannot be reached, and close() stops it', async () => {
  const delays = [];
  let s;
  s = readEventStream({
    open: async () => { throw new TypeError('fetch failed'); },
    handlers: {},
    backoff: [100, 200, 400],
    sleep: async (ms) => { delays.push(ms); if (delays.length === 5) s.close(); },
  });
  await s.done;
  assert.deepEqual(delays, [100, 200, 400, 400, 400]);
});

test('Api.stream sends the bearer token and Last-Event-ID, and stops on a refusal such as 404', async () => {
  const seen = [];
  const api = new Api({
    storage: memoryStorage(),
    fetch: async (url, init) => {
      seen.push({ url, auth: init.headers.Authorization, last: init.headers['Last-Event-ID'] ?? null });
      if (seen.length === 1) return sseResponse(['event: status\nid: 5\ndata: {"status":"running"}\n\n'], { cutAfter: 1 });
      return jsonResponse(404, { error: { code: 'not_found', message: 'job j_9 not found' } });
    },
    sleep: async () => {},
  });
  api.accessToken = 'T1';
  const errors = [];
  const s = api.stream('/jobs/j_9/events', { onError: (e, { fatal }) => errors.push([e.code, fatal]) });
  await s.done;
  assert.deepEqual(seen.map((x) => [x.url, x.auth, x.last]), [
    ['/api/v1/jobs/j_9/events', 'Bearer T1', null],
    ['/api/v1/jobs/j_9/events', 'Bearer T1', '5'],
  ]);
  assert.deepEqual(errors.at(-1), ['not_found', true]);
});
