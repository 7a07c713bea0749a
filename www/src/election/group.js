// The group (ristretto255), its scalars, and the hashes Hb and Hs
// (docs/election-record.md 1.3, 1.4, 2.1, 3.2). Points and scalars travel as
// 32 bytes; a decoder refuses every non-canonical encoding.
import { ristretto255 } from '@noble/curves/ed25519.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { frame } from './bytes.js';

export const Point = ristretto255.Point;
export const L = Point.Fn.ORDER;
export const G = Point.BASE;
export const O = Point.ZERO;

const mod = (n) => ((n % L) + L) % L;
export const addScalars = (a, b) => mod(a + b);
export const subScalars = (a, b) => mod(a - b);
export const mulScalars = (a, b) => mod(a * b);

function leToBigInt(bytes) {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]);
  return n;
}

export function scalarToBytes(s) {
  const out = new Uint8Array(32);
  let n = mod(s);
  for (let i = 0; i < 32; i++) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

// 1.3: exactly 32 bytes whose little-endian value is below L.
export function scalarFromBytes(bytes) {
  if (bytes.length !== 32) throw new Error('a scalar is 32 bytes');
  const n = leToBigInt(bytes);
  if (n >= L) throw new Error('a scalar is not canonical');
  return n;
}

export const pointToBytes = (P) => P.toBytes();

// 1.4: RFC 9496 Decode, which refuses non-canonical strings (bit 255 set
// included). `allowIdentity` false refuses O where it carries no meaning.
export function pointFromBytes(bytes, { allowIdentity = true } = {}) {
  if (bytes.length !== 32) throw new Error('a point is 32 bytes');
  const P = Point.fromBytes(bytes);
  if (!allowIdentity && P.is0()) throw new Error('the identity is not allowed here');
  return P;
}

// s·P with 0·P = O (3.1). `secret` scalars take the constant-time path.
export function mul(P, s, { secret = true } = {}) {
  const n = mod(s);
  if (n === 0n || P.is0()) return O;
  return secret ? P.multiply(n) : P.multiplyUnsafe(n);
}
export const mulG = (s, options) => mul(G, s, options);

// 3.2: uniform in [1, L), from 64 random bytes reduced (bias below 2^-250).
export function randomScalar() {
  const bytes = new Uint8Array(64);
  for (;;) {
    crypto.getRandomValues(bytes);
    const s = mod(leToBigInt(bytes));
    if (s !== 0n) return s;
  }
}

export function Hb(tag, ...fields) {
  return blake2b(frame(tag, ...fields), { dkLen: 32 });
}

export function Hs(tag, ...fields) {
  return mod(leToBigInt(blake2b(frame(tag, ...fields), { dkLen: 64 })));
}
