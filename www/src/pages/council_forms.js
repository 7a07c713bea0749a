import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, formatTime } from '../i18n.js';
import { shanghaiParts, shanghaiSeconds } from '../forms.js';
import { api } from '../api.js';
import { ErrorBox, Field, FormActions, useFocusFirst, useId, useLoad, useSubmit } from '../ui.js';

// The committee's side of 议事会 depth (docs/council.md): call for topics,
// designate and end representatives, mark a suggestion with a reason.

export function CallForm({ communityId, onDone, onCancel }) {
  const form = useFocusFirst();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [theme, setTheme] = useState('');
  const [until, setUntil] = useState(shanghaiParts(Math.floor(Date.now() / 1000) + 14 * 86400).day);
  const ids = { title: useId('title'), description: useId('description'), theme: useId('theme'), until: useId('until') };
  const { busy, error, submit, setError } = useSubmit(async () => {
    if (!title.trim()) return setError({ code: 'topic_call.title_required' });
    const deadline = shanghaiSeconds(until, '23:59');
    if (deadline == null) return setError({ code: 'topic_call.deadline' });
    onDone(await api('POST', `/communities/${communityId}/topic-calls`, {
      title: title.trim(), description: description.trim(), theme: theme.trim(), deadline,
    }));
  });
  return html`<form class="form panel" ref=${form} onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <h3>${t('council.form.newCall')}</h3>
    <${Field} label=${t('council.form.title')} id=${ids.title}>
      <input id=${ids.title} maxlength="200" required value=${title} onInput=${(e) => setTitle(e.currentTarget.value)} /><//>
    <${Field} label=${t('council.form.description')} id=${ids.description}>
      <textarea id=${ids.description} rows="3" maxlength="5000" value=${description}
        onInput=${(e) => setDescription(e.currentTarget.value)}></textarea><//>
    <${Field} label=${t('council.form.theme')} hint=${t('council.form.themeHint')} id=${ids.theme}>
      <input id=${ids.theme} maxlength="100" aria-describedby=${ids.theme + '-hint'} value=${theme}
        onInput=${(e) => setTheme(e.currentTarget.value)} /><//>
    <${Field} label=${t('council.form.deadline')} id=${ids.until}>
      <input id=${ids.until} type="date" required value=${until} onInput=${(e) => setUntil(e.currentTarget.value)} /><//>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('council.form.openCall')} onCancel=${onCancel} />
  </form>`;
}

// Designate one of the community's verified residents (the members list is
// the committee's). Two neighbours may share a name: each is shown with the
// day they joined.
export function RepresentativeForm({ communityId, serving, onDone, onCancel }) {
  const members = useLoad(() => api('GET', `/communities/${communityId}/members?status=verified&limit=100`), [communityId]);
  const [user, setUser] = useState('');
  const id = useId('resident');
  const { busy, error, submit, setError } = useSubmit(async () => {
    if (!user) return setError({ code: 'representative.pick' });
    onDone(await api('POST', `/communities/${communityId}/representatives`, { user_id: Number(user) }));
  });
  const choices = members.data ? members.data.items.filter((m) => !serving.includes(m.user_id)) : [];
  return html`<form class="form panel" onSubmit=${submit} onChange=${() => setError(null)} novalidate>
    <h3>${t('council.form.designate')}</h3>
    <${Field} label=${t('council.form.resident')} id=${id}>
      <select id=${id} value=${user} onChange=${(e) => setUser(e.currentTarget.value)}>
        <option value="">${t('council.form.pickResident')}</option>
        ${choices.map((m) => html`<option value=${m.user_id}>
          ${t('council.form.residentOption', { name: m.display_name, date: formatTime(m.joined_at, false) })}</option>`)}
      </select><//>
    <${ErrorBox} error=${error || members.error} />
    <${FormActions} busy=${busy} label=${t('council.form.designateButton')} onCancel=${onCancel} />
  </form>`;
}

export function EndTermForm({ rep, onDone, onCancel }) {
  const form = useFocusFirst();
  const [reason, setReason] = useState('');
  const id = useId('reason');
  const { busy, error, submit } = useSubmit(async () => {
    onDone(await api('POST', `/representatives/${rep.id}/end`, { reason: reason.trim() }));
  });
  return html`<form class="form inline" ref=${form} onSubmit=${submit} novalidate>
    <${Field} label=${t('council.form.endReason', { name: rep.display_name })} id=${id}>
      <input id=${id} maxlength="500" value=${reason} onInput=${(e) => setReason(e.currentTarget.value)} /><//>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('council.form.endButton')} onCancel=${onCancel} />
  </form>`;
}

export const DECISIONS = ['adopted', 'partly_adopted', 'not_adopted'];

// 采纳 / 部分采纳 / 不采纳 with a public reason, on one suggestion: a
// thread's comment or a meeting's (`path` is where the mark is PUT).
export function AdoptionForm({ path, name, mark, onDone, onCancel }) {
  const form = useFocusFirst();
  const [decision, setDecision] = useState(mark ? mark.decision : 'adopted');
  const [reason, setReason] = useState(mark ? mark.reason : '');
  const id = useId('adoption');
  const { busy, error, submit, setError } = useSubmit(async () => {
    if (!reason.trim()) return setError({ code: 'adoption.reason_required' });
    onDone(await api('PUT', path, { decision, reason: reason.trim() }));
  });
  return html`<form class="form inline" ref=${form} onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <fieldset class="choices row">
      <legend>${t('council.adoption.decision')}</legend>
      ${DECISIONS.map((d) => html`<label class="choice">
        <input type="radio" name=${'decision-' + name} checked=${decision === d} onChange=${() => setDecision(d)} />
        <span>${t('council.adoption.' + d)}</span></label>`)}
    </fieldset>
    <${Field} label=${t('council.adoption.reason')} hint=${t('council.adoption.reasonHint')} id=${id}>
      <textarea id=${id} rows="2" maxlength="1000" aria-describedby=${id + '-hint'} value=${reason}
        onInput=${(e) => setReason(e.currentTarget.value)}></textarea><//>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('council.adoption.save')} onCancel=${onCancel} />
  </form>`;
}
