// The convention page's readable diff (src/diff.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffSequences, readableDiff, tokenize } from '../../src/diff.js';

test('a line diff keeps, removes and adds lines in order', () => {
  const ops = diffSequences(['a', 'b', 'c', 'd'], ['a', 'c', 'x', 'd']);
  assert.deepEqual(ops, [[' ', 'a'], ['-', 'b'], [' ', 'c'], ['+', 'x'], [' ', 'd']]);
  assert.deepEqual(diffSequences([], ['x']), [['+', 'x']]);
  assert.deepEqual(diffSequences(['x'], []), [['-', 'x']]);
  assert.deepEqual(diffSequences(['same'], ['same']), [[' ', 'same']]);
});

test('Chinese is compared character by character, Latin and digits word by word', () => {
  assert.deepEqual(tokenize('每天7点到9点 open now'), ['每', '天', '7', '点', '到', '9', '点', ' ', 'open', ' ', 'now']);
  assert.deepEqual(tokenize(''), []);
});

test('a changed line shows what it lost and gained in place', () => {
  const rows = readableDiff('一、干湿分开\n二、每天早上7点到9点定时投放', '一、干湿分开\n二、每天早上7点到9点、晚上6点到8点投放');
  assert.equal(rows.length, 2);
  assert.deepEqual(rows[0], { op: ' ', text: '一、干湿分开' });
  assert.equal(rows[1].op, '~');
  const added = rows[1].parts.filter((p) => p.op === '+').map((p) => p.text).join('');
  const removed = rows[1].parts.filter((p) => p.op === '-').map((p) => p.text).join('');
  assert.equal(added, '、晚上6点到8点');
  assert.equal(removed, '定时');
  // Put back together, each side is its version.
  const side = (op) => rows[1].parts.filter((p) => p.op === ' ' || p.op === op).map((p) => p.text).join('');
  assert.equal(side('-'), '二、每天早上7点到9点定时投放');
  assert.equal(side('+'), '二、每天早上7点到9点、晚上6点到8点投放');
});

test('lines added or removed whole, and a line rewritten through, stay whole', () => {
  const rows = readableDiff('甲\n乙', '甲\n乙\n丙');
  assert.deepEqual(rows, [{ op: ' ', text: '甲' }, { op: ' ', text: '乙' }, { op: '+', text: '丙' }]);
  const rewritten = readableDiff('旧的规定全文', '完全不同的新内容');
  assert.deepEqual(rewritten, [{ op: '-', text: '旧的规定全文' }, { op: '+', text: '完全不同的新内容' }]);
});

test('a long text is compared quickly', () => {
  const a = Array.from({ length: 2000 }, (_, i) => '第' + i + '条：内容').join('\n');
  const b = a.replace('第1000条：内容', '第1000条：改过的内容');
  const started = performance.now();
  const rows = readableDiff(a, b);
  assert.ok(performance.now() - started < 500);
  assert.equal(rows.filter((r) => r.op !== ' ').length, 1);
});
