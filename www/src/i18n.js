import zh from './i18n/zh-CN.json';
import { getState, setState } from './store.js';

// Chinese is in the first visit; English is its own chunk, fetched when
// someone switches to it (or has chosen it before).
export const messages = { 'zh-CN': zh };

export async function loadLanguage(lang) {
  if (lang === 'en' && !messages.en) messages.en = (await import('./i18n/en.json')).default;
}

// Switches the language once its words are here.
export async function switchLanguage(lang) {
  await loadLanguage(lang);
  setState({ lang });
}

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
  const text = lookup(messages[getState().lang] || zh, key) ?? lookup(zh, key) ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

export function has(key) {
  return lookup(messages[getState().lang] || zh, key) !== undefined;
}

// A time from the API (seconds since 1970) in the community's time zone,
// Asia/Shanghai (UTC+8 all year, no summer time), in the words of the
// message files. Not Intl.DateTimeFormat: its first use with a time zone
// costs an old phone a tenth of a second, on the first page.
export function formatTime(seconds, withTime = true) {
  if (seconds == null) return '';
  const d = new Date((seconds + 8 * 3600) * 1000);
  const two = (n) => String(n).padStart(2, '0');
  const parts = {
    y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), hh: two(d.getUTCHours()), mm: two(d.getUTCMinutes()),
  };
  parts.month = t('time.months').split(',')[parts.m - 1];
  return t(withTime ? 'time.dateTime' : 'time.date', parts);
}

// Money in fen as yuan: 12000000 -> ¥120,000.00.
// Written out by hand for the same reason as times; both languages write ¥.
export function formatMoney(fen) {
  const n = Math.round(fen || 0);
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + '¥' + yuan + '.' + String(abs % 100).padStart(2, '0');
}

