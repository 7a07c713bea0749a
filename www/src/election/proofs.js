// Exponential ElGamal and the disjunctive Chaum–Pedersen proofs vote01 and
// votesum (docs/election-record.md 3.3, 3.6), prover and verifier.
//
// `draw` gives the secret scalars in the order the spec lists them (3.6:
// w, then c_j and z_j for each simulated j ascending); in use it is
// randomScalar, in the tests a list of fixed nonces.
import { bytesField, concat, int64Field } from './bytes.js';
import {
  G, Hs, O, addScalars, mul, mulG, mulScalars, pointToBytes, scalarFromBytes, scalarToBytes, subScalars,
} from './group.js';

// 3.3: a = r·G, b = r·Y + m·G.
export function encrypt(Y, m, r) {
  return { a: mulG(r), b: mul(Y, r).add(mulG(BigInt(m), { secret: false })) };
}

// The commitments of branch j: A_j = z·G + c·a, B_j = z·Y + c·(b − j·G).
function commitments(Y, a, b, j, c, z, secret) {
  const opt = { secret };
  const shifted = b.subtract(mulG(BigInt(j), { secret: false }));
  return [mulG(z, opt).add(mul(a, c, opt)), mul(Y, z, opt).add(mul(shifted, c, opt))];
}

function challenge(prefix, commits) {
  const [tag, ...fields] = prefix;
  return Hs(tag, ...fields, ...commits.flatMap(([A, B]) => [bytesField(pointToBytes(A)), bytesField(pointToBytes(B))]));
}

// The statement's fields before the commitments (2.3): the tag, then frame
// fields. `context` is { eid, credPk } (32 bytes each).
export function vote01Prefix({ eid, credPk }, i, Y, a, b) {
  return ['yishi/v1/vote01', bytesField(eid), bytesField(credPk), int64Field(i), bytesField(pointToBytes(Y)),
    bytesField(pointToBytes(a)), bytesField(pointToBytes(b))];
}

export function votesumPrefix({ eid, credPk }, min, max, Y, A, B) {
  return ['yishi/v1/votesum', bytesField(eid), bytesField(credPk), int64Field(min), int64Field(max),
    bytesField(pointToBytes(Y)), bytesField(pointToBytes(A)), bytesField(pointToBytes(B))];
}

// Proves that (a, b) encrypts m in lo..hi under Y with randomness r.
export function proveRange({ prefix, Y, a, b, lo, hi, m, r, draw }) {
  if (!(lo <= m && m <= hi)) throw new Error('the vote is outside its range');
  const w = draw();
  const branches = [];
  for (let j = lo; j <= hi; j++) {
    if (j === m) {
      branches.push(null);
      continue;
    }
    const c = draw();
    const z = draw();
    branches.push({ c, z, commit: commitments(Y, a, b, j, c, z, false) });
  }
  const real = m - lo;
  const commits = branches.map((br, k) => (k === real ? [mulG(w), mul(Y, w)] : br.commit));
  const c = challenge(prefix, commits);
  const others = branches.reduce((sum, br, k) => (k === real ? sum : addScalars(sum, br.c)), 0n);
  const cm = subScalars(c, others);
  branches[real] = { c: cm, z: subScalars(w, mulScalars(cm, r)) };
  return concat(...branches.flatMap((br) => [scalarToBytes(br.c), scalarToBytes(br.z)]));
}

// The verifier's side of 3.6: true iff the proof holds.
export function verifyRange({ prefix, Y, a, b, lo, hi, proof }) {
  if (proof.length !== 64 * (hi - lo + 1) || Y.is0()) return false;
  try {
    let sum = 0n;
    const commits = [];
    for (let j = lo; j <= hi; j++) {
      const at = 64 * (j - lo);
      const c = scalarFromBytes(proof.subarray(at, at + 32));
      const z = scalarFromBytes(proof.subarray(at + 32, at + 64));
      sum = addScalars(sum, c);
      commits.push(commitments(Y, a, b, j, c, z, false));
    }
    return challenge(prefix, commits) === sum;
  } catch {
    return false;
  }
}

export { G, O };
