// Byte strings of the election record (docs/election-record.md 1.5, 5.1):
// hex as the API sends it, and the length-prefixed frame, written and read.

export function toHex(bytes) {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

// Lower-case hex only, an even number of digits: anything else is refused,
// so that one string means one byte string.
export function fromHex(text) {
  if (typeof text !== 'string' || text.length % 2 !== 0 || !/^[0-9a-f]*$/.test(text)) {
    throw new Error('not lower-case hex');
  }
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function equalBytes(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

export const utf8 = (text) => new TextEncoder().encode(text);

// bytes(x): 4-byte big-endian length, then x.
export function bytesField(x) {
  const out = new Uint8Array(4 + x.length);
  new DataView(out.buffer).setUint32(0, x.length);
  out.set(x, 4);
  return out;
}

// int64(n): 8 bytes, big-endian two's complement.
export function int64Field(n) {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigInt64(0, BigInt(n));
  return out;
}

// frame(tag, f_1, …, f_n): the tag as a bytes field, then the fields, each
// already encoded by bytesField or int64Field.
export function frame(tag, ...fields) {
  return concat(bytesField(utf8(tag)), ...fields);
}

// Reads a frame field by field; every method throws on bytes that do not
// read as asked (a field cut short, a wrong length, a wrong tag).
export class FrameReader {
  constructor(bytes) {
    this.data = bytes;
    this.at = 0;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  bytes(expectedLength) {
    if (this.at + 4 > this.data.length) throw new Error('a field is cut short');
    const n = this.view.getUint32(this.at);
    if (this.at + 4 + n > this.data.length) throw new Error('a field is cut short');
    if (expectedLength !== undefined && n !== expectedLength) throw new Error('a field has the wrong length');
    const out = this.data.subarray(this.at + 4, this.at + 4 + n);
    this.at += 4 + n;
    return out;
  }

  text(maxLength) {
    const b = this.bytes();
    if (maxLength !== undefined && b.length > maxLength) throw new Error('a text field is too long');
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  }

  // A number: exact for the values the record holds (below 2^53).
  int64() {
    if (this.at + 8 > this.data.length) throw new Error('a field is cut short');
    const n = this.view.getBigInt64(this.at);
    this.at += 8;
    if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) throw new Error('a number is too large');
    return Number(n);
  }

  tag(expected) {
    if (this.text() !== expected) throw new Error('not a ' + expected + ' message');
  }

  // The bytes read so far (P of a signed message, before its signature).
  consumed() {
    return this.data.subarray(0, this.at);
  }

  end() {
    if (this.at !== this.data.length) throw new Error('bytes after the last field');
  }
}
