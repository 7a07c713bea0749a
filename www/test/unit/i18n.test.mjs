// The message files agree, and the code's words all come from them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');
const zh = JSON.parse(readFileSync(join(src, 'i18n', 'zh-CN.json'), 'utf8'));
const en = JSON.parse(readFileSync(join(src, 'i18n', 'en.json'), 'utf8'));

function keys(node, prefix = '') {
  return Object.entries(node).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, prefix + k + '.') : [prefix + k],
  );
}
function get(node, key) {
  return key.split('.').reduce((n, part) => (n && typeof n === 'object' ? n[part] : undefined), node);
}
function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.js') ? [path] : [];
  });
}

test('every key of zh-CN.json is in en.json and the other way round', () => {
  const zhKeys = new Set(keys(zh));
  const enKeys = new Set(keys(en));
  assert.deepEqual([...zhKeys].filter((k) => !enKeys.has(k)), [], 'missing in en.json');
  assert.deepEqual([...enKeys].filter((k) => !zhKeys.has(k)), [], 'missing in zh-CN.json');
});

test('no message is empty and both files keep the same {placeholders}', () => {
  for (const key of keys(zh)) {
    const a = get(zh, key);
    const b = get(en, key);
    assert.ok(a.trim() && b.trim(), key + ' is empty');
    const names = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
    assert.equal(names(a), names(b), key + ' has other placeholders in en.json');
  }
});

test('every literal key the code asks t() for exists', () => {
  const missing = [];
  for (const file of sources(src)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([^'$]+)'/g)) {
      if (!m[1].endsWith('.') && get(zh, m[1]) === undefined) missing.push(file.slice(src.length + 1) + ': ' + m[1]);
    }
    // Keys built from a prefix and a value: the prefix must be a group.
    for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z_.]+\.)'\s*\+/g)) {
      const group = get(zh, m[1].slice(0, -1));
      if (!group || typeof group !== 'object') missing.push(file.slice(src.length + 1) + ': ' + m[1] + '*');
    }
  }
  assert.deepEqual(missing, []);
});

test('no Chinese text is written in the code, only in the message files', () => {
  const offenders = [];
  for (const file of sources(src)) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '');
        if (/[\u3400-\u9fff]/.test(code)) offenders.push(`${file.slice(src.length + 1)}:${i + 1}`);
      });
  }
  assert.deepEqual(offenders, []);
});

test('every state, kind, stance and action the API names has words in both languages', () => {
  const names = {
    states: ['draft', 'submitted', 'screening', 'needs_revision', 'accepted', 'consultation', 'voting', 'adopted',
      'not_adopted', 'project', 'convention', 'merged', 'rejected', 'closed', 'withdrawn'],
    kinds: ['problem', 'wish', 'rule'],
    stances: ['for', 'neutral', 'against'],
    actions: ['submit', 'withdraw', 'start_screening', 'accept', 'request_revision', 'merge', 'reject', 'resubmit',
      'open_consultation', 'send_to_vote', 'close_without_vote', 'adopt', 'not_adopt', 'form_project',
      'form_convention'],
    overdue: ['first_response', 'decision', 'consultation_ended'],
  };
  for (const [group, list] of Object.entries(names)) {
    for (const n of list) {
      assert.ok(get(zh, group + '.' + n), 'zh-CN ' + group + '.' + n);
      assert.ok(get(en, group + '.' + n), 'en ' + group + '.' + n);
    }
  }
});
