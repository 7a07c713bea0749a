import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, formatTime } from '../i18n.js';
import { shanghaiParts, shanghaiSeconds } from '../forms.js';
import { api } from '../api.js';
import { MeetingInvitations } from './meeting_invitations.js';
import { MeetingSuggestions } from './meeting_suggestions.js';
import { ErrorBox, Field, FormActions, ReasonForm, useFocusFirst, useId, useSubmit } from '../ui.js';

// Parts of a topic's page: its consultation meetings and their minutes, its
// escalations to the street and district, and the committee's hide/restore
// of a comment.

const MODES = ['offline', 'online', 'hybrid'];
// Proposals still being discussed or carried out: a meeting about them or
// an escalation of them makes sense (the server decides in the end).
const LIVE = new Set(['submitted', 'screening', 'needs_revision', 'accepted', 'consultation', 'voting', 'adopted']);

export function Meetings({ p, meetings, me, onChange }) {
  const [scheduling, setScheduling] = useState(false);
  if (meetings.length === 0 && !(me.committee && LIVE.has(p.state))) return null;
  return html`<section aria-labelledby="meetings-heading">
    <h2 id="meetings-heading">${t('meeting.title')}</h2>
    ${meetings.length === 0 ? html`<p class="empty">${t('meeting.none')}</p>` : html`<ul class="cards one">
      ${meetings.map((m) => html`<${Meeting} key=${m.id} m=${m} me=${me} community=${p.community_id} onChange=${onChange} />`)}
    </ul>`}
    ${me.committee && LIVE.has(p.state)
      ? scheduling
        ? html`<${ScheduleForm} p=${p} onDone=${() => { setScheduling(false); onChange(); }}
            onCancel=${() => setScheduling(false)} />`
        : html`<p><button type="button" class="button secondary" onClick=${() => setScheduling(true)}>
            ${t('meeting.schedule')}</button></p>`
      : null}
  </section>`;
}

function Meeting({ m, me, community, onChange }) {
  const [recording, setRecording] = useState(false);
  const begun = m.starts_at * 1000 <= Date.now();
  return html`<li class="card static">
    <span class="card-title">${t('meeting.modes.' + m.mode)} · ${formatTime(m.starts_at)}</span>
    <span class="card-sub">${t('meeting.place', { place: m.place })}</span>
    ${m.minutes != null
      ? html`<h3 class="minutes-title">${t('meeting.minutes')}</h3>
          <p class="meta">${t('meeting.attended', { n: m.attendance })} · ${t('meeting.recordedAt', { time: formatTime(m.recorded_at) })}</p>
          <div class="body minutes">${m.minutes}</div>`
      : me.committee
        ? begun
          ? recording
            ? html`<${MinutesForm} m=${m} onDone=${() => { setRecording(false); onChange(); }}
                onCancel=${() => setRecording(false)} />`
            : html`<p><button type="button" class="button" onClick=${() => setRecording(true)}>${t('meeting.record')}</button></p>`
          : html`<p class="meta">${t('meeting.recordAfter')}</p>`
        : html`<p class="meta">${begun ? t('meeting.minutesSoon') : t('meeting.upcoming')}</p>`}
    <${MeetingInvitations} m=${m} community=${community} committee=${me.committee} begun=${begun} />
    ${begun ? html`<${MeetingSuggestions} m=${m} community=${community} committee=${me.committee} />` : null}
  </li>`;
}

function ScheduleForm({ p, onDone, onCancel }) {
  const form = useFocusFirst();
  const start = shanghaiParts(Math.ceil(Date.now() / 3600000) * 3600 + 86400);
  const [mode, setMode] = useState('offline');
  const [day, setDay] = useState(start.day);
  const [time, setTime] = useState('19:00');
  const [place, setPlace] = useState('');
  // A time already past records a meeting that was held (nobody can be
  // invited to it any more): said first, scheduled on the second press.
  const [pastSaid, setPastSaid] = useState(false);
  const ids = { day: useId('day'), time: useId('time'), place: useId('place') };
  const { busy, error, submit, setError } = useSubmit(async () => {
    const startsAt = shanghaiSeconds(day, time);
    if (startsAt == null) return setError({ code: 'meeting.starts_at' });
    if (!place.trim()) return setError({ code: 'place.invalid' });
    if (startsAt * 1000 <= Date.now() && !pastSaid) return setPastSaid(true);
    await api('POST', `/proposals/${p.id}/meetings`, { mode, starts_at: startsAt, place: place.trim() });
    onDone();
  });
  return html`<form class="form panel" ref=${form} onSubmit=${submit}
    onInput=${() => { setError(null); setPastSaid(false); }} novalidate>
    <h3>${t('meeting.schedule')}</h3>
    <fieldset class="choices row">
      <legend>${t('meeting.mode')}</legend>
      ${MODES.map((k) => html`<label class="choice">
        <input type="radio" name="mode" value=${k} checked=${mode === k} onChange=${() => setMode(k)} />
        <span>${t('meeting.modes.' + k)}</span></label>`)}
    </fieldset>
    <div class="two">
      <${Field} label=${t('meeting.day')} id=${ids.day}>
        <input id=${ids.day} type="date" required value=${day} onInput=${(e) => setDay(e.currentTarget.value)} /><//>
      <${Field} label=${t('meeting.time')} id=${ids.time}>
        <input id=${ids.time} type="time" required value=${time} onInput=${(e) => setTime(e.currentTarget.value)} /><//>
    </div>
    <${Field} label=${t('meeting.placeLabel')} hint=${t('meeting.placeHint')} id=${ids.place}>
      <input id=${ids.place} required maxlength="200" aria-describedby=${ids.place + '-hint'} value=${place}
        onInput=${(e) => setPlace(e.currentTarget.value)} /><//>
    ${pastSaid ? html`<p class="notice warn" role="alert">${t('meeting.inThePast')}</p>` : null}
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${pastSaid ? t('meeting.recordPast') : t('meeting.scheduleConfirm')} onCancel=${onCancel} />
  </form>`;
}

