// What a voter's device keeps for an election: the credential's secret seed
// (the only secret kept here; the session stays in its HttpOnly cookie) and
// the receipt of the last ballot with that ballot's bytes, so that the
// device can check later that the board still holds it. Keyed by the
// election id (EID) and the person, so that two people sharing a phone keep
// apart. No crypto here: this module is part of the first visit.

const key = (kind, eid, userId) => `yishi.${kind}.${eid}.${userId}`;

function read(k) {
  try {
    return localStorage.getItem(k);
  } catch {
    return null;
  }
}

// Saving can fail (private mode, full storage): the caller says so.
function write(k, value) {
  try {
    localStorage.setItem(k, value);
    return true;
  } catch {
    return false;
  }
}

export const loadSeed = (eid, userId) => read(key('credential', eid, userId));
// The credential's public key is kept beside its seed, so that a page can
// tell without the crypto chunk whether the server's active credential
// (my_credential) is this device's: after enrolling on another device it is
// not. Seeds saved before this have no key kept: null.
export const loadPublicKey = (eid, userId) => read(key('credential-pk', eid, userId));
export const saveSeed = (eid, userId, seedHex, pkHex) =>
  write(key('credential', eid, userId), seedHex) && (!pkHex || write(key('credential-pk', eid, userId), pkHex));

export function loadReceipt(eid, userId) {
  try {
    return JSON.parse(read(key('receipt', eid, userId)) || 'null');
  } catch {
    return null;
  }
}
export const saveReceipt = (eid, userId, saved) => write(key('receipt', eid, userId), JSON.stringify(saved));
