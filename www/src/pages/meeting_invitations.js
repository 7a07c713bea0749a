import { useRef, useState } from 'preact/hooks';
import { html } from '../html.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { useStore } from '../store.js';
import { ErrorBox, FormActions, useLoad, useSubmit } from '../ui.js';

// Who is invited to a meeting, their answers and who came (docs/council.md):
// the invitee answers until the meeting begins; the committee invites the
// representatives before, and records who came after it began.
export function MeetingInvitations({ m, committee, begun }) {
  const s = useStore();
  const [fresh, setFresh] = useState(null);
  const loaded = useLoad(() => api('GET', `/meetings/${m.id}/invitations`), [m.id, s.session]);
  const list = fresh || loaded.data;
  if (!list) return null;
  const myId = s.me ? s.me.user.id : null;
  const mine = list.items.find((i) => i.user_id === myId);
  if (list.items.length === 0 && !(committee && !begun)) return null;
  return html`<div class="invitations">
    <h3 class="minutes-title">${t('council.invitations.title')}</h3>
    ${list.items.length === 0 ? html`<p class="meta">${t('council.invitations.none')}</p>` : html`<ul class="reps">
      ${list.items.map((i) => html`<li><strong>${i.display_name}</strong>
        ${i.representative ? html` <span class="badge">${t('council.invitations.representative')}</span>` : null}
        <span class="meta"> ${t('council.invitations.answers.' + i.answer)}${i.attended == null ? ''
          : ' · ' + t(i.attended ? 'council.invitations.came' : 'council.invitations.absent')}</span></li>`)}</ul>`}
    ${list.attended != null ? html`<p class="meta">${t('council.invitations.attended', { n: list.attended, of: list.items.length })}</p>` : null}
    ${mine && !begun ? html`<${Answer} m=${m} mine=${mine} onDone=${() => loaded.reload()} />` : null}
    ${committee && !begun ? html`<${InviteRepresentatives} m=${m} onDone=${setFresh} />` : null}
    ${committee && begun && list.items.length ? html`<${Attendance} m=${m} items=${list.items} onDone=${setFresh} />` : null}
  </div>`;
}

function Answer({ m, mine, onDone }) {
  // The button pressed (read in the same event, so not a state).
  const chosen = useRef(null);
  const { busy, error, submit } = useSubmit(async () => {
    await api('PUT', `/meetings/${m.id}/invitations/mine`, { answer: chosen.current });
    onDone();
  });
  return html`<div class="actions">
    ${['attend', 'decline'].map((a) => html`<button type="button" class=${mine.answer === a ? 'button' : 'button secondary'}
      aria-pressed=${mine.answer === a ? 'true' : 'false'} disabled=${busy} onClick=${() => { chosen.current = a; submit(); }}>
      ${t('council.invitations.' + a)}</button>`)}
    <${ErrorBox} error=${error} />
  </div>`;
}

function InviteRepresentatives({ m, onDone }) {
  const { busy, error, submit } = useSubmit(async () => {
    onDone(await api('POST', `/meetings/${m.id}/invitations`, { representatives: true }));
  });
  return html`<form class="form inline" onSubmit=${submit} novalidate>
    <${FormActions} busy=${busy} label=${t('council.invitations.invite')} />
    <${ErrorBox} error=${error} />
  </form>`;
}

function Attendance({ m, items, onDone }) {
  const [came, setCame] = useState(() => new Set(items.filter((i) => i.attended).map((i) => i.user_id)));
  const { busy, error, submit } = useSubmit(async () => {
    onDone(await api('PUT', `/meetings/${m.id}/attendance`, { attended: [...came] }));
  });
  const toggle = (id) => {
    const next = new Set(came);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setCame(next);
  };
  return html`<form class="form" onSubmit=${submit} novalidate>
    <fieldset class="choices">
      <legend>${t('council.invitations.whoCame')}</legend>
      ${items.map((i) => html`<label class="choice">
        <input type="checkbox" checked=${came.has(i.user_id)} onChange=${() => toggle(i.user_id)} /><span>${i.display_name}</span></label>`)}
    </fieldset>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('council.invitations.record')} />
  </form>`;
}
