// Fakes for node --test: a Response-like object whose body is a stream of given chunks, optionally cut mid-way.
export function sseResponse(chunks, { cutAfter = null, status = 200 } = {}) {
  const enc = new TextEncoder();
  let i = 0;
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: new Map(),
    body: {
      getReader() {
        return {
          async read() {
            if (cutAfter != null && i >= cutAfter) throw new TypeError('network error: connection reset');
            if (i >= chunks.length) return { done: true, value: undefined };
            return { done: false, value: enc.encode(chunks[i++]) };
          },
          async cancel() {},
        };
      },
    },
    async text() { return chunks.join(''); },
  };
}

export function jsonResponse(status, body, headers = {}) {
  const h = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (k) => h.get(k.toLowerCase()) ?? null },
    async text() { return body == null ? '' : JSON.stringify(body); },
  };
}

export function memoryStorage() {
  const m = new Map();
  return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k) };
}
