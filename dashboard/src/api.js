// The API client: JSON calls, text, blob URLs and SSE streams against /api/v1, with the session's tokens.
// Access token in memory, refresh token in sessionStorage; a 401 triggers one refresh (concurrent 401s share it:
// refresh tokens are single-use) and one retry. DOM-free at load time: fetch and storage are looked up when used,
// or passed in (tests).
import { ApiError, errorFromResponse } from './errors.js';
import { readEventStream } from './sse.js';
import { isSameOrigin } from './urls.js';

const REFRESH_KEY = 'live.refresh_token';
const EMAIL_KEY = 'live.email';

/** sessionStorage when there is one, else an in-memory stand-in. */
function defaultStorage() {
  try {
    if (globalThis.sessionStorage) return globalThis.sessionStorage;
  } catch { /* denied */ }
  const m = new Map();
  return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k) };
}

export class Api {
  /**
   * @param {object} [o]
   * @param {string} [o.base]
   * @param {Function} [o.fetch]
   * @param {Storage} [o.storage]
   * @param {(err:ApiError)=>void} [o.onAuthLost] called once when the session cannot be refreshed
   */
  constructor(o = {}) {
    this.base = o.base ?? '/api/v1';
    this._fetch = o.fetch ?? ((...a) => globalThis.fetch(...a));
    this.storage = o.storage ?? defaultStorage();
    this.onAuthLost = o.onAuthLost ?? (() => {});
    this.accessToken = null;
    this.refreshing = null; // the refresh in flight, shared by every caller that met a 401
    this.generation = 0; // bumped when a session is cleared or a new one signs in: a refresh of an older one is dropped
    this.sleep = o.sleep;
    this.origin = o.origin ?? globalThis.location?.origin;
  }

  get refreshToken() { return this.storage.getItem(REFRESH_KEY); }
  get email() { return this.storage.getItem(EMAIL_KEY); }
  signedIn() { return Boolean(this.accessToken || this.refreshToken); }

  setSession(body) {
    this.accessToken = body.access_token;
    if (body.refresh_token) this.storage.setItem(REFRESH_KEY, body.refresh_token);
    if (body.user?.email) this.storage.setItem(EMAIL_KEY, body.user.email);
  }

  clearSession() {
    this.generation++;
    this.accessToken = null;
    this.storage.removeItem(REFRESH_KEY);
    this.storage.removeItem(EMAIL_KEY);
  }

  async login(email, password) {
    const body = await this.request('POST', '/auth/login', { email, password }, { auth: false });
    this.generation++;
    this.setSession(body);
    return body;
  }

  register(email, password) {
    return this.request('POST', '/auth/register', { email, password }, { auth: false });
  }

  async logout() {
    // a refresh in flight spends the stored refresh token and brings a new one: wait for it, then end that one
    if (this.refreshing) await this.refreshing.catch(() => {});
    const rt = this.refreshToken;
    this.clearSession();
    if (rt) {
      try { await this.request('POST', '/auth/logout', { refresh_token: rt }, { auth: false }); } catch { /* gone anyway */ }
    }
  }

  /**
   * One refresh at a time: callers that meet a 401 while one runs wait for it instead of spending the token again.
   * Only a 400 or 401 from /auth/refresh ends the session (false); offline, 429 and 5xx are temporary and thrown
   * with the session kept. A refresh that finishes after a logout (or another sign-in) stores nothing.
   */
  refresh() {
    if (!this.refreshing) {
      this.refreshing = (async () => {
        const rt = this.refreshToken;
        if (!rt) return false;
        const gen = this.generation;
        let body;
        try {
          body = await this.request('POST', '/auth/refresh', { refresh_token: rt }, { auth: false });
        } catch (e) {
          if (gen !== this.generation) return Boolean(this.accessToken);
          if (e instanceof ApiError && (e.status === 400 || e.status === 401)) {
            this.clearSession();
            return false;
          }
          throw e; // offline, rate limited, server trouble: keep the session, let the caller report it
        }
        if (gen !== this.generation) return Boolean(this.accessToken); // signed out meanwhile: never store
        this.setSession(body);
        return true;
      })().finally(() => { this.refreshing = null; });
    }
    return this.refreshing;
  }

