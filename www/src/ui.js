import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from './html.js';
import { t, has } from './i18n.js';
import { hasNavigated } from './router.js';

// Words for an API failure, never its code: the code's own message when we
// have one, else the server's (it answers in the page's language, in words
// meant for residents), else one for the code's family or its HTTP status.
export function errorText(error) {
  if (!error) return '';
  const code = error.code || '';
  if (code && has('errors.' + code)) return t('errors.' + code, error.params);
  if (error.status && error.status < 500 && error.said) return error.said;
  const family = code.split('.')[0];
  if (family && has('errors.' + family + '.*')) return t('errors.' + family + '.*');
  const status = error.status || 0;
  if (has('errors.status.' + status)) return t('errors.status.' + status);
  return t('errors.generic');
}

export function ErrorBox({ error }) {
  if (!error) return null;
  return html`<p class="error" role="alert">${errorText(error)}</p>`;
}

export function Loading() {
  return html`<p class="loading" role="status" aria-live="polite"><span class="spinner" aria-hidden="true"></span>${t('common.loading')}</p>`;
}

// Loads with `load()` (an async function) whenever `deps` change; gives the
// data, the error, and a reload. The request goes out while the page
// renders, not after its first paint (an old phone paints slowly), and
// only the answer to the latest request is kept.
export function useLoad(load, deps) {
  // `n`: the request whose answer `data` or `error` is.
  const [state, setState] = useState({ data: null, error: null, n: 0 });
  const latest = useRef(0);
  const seen = useRef(null);
  const start = () => {
    const n = ++latest.current;
    load().then(
      (data) => n === latest.current && setState({ data, error: null, n }),
      (error) => n === latest.current && setState({ data: null, error, n }),
    );
  };
  if (!seen.current || seen.current.length !== deps.length || seen.current.some((d, i) => d !== deps[i])) {
    seen.current = deps;
    start();
  }
  // Answers that arrive after the page has gone are dropped.
  useEffect(() => () => {
    latest.current = -1;
  }, []);
  const reload = () => {
    start();
    setState((s) => ({ ...s, error: null }));
  };
  return { data: state.data, error: state.n === latest.current ? state.error : null,
    loading: state.n !== latest.current, reload };
}

// Whether asking again could help: the network, or the server's own
// trouble (5xx, 503 while it is busy). A 4xx answer (not found, not
// allowed, bad input) will be the same on the next try.
export function retryable(error) {
  const status = error && error.status;
  return !status || status >= 500;
}

// Where a page that cannot be shown sends its reader: its community when
// the page is one of a community's and it was refused (403), else the home
// page (a missing community cannot be gone back to).
export function wayBack(error, pathname) {
  const m = /^\/c\/(\d+)\/./.exec(pathname || '');
  if (m && error && error.status === 403) return { href: '/c/' + m[1], label: t('common.backToCommunity') };
  return { href: '/', label: t('common.backHome') };
}

// An error that stops a whole page (or a part of it): the words, and the
// one thing that helps: try again (network, server), sign in (401), or a
// way back (not found, not allowed). `back` ({ href, label }) names the
// way back when the page knows a better one than wayBack's.
//
// A page whose title comes with its content (a topic's name) has none when
// that content is missing: then the failure brings a title of its own, so
// the page still says what it is and a screen reader lands on it.
export function Failure({ error, retry, back }) {
  const ref = useRef(null);
  const [untitled, setUntitled] = useState(false);
  useEffect(() => {
    const main = ref.current && ref.current.closest('main');
    if (main && !main.querySelector('h1')) setUntitled(true);
  }, []);
  const title = error.status === 404 ? t('notFound.title')
    : error.status === 403 || error.status === 401 ? t('common.refusedTitle') : t('common.failedTitle');
  let action = null;
  if (retryable(error) && retry) {
    action = html`<button type="button" class="button secondary" onClick=${retry}>${t('common.retry')}</button>`;
  } else if (error.status === 401) {
    const here = window.location.pathname + window.location.search;
    action = html`<a class="button" href=${'/login?next=' + encodeURIComponent(here)}>${t('nav.login')}</a>`;
  } else if (error.status) {
    const way = back || wayBack(error, window.location.pathname);
    action = html`<a class="button secondary" href=${way.href}>${way.label}</a>`;
  }
  return html`<div class="failure" ref=${ref}>${untitled ? html`<${PageTitle}>${title}<//>` : null}
    <${ErrorBox} error=${error} />${action ? html`<p>${action}</p>` : null}</div>`;
}

// Shows the loading state, the error, or the content. `quiet`: another
// part of the page shows this error already (say, two lists refused for
// the same reason), so this one shows nothing instead of saying it twice.
export function Loaded({ result, children, back, quiet }) {
  if (result.loading && !result.data) return html`<${Loading} />`;
  if (result.error) return quiet ? null : html`<${Failure} error=${result.error} retry=${result.reload} back=${back} />`;
  return children(result.data);
}

// The page's title: the h1 takes the focus on each new page opened inside
// the app, so a screen reader announces it and the keyboard starts from the
// top. Not on the page the browser loaded: it starts at the top already,
// and focusing forces a layout an old phone pays for on its first paint.
export function PageTitle({ children }) {
  const ref = useRef(null);
  useEffect(() => {
    if (ref.current && hasNavigated()) ref.current.focus({ preventScroll: true });
    document.title = (ref.current ? ref.current.textContent + ' · ' : '') + t('app.name');
  }, [typeof children === 'string' ? children : '']);
  return html`<h1 tabindex="-1" ref=${ref}>${children}</h1>`;
}

// A person's name with the role they acted in, once: a name that says it
// already (「李建国（友谊一村居委）」) is not followed by 「（居委会）」 again.
// Brackets as the language writes them (full-width in Chinese).
export function nameWithRole(name, role) {
  if (!role) return name;
  const label = t('roles.' + role);
  const said = (name || '').toLowerCase();
  if (said.includes(label.toLowerCase()) || (role === 'committee' && said.includes(t('roles.committeeShort').toLowerCase()))) return name;
  return t('common.withRole', { name, role: label });
}

export function StateBadge({ state }) {
  return html`<span class=${'badge state-' + state}>${t('states.' + state)}</span>`;
}

export function OverdueBadges({ overdue }) {
  if (!overdue || overdue.length === 0) return null;
  return overdue.map((o) => html`<span class="badge overdue">${t('overdue.' + o)}</span>`);
}

// A form's submit: runs `action`, shows its error, keeps the button busy.
export function useSubmit(action) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const submit = async (event) => {
    if (event) event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit, setError };
}

let nextId = 0;
export function useId(prefix) {
  const ref = useRef(null);
  if (ref.current === null) ref.current = prefix + '-' + ++nextId;
  return ref.current;
}

export function Field({ label, hint, children, id }) {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${hint ? html`<p class="hint" id=${id + '-hint'}>${hint}</p>` : null}
    ${children}
  </div>`;
}

