import { useEffect, useRef, useState } from 'preact/hooks';

// One small shared state (who is signed in, language, text size, online),
// with subscribers. Kept in memory only: the session lives in an HttpOnly
// cookie and its CSRF token is read again from /api/v1/me after a reload.
const state = {
  me: null,          // GET /api/v1/me, or null when nobody is signed in
  meLoaded: false,
  session: 0,        // counts logins and logouts: pages reload what the person may see
  unread: 0,         // the signed-in person's unread notifications (the header's badge)
  lang: 'zh-CN',
  largeText: false,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
};
const listeners = new Set();
let version = 0; // counts changes, so that a component can tell it missed one

export function getState() {
  return state;
}

export function setState(patch) {
  Object.assign(state, patch);
  version++;
  for (const l of listeners) l();
}

// Re-renders the calling component whenever the state changes, including a
// change made between its first render and its subscription (effects run
// after the first paint; /api/v1/me may have answered by then).
export function useStore() {
  const [, tick] = useState(0);
  const rendered = useRef(version);
  rendered.current = version;
  useEffect(() => {
    const l = () => tick((n) => n + 1);
    listeners.add(l);
    if (rendered.current !== version) l();
    return () => listeners.delete(l);
  }, []);
  return state;
}

// Settings a person chooses on this device (not secrets).
const PREFS_KEY = 'yishi.prefs';
export function loadPrefs() {
  try {
    const saved = JSON.parse(localStorage.getItem(PREFS_KEY) || '{}');
    const patch = {};
    if (saved.lang === 'en' || saved.lang === 'zh-CN') patch.lang = saved.lang;
    if (typeof saved.largeText === 'boolean') patch.largeText = saved.largeText;
    setState(patch);
  } catch {
    // Private mode or a damaged value: the defaults will do.
  }
}
export function savePrefs() {
  try {
    localStorage.setItem(PREFS_KEY, JSON.stringify({ lang: state.lang, largeText: state.largeText }));
  } catch {
    // Not saved: the choice still holds for this visit.
  }
}
