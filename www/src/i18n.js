import zh from './i18n/zh-CN.json';
import en from './i18n/en.json';
import { getState } from './store.js';

export const messages = { 'zh-CN': zh, en };

function lookup(table, key) {
  let node = table;
  for (const part of key.split('.')) {
    if (node == null || typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

// The message `key` in the chosen language, with {name} replaced from
// `params`. A missing key shows the key itself (the unit test keeps both
// files complete, so this is only seen during development).
export function t(key, params) {
  const text = lookup(messages[getState().lang], key) ?? lookup(messages['zh-CN'], key) ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

export function has(key) {
  return lookup(messages[getState().lang], key) !== undefined;
}

const timeFormats = new Map();
// A time from the API (seconds since 1970) in the community's time zone.
export function formatTime(seconds, withTime = true) {
  if (seconds == null) return '';
  const lang = getState().lang;
  const k = lang + withTime;
  if (!timeFormats.has(k)) {
    timeFormats.set(
      k,
      new Intl.DateTimeFormat(lang, {
        timeZone: 'Asia/Shanghai',
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
      }),
    );
  }
  return timeFormats.get(k).format(new Date(seconds * 1000));
}

// Money in fen as yuan: 12000000 -> ¥120,000.00.
export function formatMoney(fen) {
  const lang = getState().lang;
  return new Intl.NumberFormat(lang, { style: 'currency', currency: 'CNY' }).format((fen || 0) / 100);
}
