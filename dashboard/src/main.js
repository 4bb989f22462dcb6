// The app shell: skip link, header with nav and sign out, the main landmark, and the hash router that renders one
// page into it (each page returns a cleanup function). A lost session saves the form and goes to #/signin.
import './styles.css';
import { Api } from './api.js';
import { h, clear, errorBox } from './dom.js';
import { errorSentence } from './errors.js';
import { startRouter, navigate, PUBLIC_PAGES } from './router.js';
import { saveFormState, restoreFormState } from './formstate.js';
import { renderSignin, renderSignup } from './pages/auth.js';
import { renderJobs } from './pages/jobs.js';
import { renderNew } from './pages/new.js';
import { renderKeys } from './pages/keys.js';
import { renderBilling } from './pages/billing.js';
import { renderJobPage, renderLiveViewBench } from './pages/job/index.js';

const RETURN_KEY = 'live.return_to';
const NOTICE_KEY = 'live.notice';
const storage = globalThis.sessionStorage;

let cleanup = () => {};
let route = null;
const main = h('main', { id: 'main', tabindex: -1 });
// the shell's error region (ctx.showError), for pages without one of their own: in the DOM only while it shows
// something and after the page (so a page's own data-test="error" region stays the first one); gone on every route
const shellError = errorBox('shell-error');

const api = new Api({
  onAuthLost: () => {
    const page = main.querySelector('[data-test="page"]');
    if (route && !PUBLIC_PAGES.has(route.name)) {
      saveFormState(storage, currentHash(), page || main);
      storage.setItem(RETURN_KEY, currentHash());
    }
    storage.setItem(NOTICE_KEY, 'Your session has ended. Sign in again to continue; what you had typed is kept.');
    navigate('#/signin');
  },
});

function currentHash() {
  return globalThis.location.hash || '#/jobs';
}

const ctx = {
  api,
  navigate,
  /** After signing in: back to where the session was lost, else to `to` or the jobs list. */
  signedIn(to = '#/jobs') {
    const back = storage.getItem(RETURN_KEY);
    storage.removeItem(RETURN_KEY);
    renderHeader();
    navigate(back || to);
  },
  /** Shows any error as a sentence in the shell's alert region (null hides it). */
  showError(err) {
    shellError.show(err == null ? null : errorSentence(err));
    if (err == null) shellError.remove();
    else if (!shellError.isConnected) main.append(shellError);
  },
  takeNotice() {
    const n = storage.getItem(NOTICE_KEY);
    storage.removeItem(NOTICE_KEY);
    return n;
  },
  /** Pages call this once their form is on screen: values saved when the session was lost come back. */
  restoreForm(root) {
    return restoreFormState(storage, currentHash(), root);
  },
};

const NAV = [
  ['jobs', '#/jobs', 'Jobs'],
  ['new', '#/new', 'New simulation'],
  ['keys', '#/keys', 'API keys'],
  ['billing', '#/billing', 'Billing'],
];
const header = h('header', { class: 'site' });

function renderHeader() {
  clear(header);
  const signed = api.signedIn();
  const links = NAV.map(([name, href, label]) => h('li', {}, h('a', { href, dataset: { test: `nav-${name}` } }, label)));
  header.append(
    h('a', { href: '#/jobs', class: 'brand' }, 'Live 2.0'),
    signed ? h('nav', { 'aria-label': 'Main' }, h('ul', {}, links)) : null,
    signed ? h('div', { class: 'account' },
      api.email ? h('span', { class: 'muted who' }, api.email) : null,
      h('button', { type: 'button', dataset: { test: 'signout' }, onclick: signOut }, 'Sign out')) : null,
  );
  markCurrent();
}

function markCurrent() {
  for (const a of header.querySelectorAll('nav a')) {
    const here = route && a.dataset.test === `nav-${route.name === 'job' ? 'jobs' : route.name}`;
    if (here) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

async function signOut() {
  await api.logout();
  storage.removeItem(RETURN_KEY);
  renderHeader();
  navigate('#/signin');
}

const PAGES = {
  signin: (el) => renderSignin(el, ctx),
  signup: (el) => renderSignup(el, ctx),
  jobs: (el) => renderJobs(el, ctx),
  job: (el, r) => renderJobPage(el, ctx, r.id),
  new: (el, r) => renderNew(el, ctx, r.params),
  keys: (el) => renderKeys(el, ctx),
  billing: (el, r) => renderBilling(el, ctx, r.params),
  bench: (el, r) => renderLiveViewBench(el, r.params),
};

const TITLES = { signin: 'Sign in', signup: 'Create an account', jobs: 'Jobs', job: 'Job', new: 'New simulation', keys: 'API keys', billing: 'Billing', bench: 'Live view benchmark' };

function onRoute(r) {
  if (!r.name) { navigate(api.signedIn() ? '#/jobs' : '#/signin'); return; }
  if (!PUBLIC_PAGES.has(r.name) && !api.signedIn()) {
    storage.setItem(RETURN_KEY, currentHash());
    navigate('#/signin');
    return;
  }
  if (PUBLIC_PAGES.has(r.name) && api.signedIn() && r.name === 'signup') { navigate('#/jobs'); return; }
  try { cleanup(); } catch { /* a page's cleanup must not stop the next page */ }
  const moved = route !== null;
  route = r;
  renderHeader();
  clear(main);
  shellError.show(null);
  const el = h('div', { class: `page page-${r.name}` });
  main.append(el);
  document.title = `${TITLES[r.name]} · Live 2.0`;
  const c = PAGES[r.name](el, r);
  cleanup = typeof c === 'function' ? c : () => {};
  if (moved && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
}

const app = document.getElementById('app');
clear(app);
app.append(h('a', { href: '#main', class: 'skip-link', onclick: (e) => { e.preventDefault(); main.focus(); } }, 'Skip to content'), header, main);
startRouter(onRoute);
