// The browser's election crypto (www/src/election) against the worked
// examples of docs/election-record.md 3.8 and 1.3–1.5, byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesField, frame, fromHex, int64Field, toHex, utf8 } from '../../src/election/bytes.js';
import { G, Hb, Hs, mulG, pointFromBytes, pointToBytes, scalarFromBytes, scalarToBytes } from '../../src/election/group.js';
import { encrypt, proveRange, verifyRange, vote01Prefix, votesumPrefix } from '../../src/election/proofs.js';
import { publicKeyOf } from '../../src/election/messages.js';
import { blockAfter, section, value } from './spec_values.mjs';

const s38 = section('3.8 Worked example');
const fixed = (...nonces) => {
  const list = nonces.map(BigInt);
  return () => {
    if (list.length === 0) throw new Error('more nonces drawn than the example lists');
    return list.shift();
  };
};

test('1.5: the frame of the example is its 19 bytes', () => {
  assert.equal(toHex(frame('t', bytesField(utf8('ab')), int64Field(-2))), '000000017400000002616' + '2fffffffffffffffe');
});

test('3.8: Hb and Hs of the test frame', () => {
  const fields = [bytesField(utf8('abc')), int64Field(7)];
  assert.equal(toHex(frame('yishi/v1/test', ...fields)), toHex(blockAfter(s38, 'Hb and Hs of a frame')));
  assert.equal(toHex(Hb('yishi/v1/test', ...fields)), toHex(value(s38, 'Hb')));
  assert.equal(toHex(scalarToBytes(Hs('yishi/v1/test', ...fields))), toHex(value(s38, 'Hs')));
});

test('1.3 and 1.4: L and s + L are refused, bit 255 of a point is refused, G encodes as the spec says', () => {
  assert.throws(() => scalarFromBytes(fromHex('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010')));
  const lMinus1 = fromHex('ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010');
  assert.equal(toHex(scalarToBytes(scalarFromBytes(lMinus1))), toHex(lMinus1));
  assert.equal(toHex(pointToBytes(G)), 'e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76');
  const high = pointToBytes(G);
  high[31] |= 0x80;
  assert.throws(() => pointFromBytes(high));
  assert.throws(() => pointFromBytes(new Uint8Array(32), { allowIdentity: false }));
  assert.equal(pointFromBytes(new Uint8Array(32)).is0(), true);
});

const eid = value(s38, 'EID');
const credPk = value(s38, 'cred_pk');
const Y = mulG(7n);
const { a, b } = encrypt(Y, 1, 1000n);

test('3.8: the credential key, Y = 7·G and the ciphertext of m = 1, r = 1000', () => {
  assert.equal(toHex(publicKeyOf(fromHex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'))), toHex(credPk));
  assert.equal(toHex(pointToBytes(Y)), toHex(value(s38, 'x = 7,  Y = x·G')));
  assert.equal(toHex(pointToBytes(a)), toHex(value(s38, 'a')));
  assert.equal(toHex(pointToBytes(b)), toHex(value(s38, 'b')));
});

test('3.8: the vote01 proof with the fixed nonces, and it verifies; one bit changed does not', () => {
  const prefix = vote01Prefix({ eid, credPk }, 2, Y, a, b);
  const proof = proveRange({ prefix, Y, a, b, lo: 0, hi: 1, m: 1, r: 1000n, draw: fixed(2001, 2002, 2003) });
  assert.equal(toHex(proof), toHex(blockAfter(s38, 'The proof (')));
  assert.equal(verifyRange({ prefix, Y, a, b, lo: 0, hi: 1, proof }), true);
  const other = vote01Prefix({ eid, credPk }, 1, Y, a, b);
  assert.equal(verifyRange({ prefix: other, Y, a, b, lo: 0, hi: 1, proof }), false, 'another option index');
  const bent = proof.slice();
  bent[70] ^= 1;
  assert.equal(verifyRange({ prefix, Y, a, b, lo: 0, hi: 1, proof: bent }), false);
});

test('3.8: the votesum proof over 0..2 with the fixed nonces', () => {
  const prefix = votesumPrefix({ eid, credPk }, 0, 2, Y, a, b);
  const proof = proveRange({ prefix, Y, a, b, lo: 0, hi: 2, m: 1, r: 1000n,
    draw: fixed(3001, 3002, 3003, 3004, 3005) });
  assert.equal(toHex(proof), toHex(blockAfter(s38, '**votesum** over the same')));
  assert.equal(verifyRange({ prefix, Y, a, b, lo: 0, hi: 2, proof }), true);
});

test('a prover cannot prove a vote outside its range', () => {
  const { a: a2, b: b2 } = encrypt(Y, 2, 5n);
  const prefix = vote01Prefix({ eid, credPk }, 0, Y, a2, b2);
  assert.throws(() => proveRange({ prefix, Y, a: a2, b: b2, lo: 0, hi: 1, m: 2, r: 5n, draw: fixed(1, 2, 3) }));
  // Claiming m = 1 for an encryption of 2 gives a proof that fails.
  const proof = proveRange({ prefix, Y, a: a2, b: b2, lo: 0, hi: 1, m: 1, r: 5n, draw: fixed(11, 12, 13) });
  assert.equal(verifyRange({ prefix, Y, a: a2, b: b2, lo: 0, hi: 1, proof }), false);
});
