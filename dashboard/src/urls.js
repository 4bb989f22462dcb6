// Server-supplied addresses, DOM-free: only http(s) URLs become links or navigations, and the session's
// Authorization header goes only to this origin.

/** The absolute URL when `u` (resolved against `base`) is http: or https:, else null (javascript:, data:, ...). */
export function safeHttpUrl(u, base = globalThis.location?.href) {
  if (typeof u !== 'string' || !u.trim()) return null;
  try {
    const url = new URL(u, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Whether `url` goes to `origin`: relative URLs do; absolute ones when their origin matches (none known: no). */
export function isSameOrigin(url, origin = globalThis.location?.origin) {
  const s = String(url);
  if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(s)) return true; // a path on this origin
  if (!origin || origin === 'null') return false;
  try {
    return new URL(s, origin).origin === origin;
  } catch {
    return false;
  }
}