function MinutesForm({ m, onDone, onCancel }) {
  const form = useFocusFirst();
  const [minutes, setMinutes] = useState('');
  const [attendance, setAttendance] = useState('');
  const ids = { minutes: useId('minutes'), attendance: useId('attendance') };
  const { busy, error, submit, setError } = useSubmit(async () => {
    if (!minutes.trim()) return setError({ code: 'minutes.invalid' });
    const n = Number(attendance);
    if (!/^\d+$/.test(attendance.trim())) return setError({ code: 'meeting.attendance' });
    await api('POST', `/meetings/${m.id}/minutes`, { minutes: minutes.trim(), attendance: n });
    onDone();
  });
  return html`<form class="form" ref=${form} onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <${Field} label=${t('meeting.minutesLabel')} hint=${t('meeting.minutesHint')} id=${ids.minutes}>
      <textarea id=${ids.minutes} rows="6" maxlength="10000" required aria-describedby=${ids.minutes + '-hint'}
        value=${minutes} onInput=${(e) => setMinutes(e.currentTarget.value)}></textarea><//>
    <${Field} label=${t('meeting.attendanceLabel')} id=${ids.attendance}>
      <input id=${ids.attendance} inputmode="numeric" class="short" required value=${attendance}
        onInput=${(e) => setAttendance(e.currentTarget.value)} /><//>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('meeting.recordConfirm')} onCancel=${onCancel} />
  </form>`;
}

// 一键派单: where the topic went above the committee, and the committee's
// button to send it to the street.
export function Escalations({ p, escalations, me, onChange }) {
  const [asking, setAsking] = useState(false);
  const open = escalations.some((e) => e.status === 'open');
  const canEscalate = me.committee && LIVE.has(p.state) && !open;
  if (escalations.length === 0 && !canEscalate) return null;
  return html`<section aria-labelledby="escalations-heading">
    <h2 id="escalations-heading">${t('escalation.title')}</h2>
    ${escalations.length === 0 ? html`<p class="empty">${t('escalation.none')}</p>` : html`<ol class="timeline">
      ${escalations.map((e) => html`<li>
        <span class="when">${formatTime(e.escalated_at)}</span>
        <strong>${t('escalation.sentTo.' + e.level)}</strong> <${EscalationStatus} e=${e} />
        <p class="reason-text">${e.reason}</p>
        ${e.resolution ? html`<p class="reason-text"><strong>${t('escalation.resolutionLabel')}</strong> ${e.resolution}</p>` : null}
      </li>`)}
    </ol>`}
    ${canEscalate
      ? asking
        ? html`<${ReasonForm} label=${t('escalation.reason')} hint=${t('escalation.reasonHint')}
            submitLabel=${t('escalation.send')} requiredCode="escalation.reason_required"
            onCancel=${() => setAsking(false)}
            onSubmit=${async (reason) => {
              await api('POST', `/proposals/${p.id}/escalations`, { reason });
              setAsking(false);
              onChange();
            }} />`
        : html`<p><button type="button" class="button secondary" onClick=${() => setAsking(true)}>${t('escalation.escalate')}</button></p>`
      : null}
  </section>`;
}

export function EscalationStatus({ e }) {
  return html`<span class=${'badge' + (e.status === 'resolved' ? ' state-adopted' : '')}>${t('escalation.status.' + e.status)}</span>
    ${e.overdue ? html`<span class="badge overdue">${t('overdue.escalation')}</span>` : null}`;
}

// The committee hides a comment, restores a hidden one, or keeps a reported
// one visible (the reports were unfounded); the reason is public.
export function Moderate({ c, onDone }) {
  const [action, setAction] = useState(null);
  const offered = c.hidden ? ['restore'] : c.reports > 0 ? ['keep', 'hide'] : ['hide'];
  if (!action) {
    return html`<div class="actions compact">${offered.map((a) => html`<button type="button"
      class=${offered.length > 1 ? 'button secondary' : 'link-button'} onClick=${() => setAction(a)}>
      ${t('moderation.' + a)}</button>`)}</div>`;
  }
  return html`<${ReasonForm} label=${t('moderation.reason')} hint=${t('moderation.reasonHint')}
    submitLabel=${t('moderation.confirm.' + action)} requiredCode="moderation.reason_required" danger=${action === 'hide'}
    rows="2" onCancel=${() => setAction(null)}
    onSubmit=${async (reason) => {
      await api('POST', `/comments/${c.id}/moderation`, { action, reason });
      setAction(null);
      onDone();
    }}><h3>${t('moderation.' + action)}</h3><//>`;
}

export { LIVE };
