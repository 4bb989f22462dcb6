// Sign in and sign up. Sign up registers, then signs in and goes to #/jobs.
import { h, errorBox, markPage, nextId } from '../dom.js';
import { errorSentence } from '../errors.js';

function credentialsForm({ title, submitLabel, passwordHint, autocomplete, onSubmit, switchLink, notice }) {
  const err = errorBox();
  const emailId = nextId('email');
  const pwId = nextId('password');
  const hintId = nextId('hint');
  const email = h('input', { id: emailId, type: 'email', name: 'email', required: true, autocomplete: 'email', dataset: { test: 'email' } });
  const password = h('input', {
    id: pwId, type: 'password', name: 'password', required: true, autocomplete, minlength: passwordHint ? 10 : null,
    maxlength: 200, 'aria-describedby': passwordHint ? hintId : null, dataset: { test: 'password' },
  });
  const submit = h('button', { type: 'submit', class: 'primary', dataset: { test: 'submit' } }, submitLabel);
  const form = h('form', { class: 'card narrow', novalidate: true },
    h('h1', {}, title),
    notice ? h('p', { class: 'notice', role: 'status', dataset: { test: 'notice' } }, notice) : null,
    err,
    h('div', { class: 'field' }, h('label', { for: emailId }, 'Email'), email),
    h('div', { class: 'field' }, h('label', { for: pwId }, 'Password'), password,
      passwordHint ? h('p', { id: hintId, class: 'hint' }, passwordHint) : null),
    h('div', { class: 'actions' }, submit),
    switchLink);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!email.value.trim() || !password.value) {
      err.show('Enter your email address and password.');
      (email.value.trim() ? password : email).focus();
      return;
    }
    submit.disabled = true;
    err.show(null);
    try {
      await onSubmit(email.value.trim(), password.value);
    } catch (e) {
      err.show(errorSentence(e));
      submit.disabled = false;
      password.focus();
    }
  });
  return { form, email };
}

export function renderSignin(el, ctx) {
  const { form, email } = credentialsForm({
    title: 'Sign in',
    submitLabel: 'Sign in',
    autocomplete: 'current-password',
    notice: ctx.takeNotice(),
    switchLink: h('p', {}, 'No account yet? ', h('a', { href: '#/signup', dataset: { test: 'to-signup' } }, 'Create one')),
    onSubmit: async (em, pw) => {
      await ctx.api.login(em, pw);
      ctx.signedIn();
    },
  });
  el.append(form);
  markPage(el, 'signin');
  email.focus();
  return () => {};
}

export function renderSignup(el, ctx) {
  const { form, email } = credentialsForm({
    title: 'Create an account',
    submitLabel: 'Create account',
    autocomplete: 'new-password',
    passwordHint: 'At least 10 characters.',
    switchLink: h('p', {}, 'Already have an account? ', h('a', { href: '#/signin', dataset: { test: 'to-signin' } }, 'Sign in')),
    onSubmit: async (em, pw) => {
      await ctx.api.register(em, pw);
      await ctx.api.login(em, pw);
      ctx.signedIn('#/jobs');
    },
  });
  el.append(form);
  markPage(el, 'signup');
  email.focus();
  return () => {};
}
