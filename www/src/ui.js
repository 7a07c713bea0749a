import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from './html.js';
import { t, has } from './i18n.js';

// Words for an API failure, never its code: the code's own message when we
// have one, else one for its HTTP status.
export function errorText(error) {
  if (!error) return '';
  const code = error.code || '';
  if (code && has('errors.' + code)) return t('errors.' + code);
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
// data, the error, and a reload.
export function useLoad(load, deps) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const counter = useRef(0);
  const run = () => {
    const n = ++counter.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then(
      (data) => n === counter.current && setState({ data, error: null, loading: false }),
      (error) => n === counter.current && setState({ data: null, error, loading: false }),
    );
  };
  useEffect(run, deps);
  return { ...state, reload: run };
}

// Shows the loading state, the error, or the content.
export function Loaded({ result, children }) {
  if (result.loading && !result.data) return html`<${Loading} />`;
  if (result.error) {
    return html`<div><${ErrorBox} error=${result.error} />
      <button type="button" class="button secondary" onClick=${result.reload}>${t('common.retry')}</button></div>`;
  }
  return children(result.data);
}

// The page's title: the h1 takes the focus on each new page, so a screen
// reader announces it and the keyboard starts from the top.
export function PageTitle({ children }) {
  const ref = useRef(null);
  useEffect(() => {
    if (ref.current) ref.current.focus({ preventScroll: true });
    document.title = (ref.current ? ref.current.textContent + ' · ' : '') + t('app.name');
  }, [typeof children === 'string' ? children : '']);
  return html`<h1 tabindex="-1" ref=${ref}>${children}</h1>`;
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