// Under a text field with a limit: how many characters are left, once the
// text comes near it (the browser silently drops what goes past maxlength,
// a pasted letter included), so nobody loses words without knowing.
export function CharCount({ id, value, max }) {
  const n = [...(value || '')].length;
  const near = n >= max * 0.8;
  return html`<p id=${id} class=${'hint count' + (n >= max ? ' full' : '')} aria-live="polite">
    ${!near ? '' : n >= max ? t('common.charsFull', { max }) : t('common.charsLeft', { n: max - n, max })}</p>`;
}

// A form opened by a button that it replaces: the keyboard's focus goes to
// its first field instead of being lost with the button.
export function useFocusFirst() {
  const ref = useRef(null);
  useEffect(() => {
    const first = ref.current && ref.current.querySelector('input:not([type=radio]):not([type=checkbox]), textarea, select');
    if (first) first.focus();
  }, []);
  return ref;
}

// A short form asking for a reason (or another required text) before an
// action: hide a comment, escalate, resolve, correct an expense.
// `requiredCode` names the error shown when it is left empty.
export function ReasonForm({ label, hint, submitLabel, onSubmit, onCancel, requiredCode, danger, rows = 3, maxLength = 500, children }) {
  const [text, setText] = useState('');
  const id = useId('why');
  const form = useFocusFirst();
  const { busy, error, submit, setError } = useSubmit(async () => {
    if (requiredCode && !text.trim()) {
      setError({ code: requiredCode });
      return;
    }
    await onSubmit(text.trim());
  });
  return html`<form class="form panel" ref=${form} onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    ${children}
    <${Field} label=${label} hint=${hint} id=${id}>
      <textarea id=${id} rows=${rows} maxlength=${maxLength} required=${!!requiredCode}
        aria-describedby=${(hint ? id + '-hint ' : '') + id + '-count'} value=${text}
        onInput=${(e) => setText(e.currentTarget.value)}></textarea>
      <${CharCount} id=${id + '-count'} value=${text} max=${Number(maxLength)} />
    <//>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${submitLabel} onCancel=${onCancel} danger=${danger} />
  </form>`;
}

// A form's submit button (saying it works while `busy`) and, with
// `onCancel`, its cancel button.
export function FormActions({ busy, label, onCancel, danger }) {
  return html`<div class="actions">
    <button class=${danger ? 'button danger' : 'button'} type="submit" disabled=${busy}>
      ${busy ? t('common.working') : label}</button>
    ${onCancel ? html`<button class="button secondary" type="button" onClick=${onCancel}>${t('common.cancel')}</button>` : null}
  </div>`;
}

// A page only officials use: asks a visitor to log in first.
export function SignInFirst({ title, next }) {
  return html`<section><${PageTitle}>${title}<//>
    <p>${t('common.signInFirst')}</p>
    <p><a class="button" href=${'/login?next=' + encodeURIComponent(next)}>${t('nav.login')}</a></p></section>`;
}

// A button that opens a form in its place; children(close) is the form,
// which closes itself when done or cancelled.
export function Toggle({ label, secondary, children }) {
  const [open, setOpen] = useState(false);
  if (open) return children(() => setOpen(false));
  return html`<p><button type="button" class=${secondary ? 'button secondary' : 'button'} onClick=${() => setOpen(true)}>
    ${label}</button></p>`;
}
