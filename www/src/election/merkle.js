// The board's Merkle log (docs/election-record.md 4.1–4.4, RFC 9162 with
// SHA-256): leaf and node hashes, and the verification of inclusion and
// consistency proofs. Sizes and indexes are numbers below 2^53.
import { sha256 } from '@noble/hashes/sha2.js';
import { concat, equalBytes } from './bytes.js';

export const leafHash = (entry) => sha256(concat(Uint8Array.of(0), entry));
export const nodeHash = (l, r) => sha256(concat(Uint8Array.of(1), l, r));

// Halving of sizes as unsigned integers (numbers up to 2^53 are exact).
const half = (n) => Math.floor(n / 2);
const odd = (n) => n % 2 === 1;

// MTH(D[0:n]) of entries given as byte strings (for tests and small trees).
export function merkleRoot(entries) {
  if (entries.length === 0) return sha256(new Uint8Array(0));
  if (entries.length === 1) return leafHash(entries[0]);
  let k = 1;
  while (k * 2 < entries.length) k *= 2;
  return nodeHash(merkleRoot(entries.slice(0, k)), merkleRoot(entries.slice(k)));
}

// 4.3: leaf hash h at index m in the tree of size n with root `root`.
export function verifyInclusion(h, m, n, root, proof) {
  if (!(m < n) || proof.some((p) => p.length !== 32) || h.length !== 32) return false;
  let fn = m;
  let sn = n - 1;
  let x = h;
  for (const p of proof) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      x = nodeHash(p, x);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      x = nodeHash(x, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equalBytes(x, root);
}

// 4.4: the tree (n, r2) extends the tree (m, r1).
export function verifyConsistency(m, n, r1, r2, proof) {
  if (m === 0 || m > n || proof.some((p) => p.length !== 32)) return false;
  if (m === n) return proof.length === 0 && equalBytes(r1, r2);
  if (proof.length === 0) return false;
  const list = isPowerOfTwo(m) ? [r1, ...proof] : proof;
  let fn = m - 1;
  let sn = n - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = list[0];
  let sr = list[0];
  for (const c of list.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return equalBytes(fr, r1) && equalBytes(sr, r2) && sn === 0;
}

function isPowerOfTwo(m) {
  while (m > 1) {
    if (odd(m)) return false;
    m = half(m);
  }
  return m === 1;
}
