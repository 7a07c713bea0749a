// Reads the known answers of docs/election-record.md, so that the tests and
// the page can never disagree silently.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromHex } from '../../src/election/bytes.js';

const doc = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'election-record.md'),
  'utf8',
);
const lines = doc.split('\n');

// The text of a section, from its heading to the next heading of any level.
export function section(heading) {
  const start = lines.findIndex((l) => l.startsWith('#') && l.includes(heading));
  if (start < 0) throw new Error('no section ' + heading);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('#'));
  return lines.slice(start, end < 0 ? undefined : end);
}

// `name = <hex>` on one line, or `name =` then indented lines of hex.
export function value(sectionLines, name) {
  const at = sectionLines.findIndex((l) => new RegExp('^\\s*' + name + '\\s*=').test(l));
  if (at < 0) throw new Error('no value ' + name);
  const same = sectionLines[at].match(/=\s*([0-9a-f]{16,})\b/);
  if (same) return fromHex(same[1]);
  return hexBlock(sectionLines, at + 1);
}

// The first run of indented hex lines at or after line `from`.
export function hexBlock(sectionLines, from) {
  let i = from;
  while (i < sectionLines.length && !/^\s{4}[0-9a-f]{2,}\s*$/.test(sectionLines[i])) i++;
  let hex = '';
  while (i < sectionLines.length && /^\s{4}[0-9a-f]{2,}\s*$/.test(sectionLines[i])) hex += sectionLines[i++].trim();
  if (!hex) throw new Error('no hex block after line ' + from);
  return fromHex(hex);
}

// The hex block after the line containing `marker`.
export function blockAfter(sectionLines, marker) {
  const at = sectionLines.findIndex((l) => l.includes(marker));
  if (at < 0) throw new Error('no line with ' + marker);
  return hexBlock(sectionLines, at + 1);
}

// Lines "    <hex>   comment" after `marker`, as a list of 32-byte hashes.
export function hashList(sectionLines, marker) {
  const at = sectionLines.findIndex((l) => l.includes(marker));
  if (at < 0) throw new Error('no line with ' + marker);
  const out = [];
  let i = at + 1;
  while (i < sectionLines.length && !/^\s{4}[0-9a-f]{64}\b/.test(sectionLines[i])) i++;
  while (i < sectionLines.length && /^\s{4}[0-9a-f]{64}\b/.test(sectionLines[i])) {
    out.push(fromHex(sectionLines[i++].trim().slice(0, 64)));
  }
  return out;
}