  headers(auth, extra = {}) {
    const h = { Accept: 'application/json', ...extra };
    if (auth && this.accessToken) h.Authorization = `Bearer ${this.accessToken}`;
    return h;
  }

  /** fetch with the session: refreshes first when only a refresh token is held, and once after a 401. */
  async authFetch(path, init = {}, auth = true) {
    const url = /^https?:|^\/\//i.test(path) ? path : this.base + path;
    // the session's tokens go to this origin only: another origin's URL is fetched without them
    if (auth && !isSameOrigin(url, this.origin)) auth = false;
    const send = async () => {
      try {
        return await this._fetch(url, { ...init, headers: this.headers(auth, init.headers) });
      } catch (e) {
        if (e?.name === 'AbortError') throw e;
        throw new ApiError({ status: 0, code: 'network', message: e?.message });
      }
    };
    if (auth && !this.accessToken) {
      // a reload keeps only the refresh token: renew first; with no way to renew, the session is gone
      if (!(this.refreshToken && (await this.refresh()))) this.sessionLost();
    }
    const tokenUsed = this.accessToken;
    let res = await send();
    if (res.status === 401 && auth) {
      // a token already renewed by another caller is used as it is; otherwise one shared refresh
      const ok = this.accessToken && this.accessToken !== tokenUsed ? true : await this.refresh();
      if (ok) res = await send();
      if (res.status === 401 || !ok) this.sessionLost();
    }
    return res;
  }

  sessionLost() {
    const err = new ApiError({ status: 401, code: 'session_expired', message: 'your session has ended; sign in again' });
    this.clearSession();
    this.onAuthLost(err);
    throw err;
  }

  async request(method, path, body, { auth = true, headers = {} } = {}) {
    const init = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const res = await this.authFetch(path, init, auth);
    const text = await res.text();
    if (!res.ok) throw errorFromResponse(res.status, text, res.headers.get('Retry-After'), res.headers.get('X-Request-Id'));
    if (!text) return null;
    try {
      return JSON.parse(text);
    } catch {
      throw new ApiError({ status: res.status, code: 'bad_response', message: 'the server answered something that is not JSON' });
    }
  }

  get(path) { return this.request('GET', path); }
  post(path, body = {}) { return this.request('POST', path, body); }
  del(path) { return this.request('DELETE', path); }

  async text(path) {
    const res = await this.authFetch(path, { method: 'GET', headers: { Accept: '*/*' } });
    const text = await res.text();
    if (!res.ok) throw errorFromResponse(res.status, text, res.headers.get('Retry-After'), res.headers.get('X-Request-Id'));
    return text;
  }

  /** Fetches with the session and returns an object URL (revoke it with URL.revokeObjectURL when done). */
  async blobUrl(path) {
    const res = await this.authFetch(path, { method: 'GET', headers: { Accept: '*/*' } });
    if (!res.ok) {
      const text = await res.text();
      throw errorFromResponse(res.status, text, res.headers.get('Retry-After'), res.headers.get('X-Request-Id'));
    }
    return globalThis.URL.createObjectURL(await res.blob());
  }

  /**
   * SSE with the session's Authorization header; reconnects with Last-Event-ID after a drop, stops after the
   * server ends the stream once every job in it is final, on a refusal (4xx other than 401/429) or on close().
   * handlers: {onEvent(name, data, id), onOpen(), onError(err, {fatal}), onEnd(), isDone()}
   */
  stream(path, handlers = {}, opts = {}) {
    return readEventStream({
      handlers,
      sleep: opts.sleep ?? this.sleep,
      backoff: opts.backoff,
      open: (lastId, signal) => this.authFetch(path, {
        method: 'GET',
        signal,
        headers: { Accept: 'text/event-stream', ...(lastId ? { 'Last-Event-ID': lastId } : {}) },
      }),
      failure: async (status, res) => {
        const err = errorFromResponse(status, await res.text().catch(() => ''), res.headers.get('Retry-After'),
          res.headers.get('X-Request-Id'));
        err.retry = status === 429 || status === 503 || status === 502 || status === 504;
        return err;
      },
    });
  }
}
