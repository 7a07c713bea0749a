import { useRef, useState } from 'preact/hooks';
import { html } from '../html.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { useStore } from '../store.js';
import { ErrorBox, Field, FormActions, useId, useLoad, useSubmit } from '../ui.js';

// Who is invited to a meeting, their answers and who came (docs/council.md):
// the invitee answers until the meeting begins; the committee invites the
// representatives before, and records who came after it began.
export function MeetingInvitations({ m, community, committee, begun }) {
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
    ${committee && !begun ? html`<${Invite} m=${m} community=${community} invited=${list.items} onDone=${setFresh} />` : null}
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

// The committee invites the serving representatives in one press (said in
// words when there are none) and any verified resident by name.
function Invite({ m, community, invited, onDone }) {
  const people = useLoad(async () => {
    const [reps, members] = await Promise.all([
      api('GET', `/communities/${community}/representatives`),
      api('GET', `/communities/${community}/members?status=verified&limit=200`),
    ]);
    return { serving: reps.items.filter((r) => r.ended_at == null), members: members.items };
  }, [community]);
  const [person, setPerson] = useState('');
  const selectId = useId('invitee');
  const reps = useSubmit(async () => {
    onDone(await api('POST', `/meetings/${m.id}/invitations`, { representatives: true }));
  });
  const one = useSubmit(async () => {
    if (!person) return;
    onDone(await api('POST', `/meetings/${m.id}/invitations`, { user_ids: [Number(person)] }));
    setPerson('');
  });
  if (!people.data) return null;
  const { serving, members } = people.data;
  const isInvited = (id) => invited.some((i) => i.user_id === id);
  const candidates = members.filter((p) => !isInvited(p.user_id));
  return html`${serving.length === 0
      ? html`<p class="hint">${t('council.invitations.noRepresentatives')}</p>`
      : serving.every((r) => isInvited(r.user_id))
        ? null
        : html`<form class="form inline" onSubmit=${reps.submit} novalidate>
            <${FormActions} busy=${reps.busy} label=${t('council.invitations.invite')} />
            <${ErrorBox} error=${reps.error} />
          </form>`}
    ${candidates.length > 0 ? html`<form class="form" onSubmit=${one.submit} novalidate>
      <${Field} label=${t('council.invitations.residentLabel')} id=${selectId}>
        <select id=${selectId} value=${person} onChange=${(e) => setPerson(e.currentTarget.value)}>
          <option value="">${t('council.invitations.choosePerson')}</option>
          ${candidates.map((p) => html`<option value=${String(p.user_id)}>${p.display_name}</option>`)}
        </select><//>
      <${ErrorBox} error=${one.error} />
      <${FormActions} busy=${one.busy} label=${t('council.invitations.inviteOne')} />
    </form>` : null}`;
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
