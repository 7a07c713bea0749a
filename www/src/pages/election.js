import { html } from '../html.js';
import { t, formatMoney, formatTime } from '../i18n.js';
import { api, standing } from '../api.js';
import { useStore } from '../store.js';
import { navigate } from '../router.js';
import { ErrorBox, Loaded, Loading, PageTitle, useLoad, useSubmit } from '../ui.js';
import { loadPublicKey, loadReceipt, loadSeed, saveSeed } from '../election/device.js';
import { Bounds, DemoNotice, loadCrypto, PhaseBadge, Results, TrackingCode, Window } from './election_parts.js';

// An election: what it decides, its window and phase, the resident's next
// step (enroll on this device, vote, check the ballot), and the results.
export function ElectionPage({ params }) {
  const id = params.id;
  const s = useStore();
  const election = useLoad(() => api('GET', `/elections/${id}`), [id, s.session]);
  return html`<article>
    <${Loaded} result=${election}>${(e) => html`
      <p class="crumbs"><a href=${listOf(e, s.me)}>${t('election.backToList')}</a></p>
      <${PageTitle}>${e.title}<//>
      <p class="sub"><span class="kind">${t('election.kinds.' + e.kind)}</span> <${PhaseBadge} phase=${e.phase} /></p>
      <${Window} e=${e} />
      <${DemoNotice} e=${e} />
      <${Results} e=${e} />
      ${e.phase === 'open' || e.phase === 'ceremony' ? html`<${Bounds} e=${e} />` : null}
      ${e.kind === 'approval'
        ? html`<ul class="options">${e.options.map((o) => html`<li>${o.label}
            ${o.cost ? html` <span class="meta">· ${formatMoney(o.cost)}</span>` : null}</li>`)}</ul>`
        : null}
      <${NextStep} e=${e} />
      <${CloseVote} e=${e} onDone=${election.reload} />
      ${/^proposal\/\d+$/.test(e.subject || '')
        ? html`<p><a class="tap" href=${'/p/' + e.subject.split('/')[1]}>${t('election.aboutTopic')}</a></p>` : null}
      <p class="meta">${t('election.recordHint')}
        <a href=${'/api/v1/elections/' + e.id + '/record'} download=${'election-' + e.id + '.record'}>${t('election.record')}</a></p>
    `}<//>
  </article>`;
}

// A street's or the district's round has no community of its own: its
// residents are those of every community within it, and the server judges
// whose that is. Back to the list of the reader's own community then.
function ownCommunity(me) {
  const m = ((me && me.memberships) || []).find((x) => x.status === 'verified');
  return m ? m.community_id : null;
}

function listOf(e, me) {
  const c = e.community_id || ownCommunity(me);
  return c ? '/c/' + c + '/votes' : '/';
}

// The committee closes a vote whose time is up (the server also does it by
// itself within a second; this is for when it has not yet).
function CloseVote({ e, onDone }) {
  const s = useStore();
  const close = useSubmit(async () => {
    await api('POST', `/elections/${e.id}/close`);
    onDone();
  });
  if (!standing(s.me, e.community_id).committee || e.phase !== 'open') return null;
  const due = e.window.closes_at * 1000 <= Date.now();
  return html`<div class="panel">
    <h2>${t('election.closeTitle')}</h2>
    <p>${due ? t('election.closeDue') : t('election.closeNotDue', { time: formatTime(e.window.closes_at) })}</p>
    <${ErrorBox} error=${close.error} />
    ${due ? html`<button type="button" class="button" disabled=${close.busy} onClick=${close.submit}>
      ${close.busy ? t('common.working') : t('election.closeNow')}</button>` : null}
  </div>`;
}

// Whether the credential kept on this device is the one the server holds
// as active (my_credential): true, false, or null while that is worked out
// (a seed kept before its public key was saved needs the crypto chunk).
function useCredentialHere(e, uid) {
  const seed = uid ? loadSeed(e.eid, uid) : null;
  const pk = uid ? loadPublicKey(e.eid, uid) : null;
  const derived = useLoad(
    () => (seed && !pk && e.my_credential ? loadCrypto().then((c) => c.publicKeyHex(seed)) : Promise.resolve(pk)),
    [e.eid, uid, seed, pk, e.my_credential],
  );
  if (!seed || !e.my_credential) return false;
  if (pk) return pk === e.my_credential;
  if (derived.loading) return null;
  return derived.data === e.my_credential;
}

function NextStep({ e }) {
  const s = useStore();
  const me = e.community_id ? standing(s.me, e.community_id) : { member: ownCommunity(s.me) ? { status: 'verified' } : null };
  const uid = s.me && s.me.user.id;
  const receipt = uid ? loadReceipt(e.eid, uid) : null;
  const here = useCredentialHere(e, uid);
  const enroll = useSubmit(async () => {
    const crypto = await loadCrypto();
    // A credential active elsewhere (another device, or one this device no
    // longer holds) is replaced by naming it; the server refuses once it voted.
    const cred = crypto.newCredential(e, e.my_credential || undefined);
    if (!saveSeed(e.eid, uid, cred.seedHex, cred.pkHex)) throw { code: 'election.device_storage' };
    await api('POST', `/elections/${e.id}/credentials`, { enroll: cred.enrollHex });
    navigate(`/elections/${e.id}/vote`);
  });

  const voted = receipt
    ? html`<div class="panel">
        <h2>${t('election.youVoted')}</h2>
        <p>${t('election.trackingCodeLabel')}</p>
        <${TrackingCode} code=${receipt.receipt.tracking_code} />
        <div class="actions"><a class="button" href=${'/elections/' + e.id + '/check'}>${t('election.checkMyBallot')}</a>
          ${e.phase === 'open' && here
            ? html`<a class="button secondary" href=${'/elections/' + e.id + '/vote'}>${t('election.voteAgain')}</a>` : null}</div>
      </div>`
    : null;
  if (!s.meLoaded) return null;
  if (e.phase !== 'open') {
    if (e.phase === 'ceremony') return html`<p class="notice">${t('election.notOpenYet')}</p>`;
    return html`${voted}${e.phase !== 'published' ? html`<p class="notice">${t('election.counting')}</p>` : null}`;
  }
  if (!s.me) {
    return html`<p><a class="button" href=${'/login?next=' + encodeURIComponent('/elections/' + e.id)}>${t('election.loginToVote')}</a></p>`;
  }
  if (!(me.member && me.member.status === 'verified')) return html`<p class="notice">${t('election.residentsOnly')}</p>`;
  if (here === null) return html`<${Loading} />`;
  if (voted) return voted;
  if (here) {
    return html`<p><a class="button big" href=${'/elections/' + e.id + '/vote'}>${t('election.goVote')}</a></p>`;
  }
  return html`<div class="panel">
    <p>${e.my_credential ? t('election.otherDevice') : t('election.enrollHint')}</p>
    <${ErrorBox} error=${enroll.error} />
    <button type="button" class="button big" disabled=${enroll.busy} onClick=${enroll.submit}>
      ${enroll.busy ? t('common.working') : e.my_credential ? t('election.enrollHere') : t('election.enroll')}</button>
  </div>`;
}
