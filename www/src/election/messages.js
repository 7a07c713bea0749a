// The messages a voter's client makes and reads (docs/election-record.md
// 5.2, 5.3, 5.5, 5.6, 6.1, 6.3): the manifest, the enrollment, the ballot,
// its hash and tracking code, the board entry and the signed tree head.
import { ed25519 } from '@noble/curves/ed25519.js';
import { FrameReader, bytesField, concat, equalBytes, frame, int64Field } from './bytes.js';
import { Hb, pointFromBytes, pointToBytes, randomScalar } from './group.js';
import { encrypt, proveRange, vote01Prefix, votesumPrefix } from './proofs.js';

// 5.2: sig = Ed25519-Sign(sk, frame("yishi/v1/sig", bytes(P))), appended.
export function sign(P, seed) {
  const sig = ed25519.sign(frame('yishi/v1/sig', bytesField(P)), seed);
  return concat(P, bytesField(sig));
}

export function verifySignature(P, sig, publicKey) {
  try {
    return ed25519.verify(sig, frame('yishi/v1/sig', bytesField(P)), publicKey, { zip215: false });
  } catch {
    return false;
  }
}

export const publicKeyOf = (seed) => ed25519.getPublicKey(seed);

// 2.2: the election id.
export const electionId = (manifest) => Hb('yishi/v1/manifest', bytesField(manifest));

// 5.3: the manifest's fields (what a ballot needs and what people read).
export function readManifest(bytes) {
  const r = new FrameReader(bytes);
  r.tag('yishi/v1/msg/manifest');
  const m = { ref: r.text(), scope: r.text(), subject: r.text(), kind: r.text(), title: r.text(), options: [] };
  const n = r.int64();
  if (n < 1 || n > 64) throw new Error('the manifest has a wrong number of options');
  for (let i = 0; i < n; i++) m.options.push({ label: r.text(), cost: r.int64(), group: r.text() });
  Object.assign(m, { min: r.int64(), max: r.int64(), budget: r.int64(), opensAt: r.int64(), closesAt: r.int64() });
  const trustees = r.int64();
  m.quorum = r.int64();
  if (trustees < 1 || trustees > 16) throw new Error('the manifest has a wrong number of trustees');
  m.trustees = [];
  for (let j = 0; j < trustees; j++) m.trustees.push({ name: r.text(), signPk: r.bytes(32), boxPk: r.bytes(32) });
  m.demo = r.int64();
  m.boardPk = r.bytes(32);
  Object.assign(m, { rule: r.text(), ruleVersion: r.text(), ruleHash: r.text(), ruleParam: r.int64() });
  r.end();
  return m;
}

// 5.5: the enrollment of credential `seed`, replacing `oldPk` if given.
export function enrollMessage(eid, seed, oldPk = new Uint8Array(0)) {
  const P = frame('yishi/v1/msg/enroll', bytesField(eid), bytesField(publicKeyOf(seed)), bytesField(oldPk));
  return sign(P, seed);
}

// 5.6: the ballot for `selections` (0 or 1 per option) under election key
// `Y` (32 bytes). `draw` gives the secret scalars (3.2, in the order of the
// spec's section 8); by default fresh random ones.
export function ballotMessage({ eid, Y, seed, selections, min, max, draw = randomScalar }) {
  const credPk = publicKeyOf(seed);
  const context = { eid, credPk };
  // A window table for Y: every option multiplies it three times.
  const key = pointFromBytes(Y, { allowIdentity: false }).precompute(8, false);
  const total = selections.reduce((n, m) => n + m, 0);
  if (selections.some((m) => m !== 0 && m !== 1)) throw new Error('a selection is 0 or 1');
  if (total < min || total > max) throw new Error('the number of selected options is out of bounds');
  const fields = [];
  let sumA = null;
  let sumB = null;
  let sumR = 0n;
  selections.forEach((m, i) => {
    const r = draw();
    const { a, b } = encrypt(key, m, r);
    const p = proveRange({ prefix: vote01Prefix(context, i, key, a, b), Y: key, a, b, lo: 0, hi: 1, m, r, draw });
    fields.push(bytesField(pointToBytes(a)), bytesField(pointToBytes(b)), bytesField(p));
    sumA = sumA ? sumA.add(a) : a;
    sumB = sumB ? sumB.add(b) : b;
    sumR += r;
  });
  let q = new Uint8Array(0);
  if (!(min === 0 && max === selections.length)) {
    q = proveRange({ prefix: votesumPrefix(context, min, max, key, sumA, sumB), Y: key, a: sumA, b: sumB,
      lo: min, hi: max, m: total, r: sumR, draw });
  }
  const P = frame('yishi/v1/msg/ballot', bytesField(eid), bytesField(credPk), ...fields, bytesField(q));
  return sign(P, seed);
}

export const ballotHash = (ballot) => Hb('yishi/v1/ballot', bytesField(ballot));

// 5.6: the first 100 bits of the hash in RFC 4648 base32, XXXX-XXXX-….
export function trackingCode(hash) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let letters = '';
  for (let i = 0; letters.length < 20; i++) {
    value = (value << 8) | hash[i];
    bits += 8;
    while (bits >= 5 && letters.length < 20) {
      letters += alphabet[(value >> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return letters.match(/.{4}/g).join('-');
}

// 6.1: the board's entry wrapping `message`, appended at `at` (ms).
export function entryBytes(eid, at, message) {
  return frame('yishi/v1/entry', bytesField(eid), int64Field(at), bytesField(message));
}

// 6.3: reads a signed tree head and checks its signature under the board's
// key and its election. Returns { size, root, at }; throws when it fails.
export function checkTreeHead(bytes, eid, boardPk) {
  const r = new FrameReader(bytes);
  r.tag('yishi/v1/sth');
  const headEid = r.bytes(32);
  const head = { size: r.int64(), root: r.bytes(32), at: r.int64() };
  const P = r.consumed();
  const sig = r.bytes(64);
  r.end();
  if (!equalBytes(headEid, eid)) throw new Error('the head is of another election');
  if (head.size < 1) throw new Error('the head is empty');
  if (!verifySignature(P, sig, boardPk)) throw new Error('the head is not signed by the board');
  return head;
}
