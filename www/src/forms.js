// What people type into forms, read as the API wants it: dates and times
// of the community, money in yuan, trustees' keys. No imports, so that the
// unit tests read it directly.

// Dates and times typed in forms are the community's (Asia/Shanghai, UTC+8
// all year). `day` is YYYY-MM-DD, `time` HH:MM; null when either is not one.
export function shanghaiSeconds(day, time = '00:00') {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day || '');
  const h = /^(\d{2}):(\d{2})$/.exec(time || '');
  if (!d || !h) return null;
  const utc = new Date(Date.UTC(+d[1], +d[2] - 1, +d[3], +h[1], +h[2]));
  // 2026-02-30 or 25:00 would roll over into another day: not a date.
  if (utc.getUTCDate() !== +d[3] || utc.getUTCHours() !== +h[1] || utc.getUTCMinutes() !== +h[2]) return null;
  return Math.floor(utc.getTime() / 1000) - 8 * 3600;
}

// The YYYY-MM-DD and HH:MM of `seconds` in Asia/Shanghai (for a form's defaults).
export function shanghaiParts(seconds) {
  const iso = new Date(seconds * 1000 + 8 * 3600 * 1000).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

// Full-width digits and signs as a Chinese keyboard may type them ("１０",
// "１２．５") in their ASCII form; everything else as it is.
export function halfWidth(text) {
  return String(text == null ? '' : text)
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

// A whole number as typed (full-width digits too) between min and max, or null.
export function wholeNumber(text, min, max) {
  const clean = halfWidth(text).trim();
  if (!/^\d+$/.test(clean)) return null;
  const n = Number(clean);
  return n >= min && n <= max ? n : null;
}

// Yuan as typed ("1,200.5", "1200") into fen, or null when it is not an amount.
export function yuanToFen(text) {
  const clean = halfWidth(text).replace(/[,，\s]/g, '').replace(/^[¥￥]/, '');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  const [whole, part = ''] = clean.split('.');
  return Number(whole) * 100 + Number((part + '00').slice(0, 2));
}

// One trustee a line: a name, then the sign_pk and box_pk that
// `yishi trustee keygen` printed (64 hex digits each). Null when a line is
// not that.
export function parseTrustees(text) {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return null;
  const out = [];
  for (const line of lines) {
    const parts = line.replace(/\b(sign_pk|box_pk)\b/g, ' ').split(/\s+/).filter(Boolean);
    if (parts.length < 3) return null;
    const [sign, box] = parts.slice(-2).map((p) => p.toLowerCase());
    if (!/^[0-9a-f]{64}$/.test(sign) || !/^[0-9a-f]{64}$/.test(box)) return null;
    out.push({ name: parts.slice(0, -2).join(' '), sign_pk: sign, box_pk: box });
  }
  return out;
}

// A poll question's options as typed, one a line: blank lines and the
// spaces around each option dropped.
export function optionLines(text) {
  return String(text || '').split('\n').map((l) => l.trim()).filter(Boolean);
}

// Minutes of the day (0..1439) as HH:MM, and back (null when not a time).
export function minutesToTime(minutes) {
  const m = ((Number(minutes) % 1440) + 1440) % 1440;
  return String(Math.floor(m / 60)).padStart(2, '0') + ':' + String(m % 60).padStart(2, '0');
}

export function timeToMinutes(text) {
  const h = /^(\d{1,2}):(\d{2})$/.exec(String(text || '').trim());
  if (!h || +h[1] > 23 || +h[2] > 59) return null;
  return +h[1] * 60 + +h[2];
}
