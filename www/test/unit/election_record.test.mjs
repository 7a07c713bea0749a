// The browser's election messages and log checks against the worked
// example of a whole record (docs/election-record.md section 8) and the
// Merkle known answers (4.6), byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromHex, toHex } from '../../src/election/bytes.js';
import {
  ballotHash, ballotMessage, checkTreeHead, electionId, enrollMessage, entryBytes, publicKeyOf, readManifest,
  trackingCode,
} from '../../src/election/messages.js';
import { leafHash, merkleRoot, nodeHash, verifyConsistency, verifyInclusion } from '../../src/election/merkle.js';
import { hashList, section, value } from './spec_values.mjs';

const s8 = section('8. Worked example');
const seed = fromHex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
const manifest = value(s8, 'manifest');
const eid = value(s8, 'EID');
const opensAt = 1767225600000;

test('8: the manifest reads, and its election id is the spec\'s', () => {
  assert.equal(toHex(electionId(manifest)), toHex(eid));
  const m = readManifest(manifest);
  assert.equal(m.title, 'Amend rule 3 of the dog-keeping convention');
  assert.deepEqual(m.options.map((o) => o.label), ['yes', 'no', 'abstain']);
  assert.deepEqual([m.min, m.max, m.opensAt, m.quorum, m.demo], [1, 1, opensAt, 1, 1]);
  assert.equal(toHex(m.boardPk), toHex(value(s8, 'board_pk')));
  assert.equal(toHex(publicKeyOf(new Uint8Array(32).fill(0x33))), toHex(m.boardPk));
  assert.throws(() => readManifest(manifest.subarray(0, manifest.length - 1)), 'cut short');
});

test('8: the enrollment message', () => {
  assert.equal(toHex(enrollMessage(eid, seed)), toHex(value(s8, 'enroll')));
});

const nonces = [1000, 2001, 2002, 2003, 1001, 2011, 2012, 2013, 1002, 2021, 2022, 2023, 3001];
const ballot = ballotMessage({
  eid, Y: value(s8, 'Y'), seed, selections: [1, 0, 0], min: 1, max: 1,
  draw: ((list) => () => BigInt(list.shift()))([...nonces]),
});

test('8: the ballot message with the spec\'s nonces, its hash and tracking code', () => {
  assert.equal(toHex(ballot), toHex(value(s8, 'ballot')));
  const hash = ballotHash(ballot);
  assert.equal(toHex(hash), toHex(value(s8, 'ballot_hash')));
  const code = s8.find((l) => l.startsWith('tracking code')).split(' ').pop();
  assert.equal(trackingCode(hash), code);
});

test('8: the entry of the ballot and the leaf hashes', () => {
  const entry = entryBytes(eid, opensAt + 7000, ballot);
  const prefix = value(s8, 'D_7_prefix');
  assert.equal(toHex(entry.subarray(0, prefix.length)), toHex(prefix));
  assert.equal(toHex(leafHash(entry)), toHex(value(s8, 'LH_D_7')));
  assert.equal(toHex(leafHash(manifest)), toHex(value(s8, 'LH_D_0')));
  assert.equal(toHex(nodeHash(value(s8, 'LH_D_0'), value(s8, 'LH_D_1'))), toHex(value(s8, 'root_2')));
});

test('8: the signed head of eight entries checks; another key, election or one bit changed does not', () => {
  const sth = value(s8, 'sth_8');
  const boardPk = value(s8, 'board_pk');
  const head = checkTreeHead(sth, eid, boardPk);
  assert.deepEqual([head.size, toHex(head.root), head.at], [8, toHex(value(s8, 'root_8')), opensAt + 8000]);
  assert.throws(() => checkTreeHead(sth, eid, publicKeyOf(seed)));
  const otherEid = eid.slice();
  otherEid[0] ^= 1;
  assert.throws(() => checkTreeHead(sth, otherEid, boardPk));
  const bent = sth.slice();
  bent[60] ^= 1;
  assert.throws(() => checkTreeHead(bent, eid, boardPk));
});

test('a ballot outside min..max is not made', () => {
  assert.throws(() => ballotMessage({ eid, Y: value(s8, 'Y'), seed, selections: [1, 1, 0], min: 1, max: 1 }));
  assert.throws(() => ballotMessage({ eid, Y: value(s8, 'Y'), seed, selections: [0, 0, 0], min: 1, max: 1 }));
});

// 4.6: the RFC 6962 vectors.
const s46 = section('4.6 Known answers');
const D = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(fromHex);
const roots = s46.filter((l) => /^\s{4}\d\s+[0-9a-f]{64}$/.test(l)).map((l) => fromHex(l.trim().split(/\s+/)[1]));
const root = (n) => roots[n];

test('4.6: the roots of every size', () => {
  for (let n = 0; n <= 8; n++) assert.equal(toHex(merkleRoot(D.slice(0, n))), toHex(root(n)), 'size ' + n);
});

test('4.6: inclusion proofs verify, and fail with another index, root, size or a bit changed', () => {
  const p0 = hashList(s46, 'Inclusion of entry 0 in size 8');
  assert.equal(verifyInclusion(leafHash(D[0]), 0, 8, root(8), p0), true);
  assert.equal(verifyInclusion(leafHash(D[0]), 1, 8, root(8), p0), false);
  assert.equal(verifyInclusion(leafHash(D[0]), 0, 8, root(7), p0), false);
  assert.equal(verifyInclusion(leafHash(D[0]), 8, 8, root(8), p0), false);
  assert.equal(verifyInclusion(leafHash(D[0]), 0, 8, root(8), p0.slice(0, 2)), false);
  const p5 = hashList(s46, 'Inclusion of entry 5');
  assert.equal(verifyInclusion(leafHash(D[5]), 5, 7, root(7), p5), true);
  const bent = p5.map((h) => h.slice());
  bent[1][3] ^= 1;
  assert.equal(verifyInclusion(leafHash(D[5]), 5, 7, root(7), bent), false);
});

test('4.6: consistency proofs verify, and fail where the spec says', () => {
  const c37 = hashList(s46, 'Consistency from size 3 to size 7');
  assert.equal(verifyConsistency(3, 7, root(3), root(7), c37), true);
  assert.equal(verifyConsistency(3, 7, root(4), root(7), c37), false);
  assert.equal(verifyConsistency(3, 7, root(3), root(7), [...c37, c37[0]]), false);
  assert.equal(verifyConsistency(4, 8, root(4), root(8), [fromHex('6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4')]), true);
  const c68 = hashList(s46, 'From size 6 to size 8');
  assert.equal(verifyConsistency(6, 8, root(6), root(8), c68), true);
  assert.equal(verifyConsistency(6, 8, root(6), root(8), c68.slice(1)), false);
  assert.equal(verifyConsistency(0, 8, root(0), root(8), []), false);
  assert.equal(verifyConsistency(8, 8, root(8), root(8), []), true);
  assert.equal(verifyConsistency(8, 8, root(8), root(8), [root(1)]), false);
  assert.equal(verifyConsistency(9, 8, root(8), root(8), []), false);
});
