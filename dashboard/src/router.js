// Hash routes: #/signin, #/signup, #/jobs, #/jobs/<id>, #/new?from=<id>, #/keys, #/billing, #/bench/liveview?atoms=N.
// parseHash is DOM-free (tested); startRouter wires it to hashchange.

const ROUTES = [
  [/^\/signin$/, 'signin'],
  [/^\/signup$/, 'signup'],
  [/^\/jobs$/, 'jobs'],
  [/^\/jobs\/([A-Za-z0-9_-]+)$/, 'job'], // job ids: letters, digits, _ and - (no dots: no '..')
  [/^\/new$/, 'new'],
  [/^\/keys$/, 'keys'],
  [/^\/billing$/, 'billing'],
  [/^\/bench\/liveview$/, 'bench'],
];

/** '#/jobs/j_1?x=2' -> {name: 'job', id: 'j_1', params: {x: '2'}, path: '/jobs/j_1'}; unknown -> name null. */
export function parseHash(hash) {
  const h = String(hash || '').replace(/^#/, '') || '/jobs';
  const q = h.indexOf('?');
  const path = q < 0 ? h : h.slice(0, q);
  const params = Object.fromEntries(new URLSearchParams(q < 0 ? '' : h.slice(q + 1)));
  for (const [re, name] of ROUTES) {
    const m = re.exec(path);
    if (m) return { name, id: m[1] ? decodeURIComponent(m[1]) : null, params, path };
  }
  return { name: null, id: null, params, path };
}

/** Pages anyone may see; the rest need a session. */
export const PUBLIC_PAGES = new Set(['signin', 'signup']);

export function startRouter(onRoute) {
  const go = () => onRoute(parseHash(globalThis.location.hash));
  globalThis.addEventListener('hashchange', go);
  go();
  return () => globalThis.removeEventListener('hashchange', go);
}

export function navigate(hash) {
  if (globalThis.location.hash === hash) globalThis.dispatchEvent(new HashChangeEvent('hashchange'));
  else globalThis.location.hash = hash;
}
