import { html } from '../html.js';
import { t, formatTime } from '../i18n.js';
import { api } from '../api.js';
import { useStore } from '../store.js';
import { Loaded, PageTitle, useLoad } from '../ui.js';
import { loadReceipt } from '../election/device.js';
import { loadCrypto, TrackingCode } from './election_parts.js';

// "Check my ballot": this device, not the server, checks that the board
// signed its receipt, that the ballot is in the signed tree, and that the
// latest board extends the one of the receipt (docs/election-record.md 6.4).
export function CheckPage({ params }) {
  const id = params.id;
  const s = useStore();
  const uid = s.me && s.me.user.id;
  const result = useLoad(async () => {
    const [e, crypto] = await Promise.all([api('GET', `/elections/${id}`), loadCrypto()]);
    const saved = uid ? loadReceipt(e.eid, uid) : null;
    if (!saved) return { e, saved: null, checks: [] };
    const checks = [];
    const run = (name, fn) => {
      try {
        const value = fn();
        checks.push({ name, ok: true });
        return value;
      } catch {
        checks.push({ name, ok: false });
        return null;
      }
    };
    const mine = run('inclusion', () => crypto.checkReceipt(e, saved.ballot, saved.receipt));
    const latestApi = await api('GET', `/elections/${id}/head`);
    const latest = run('latestHead', () => crypto.checkHead(e, latestApi));
    if (mine && latest) {
      const proof = await api('GET', `/elections/${id}/proofs/consistency?from=${mine.size}&to=${latest.size}`);
      run('consistency', () => crypto.checkConsistency(mine, latest, proof.proof));
    } else {
      checks.push({ name: 'consistency', ok: false });
    }
    return { e, saved, checks, latest };
  }, [id, uid]);

  return html`<article>
    <${Loaded} result=${result}>${({ e, saved, checks, latest }) => html`
      <p class="crumbs"><a href=${'/elections/' + e.id}>${t('election.backToElection')}</a></p>
      <${PageTitle}>${t('election.checkTitle')}<//>
      <p class="sub">${e.title}</p>
      ${!saved
        ? html`<p class="notice">${t('election.noReceipt')}</p>`
        : html`
          <p>${t('election.trackingCodeLabel')}</p>
          <${TrackingCode} code=${saved.receipt.tracking_code} />
          <p class="meta">${t('election.receivedAt', { time: formatTime(Math.floor(saved.receipt.at / 1000)) })}</p>
          ${checks.every((c) => c.ok)
            ? html`<p class="outcome adopted" role="status">${t('election.allChecksPassed', { n: latest.size })}</p>`
            : html`<p class="error" role="alert">${t('election.someCheckFailed')}</p>`}
          <ul class="checks">
            ${checks.map((c) => html`<li class=${c.ok ? 'pass' : 'fail'}>
              <span class="mark" aria-hidden="true">${c.ok ? '✓' : '✗'}</span>
              <span><strong>${c.ok ? t('election.checkPassed') : t('election.checkFailed')}</strong>
                ${t('election.checks.' + c.name)}</span></li>`)}
          </ul>`}
    `}<//>
  </article>`;
}
