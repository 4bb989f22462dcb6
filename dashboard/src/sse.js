// Server-Sent Events over fetch (so the Authorization header can be sent): a text/event-stream parser and a
// reconnecting reader. DOM-free: the fetch, the clock and the decoder are passed in, so node --test drives it.

/** Incremental text/event-stream parser (WHATWG HTML §9.2.6). feed(text) calls onEvent(name, data, id) per event. */
export class SseParser {
  constructor(onEvent) {
    this.onEvent = onEvent;
    this.buf = '';
    this.reset();
    this.lastEventId = '';
    this.retry = null;
  }

  reset() {
    this.data = [];
    this.event = '';
    this.idSet = false;
  }

  feed(text) {
    this.buf += text;
    let start = 0;
    for (;;) {
      const m = /\r\n|\r|\n/g;
      m.lastIndex = start;
      const hit = m.exec(this.buf);
      if (!hit) break;
      // a lone \r at the very end may be the first half of \r\n: wait for the next chunk
      if (hit[0] === '\r' && hit.index === this.buf.length - 1) break;
      this.line(this.buf.slice(start, hit.index));
      start = hit.index + hit[0].length;
    }
    this.buf = this.buf.slice(start);
  }

  line(l) {
    if (l === '') {
      this.dispatch();
      return;
    }
    if (l.startsWith(':')) return; // comment (keep-alive)
    const c = l.indexOf(':');
    const field = c < 0 ? l : l.slice(0, c);
    let value = c < 0 ? '' : l.slice(c + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event': this.event = value; break;
      case 'data': this.data.push(value); break;
      case 'id': if (!value.includes('\0')) { this.lastEventId = value; this.idSet = true; } break;
      case 'retry': if (/^\d+$/.test(value)) this.retry = Number(value); break;
      default: break;
    }
  }

  dispatch() {
    if (this.data.length === 0) {
      this.reset();
      return;
    }
    const raw = this.data.join('\n');
    const name = this.event || 'message';
    const id = this.idSet ? this.lastEventId : null;
    this.reset();
    let data = raw;
    try { data = JSON.parse(raw); } catch { /* plain text data */ }
    this.onEvent(name, data, id, this.lastEventId);
  }

  /** The stream ended: a trailing CR held back as a possible CRLF half is a line end after all. */
  flush() {
    if (this.buf.endsWith('\r')) {
      this.buf = this.buf.slice(0, -1) + '\n';
      this.feed('');
    }
  }

  /** The stream was cut: whatever was not terminated by a blank line is dropped (never dispatched half). */
  abandon() {
    this.buf = '';
    this.reset();
  }
}

export const FINAL_STATES = new Set(['succeeded', 'failed', 'canceled']);

/** Tracks status events per job; done() once every job seen is in a final state (one job or the multiplexed stream). */
export class FinalTracker {
  constructor() { this.jobs = new Map(); }
  see(name, data) {
    if (name !== 'status' || !data || typeof data !== 'object') return;
    const id = data.job_id ?? '_';
    this.jobs.set(id, FINAL_STATES.has(data.status));
  }
  done() { return this.jobs.size > 0 && [...this.jobs.values()].every(Boolean); }
}

/**
 * Reads an SSE endpoint, reconnecting after a drop with Last-Event-ID and exponential backoff.
 * @param {object} o
 * @param {(lastEventId:string|null, signal:AbortSignal) => Promise<Response>} o.open  performs the authorised fetch
 * @param {{onEvent?:Function,onOpen?:Function,onError?:Function,onEnd?:Function,isDone?:Function}} o.handlers
 * @param {(ms:number)=>Promise<void>} [o.sleep]
 * @param {number[]} [o.backoff] delays in ms, the last repeated
 * @param {(status:number, res:Response)=>Promise<Error|null>} [o.failure] turns a non-2xx response into an error; return
 *        an error with retry=true (and retryAfter seconds) to retry, anything else stops the stream
 * @returns {{close():void, done:Promise<void>}}
 */
export function readEventStream(o) {
  const h = o.handlers || {};
  const sleep = o.sleep || ((ms) => new Promise((r) => setTimeout(r, ms)));
  const backoff = o.backoff || [500, 1000, 2000, 4000, 8000, 15000];
  const tracker = new FinalTracker();
  const seen = new Set(); // explicit event ids already handed on: a replay after a reconnect is not repeated
  let closed = false;
  let controller = null;
  let lastId = null;
  let failures = 0;

  const parser = new SseParser((name, data, id) => {
    if (id != null && id !== '') {
      if (seen.has(id)) return;
      seen.add(id);
      if (seen.size > 5000) seen.delete(seen.values().next().value);
      lastId = id;
    }
    tracker.see(name, data);
    if (!closed) h.onEvent?.(name, data, id);
  });

  const finished = () => (h.isDone ? h.isDone() : tracker.done());

  async function run() {
    while (!closed) {
      controller = new AbortController();
      let retryAfterMs = null;
      try {
        const res = await o.open(lastId, controller.signal);
        if (!res.ok) {
          const err = o.failure ? await o.failure(res.status, res) : Object.assign(new Error(`HTTP ${res.status}`), { status: res.status });
          if (!err || !err.retry) {
            if (!closed) h.onError?.(err, { fatal: true });
            return;
          }
          if (err.retryAfter != null) retryAfterMs = err.retryAfter * 1000;
          throw err;
        }
        h.onOpen?.();
        let gotData = false;
        const reader = res.body.getReader();
        const decoder = new TextDecoder();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          if (closed) { reader.cancel().catch(() => {}); return; }
          const text = decoder.decode(value, { stream: true });
          if (text) { parser.feed(text); gotData = true; }
        }
        parser.feed(decoder.decode());
        parser.flush();
        parser.abandon();
        if (gotData) failures = 0;
        if (closed) return;
        if (finished()) { h.onEnd?.(); return; }
        // ended without a final state: the connection was cut; reconnect below
      } catch (e) {
        parser.abandon();
        if (closed) return;
        if (e && (e.fatal || e.code === 'session_expired')) { h.onError?.(e, { fatal: true }); return; }
        h.onError?.(e, { fatal: false });
      }
      const delay = retryAfterMs ?? (parser.retry != null && failures === 0 ? parser.retry : backoff[Math.min(failures, backoff.length - 1)]);
      failures++;
      await sleep(delay);
    }
  }

  const done = run();
  return {
    close() {
      closed = true;
      try { controller?.abort(); } catch { /* already done */ }
    },
    done,
  };
}
