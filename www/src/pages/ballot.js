import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, formatMoney } from '../i18n.js';
import { api } from '../api.js';
import { useStore } from '../store.js';
import { ErrorBox, Loaded, PageTitle, useLoad, useSubmit } from '../ui.js';
import { loadSeed, saveReceipt } from '../election/device.js';
import { Bounds, DemoNotice, loadCrypto, optionLabel, TrackingCode } from './election_parts.js';

// Voting: choose, confirm, then the ballot is encrypted, proved and signed
// here, on this device (docs/election-record.md 5.6); the server only ever
// sees the encrypted ballot. The receipt is checked and kept on the device.
export function BallotPage({ params }) {
  const id = params.id;
  const s = useStore();
  const uid = s.me && s.me.user.id;
  const loaded = useLoad(async () => {
    const [e, crypto] = await Promise.all([api('GET', `/elections/${id}`), loadCrypto()]);
    const seed = uid ? loadSeed(e.eid, uid) : null;
    const ready = seed && e.my_credential && crypto.publicKeyHex(seed) === e.my_credential;
    return { e, crypto, seed: ready ? seed : null };
  }, [id, uid]);
  return html`<article>
    <${Loaded} result=${loaded}>${({ e, crypto, seed }) => html`
      <p class="crumbs"><a href=${'/elections/' + e.id}>${t('election.backToElection')}</a></p>
      <${PageTitle}>${e.title}<//>
      ${e.phase !== 'open'
        ? html`<p class="notice">${t('election.notOpen')}</p>`
        : !seed
          ? html`<p class="notice">${t('election.needCredential')}</p>
              <p><a class="button" href=${'/elections/' + e.id}>${t('election.backToElection')}</a></p>`
          : html`<${Vote} e=${e} crypto=${crypto} seed=${seed} uid=${uid} />`}
    `}<//>
  </article>`;
}

function Vote({ e, crypto, seed, uid }) {
  const n = e.kind === 'referendum' ? 3 : e.options.length;
  const [chosen, setChosen] = useState([]);
  const [step, setStep] = useState('choose');
  const [done, setDone] = useState(null);
  const selections = Array.from({ length: n }, (_, i) => (chosen.includes(i) ? 1 : 0));
  const send = useSubmit(async () => {
    performance.mark('yishi.ballot.start');
    const built = crypto.buildBallot(e, seed, selections);
    performance.measure('yishi.ballot.build', 'yishi.ballot.start');
    const receipt = await api('POST', `/elections/${e.id}/ballots`, { ballot: built.ballotHex });
    let head = null;
    let problem = null;
    try {
      head = crypto.checkReceipt(e, built.ballotHex, receipt);
    } catch (err) {
      problem = err.check || 'receipt';
    }
    // Kept even when the check fails: a signed receipt the board disowns is
    // the evidence.
    const saved = saveReceipt(e.eid, uid, { receipt, ballot: built.ballotHex, head, problem });
    setDone({ receipt, problem, saved });
    setStep('done');
  });

  if (step === 'done') {
    return html`<section class="panel receipt" aria-live="polite">
      <h2>${t('election.sent')}</h2>
      <p>${t('election.trackingCodeLabel')}</p>
      <${TrackingCode} code=${done.receipt.tracking_code} />
      ${done.problem ? html`<p class="error" role="alert">${t('election.receiptProblem')}</p>`
        : html`<p class="ok-line">${t('election.receiptChecked')}</p>`}
      <p>${done.saved ? t('election.receiptSaved') : t('election.receiptNotSaved')}</p>
      <div class="actions"><a class="button" href=${'/elections/' + e.id + '/check'}>${t('election.checkMyBallot')}</a>
        <a class="button secondary" href=${'/elections/' + e.id}>${t('election.backToElection')}</a></div>
    </section>`;
  }
  if (step === 'confirm') {
    return html`<section class="panel">
      <h2>${t('election.confirmTitle')}</h2>
      ${chosen.length === 0 ? html`<p class="big-choice">${t('election.chosenNone')}</p>`
        : html`<ul class="big-choice">${[...chosen].sort((a, b) => a - b).map((i) => html`<li>${optionLabel(e, i)}</li>`)}</ul>`}
      <p>${t('election.secretHint')}</p>
      <${ErrorBox} error=${send.error} />
      <div class="actions">
        <button type="button" class="button big" disabled=${send.busy} onClick=${send.submit}>
          ${send.busy ? t('election.sealing') : t('election.castVote')}</button>
        <button type="button" class="button secondary big" disabled=${send.busy} onClick=${() => setStep('choose')}>
          ${t('election.change')}</button>
      </div>
    </section>`;
  }
  if (e.kind === 'referendum') {
    const pick = (i) => {
      setChosen([i]);
      setStep('confirm');
    };
    return html`<section>
      <${DemoNotice} e=${e} />
      <h2 id="choose-heading">${t('election.chooseOne')}</h2>
      <div class="vote-buttons" role="group" aria-labelledby="choose-heading">
        ${[0, 1, 2].map((i) => html`<button type="button" class=${'vote-button opt-' + i} onClick=${() => pick(i)}>
          ${optionLabel(e, i)}</button>`)}
      </div>
    </section>`;
  }
  const toggle = (i) => setChosen(chosen.includes(i) ? chosen.filter((x) => x !== i) : [...chosen, i]);
  const cost = chosen.reduce((sum, i) => sum + (e.options[i].cost || 0), 0);
  const ok = chosen.length >= e.min && chosen.length <= e.max;
  return html`<section>
    <${DemoNotice} e=${e} />
    <${Bounds} e=${e} />
    <fieldset class="choices">
      <legend>${t('election.chooseOptions')}</legend>
      ${e.options.map((o, i) => {
        const on = chosen.includes(i);
        return html`<label class="choice">
          <input type="checkbox" checked=${on} disabled=${!on && chosen.length >= e.max} onChange=${() => toggle(i)} />
          <span>${o.label}${o.cost ? html`<span class="meta"> · ${formatMoney(o.cost)}</span>` : null}</span>
        </label>`;
      })}
    </fieldset>
    <p class="tally-line" aria-live="polite">${t(e.min === 0 ? 'election.chosenCountAtMost' : 'election.chosenCount',
      { n: chosen.length, min: e.min, max: e.max })}
      ${e.budget ? ' · ' + t('election.chosenCost', { cost: formatMoney(cost), budget: formatMoney(e.budget) }) : ''}</p>
    <button type="button" class="button big" disabled=${!ok} onClick=${() => setStep('confirm')}>${t('election.next')}</button>
  </section>`;
}
