// What the voting pages ask of the election crypto, in the page's terms
// (hex in, hex out). Loaded by a dynamic import() only on those pages.
// Every check throws an Error whose `check` names what failed, so that the
// page can say it in words.
import { fromHex, toHex } from './bytes.js';
import {
  ballotHash, ballotMessage, checkTreeHead, electionId, enrollMessage, entryBytes, publicKeyOf, readManifest,
  trackingCode,
} from './messages.js';
import { leafHash, verifyConsistency, verifyInclusion } from './merkle.js';

function fail(check, message) {
  const e = new Error(message);
  e.check = check;
  return e;
}

// The manifest the server sent is the election the page shows: its hash is
// the election id, and a ballot is built from its bounds, not the API's.
export function openManifest(election) {
  const manifest = fromHex(election.manifest);
  const eid = electionId(manifest);
  if (toHex(eid) !== election.eid) throw fail('manifest', 'the manifest does not hash to the election id');
  return { eid, manifest: readManifest(manifest) };
}

// A fresh credential (its seed, 32 random bytes) and its enrollment; with
// `oldPkHex` it replaces that key.
export function newCredential(election, oldPkHex) {
  const { eid } = openManifest(election);
  const seed = crypto.getRandomValues(new Uint8Array(32));
  const enroll = enrollMessage(eid, seed, oldPkHex ? fromHex(oldPkHex) : undefined);
  return { seedHex: toHex(seed), pkHex: toHex(publicKeyOf(seed)), enrollHex: toHex(enroll) };
}

export const publicKeyHex = (seedHex) => toHex(publicKeyOf(fromHex(seedHex)));

// Encrypts, proves and signs the ballot of `selections` (0/1 per option).
export function buildBallot(election, seedHex, selections) {
  const { eid, manifest } = openManifest(election);
  if (!election.election_key) throw fail('key', 'the election has no key yet');
  if (selections.length !== manifest.options.length) throw fail('ballot', 'one selection per option');
  const ballot = ballotMessage({
    eid, Y: fromHex(election.election_key), seed: fromHex(seedHex), selections, min: manifest.min, max: manifest.max,
  });
  const hash = ballotHash(ballot);
  return { ballotHex: toHex(ballot), hashHex: toHex(hash), trackingCode: trackingCode(hash) };
}

// 6.4: the receipt's head is signed by the board, the entry rebuilt from
// our own ballot is in that head's tree, and the hash and code are ours.
// Returns the head ({ size, root, at }, root as hex).
export function checkReceipt(election, ballotHex, receipt) {
  const { eid, manifest } = openManifest(election);
  const ballot = fromHex(ballotHex);
  const hash = ballotHash(ballot);
  if (toHex(hash) !== receipt.ballot_hash || trackingCode(hash) !== receipt.tracking_code) {
    throw fail('hash', 'the receipt names another ballot');
  }
  const head = signedHead(receipt.head, eid, manifest.boardPk);
  const leaf = leafHash(entryBytes(eid, receipt.at, ballot));
  if (!verifyInclusion(leaf, receipt.index, head.size, head.root, receipt.inclusion_proof.map(fromHex))) {
    throw fail('inclusion', 'the ballot is not in the signed tree');
  }
  return { size: head.size, root: toHex(head.root), at: head.at };
}

// A head from the API ({ bytes, size, root }): its signature, and that the
// fields the API lists beside it are the signed ones.
function signedHead(apiHead, eid, boardPk) {
  let head;
  try {
    head = checkTreeHead(fromHex(apiHead.bytes), eid, boardPk);
  } catch (e) {
    throw fail('signature', e.message);
  }
  if (head.size !== apiHead.size || toHex(head.root) !== apiHead.root) throw fail('signature', 'the head disagrees');
  return head;
}

export function checkHead(election, apiHead) {
  const { eid, manifest } = openManifest(election);
  const head = signedHead(apiHead, eid, manifest.boardPk);
  return { size: head.size, root: toHex(head.root), at: head.at };
}

// 4.4: the board at `newer` (a checked head) extends the one at `older`.
export function checkConsistency(older, newer, proofHex) {
  const ok = verifyConsistency(older.size, newer.size, fromHex(older.root), fromHex(newer.root), proofHex.map(fromHex));
  if (!ok) throw fail('consistency', 'the newer board does not extend the one of the receipt');
}

