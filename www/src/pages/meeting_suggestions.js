import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { AdoptionForm } from './council_forms.js';
import { AdoptionNote } from './council_parts.js';
import { ErrorBox, Field, FormActions, useId, useLoad, useSubmit } from '../ui.js';

// The suggestions made at a meeting (docs/council.md), once it began: the
// committee writes each down, naming a resident or someone not online, and
// answers it like a thread's comment; everyone reads them with the answers.
export function MeetingSuggestions({ m, community, committee }) {
  const loaded = useLoad(() => api('GET', `/meetings/${m.id}/suggestions`), [m.id]);
  const [adding, setAdding] = useState(false);
  if (!loaded.data) return null;
  const items = loaded.data.items;
  if (items.length === 0 && !committee) return null;
  return html`<div class="suggestions">
    <h3 class="minutes-title">${t('meeting.suggestions.title')}</h3>
    ${items.length === 0 ? html`<p class="meta">${t('meeting.suggestions.none')}</p>` : html`<ul class="reps">
      ${items.map((s) => html`<${Suggestion} key=${s.id} s=${s} committee=${committee} onDone=${() => loaded.reload()} />`)}</ul>`}
    ${committee
      ? adding
        ? html`<${SuggestionForm} m=${m} community=${community} onDone=${() => { setAdding(false); loaded.reload(); }} onCancel=${() => setAdding(false)} />`
        : html`<p><button type="button" class="button secondary" onClick=${() => setAdding(true)}>${t('meeting.suggestions.add')}</button></p>`
      : null}
  </div>`;
}

function Suggestion({ s, committee, onDone }) {
  const [marking, setMarking] = useState(false);
  const mark = s.decision ? s : null;
  return html`<li>
    <p class="comment-body">${s.text}</p>
    <p class="meta">${s.author_name ? t('meeting.suggestions.by', { name: s.author_name }) : t('meeting.suggestions.unnamed')}</p>
    ${mark ? html`<${AdoptionNote} mark=${mark} />` : null}
    ${committee
      ? marking
        ? html`<${AdoptionForm} path=${`/meeting-suggestions/${s.id}/adoption`} name=${'s' + s.id} mark=${mark}
            onDone=${() => { setMarking(false); onDone(); }} onCancel=${() => setMarking(false)} />`
        : html`<button type="button" class="link-button" onClick=${() => setMarking(true)}>
            ${t(mark ? 'council.adoption.change' : 'council.adoption.mark')}</button>`
      : null}
  </li>`;
}

// Who made it: one of the community's verified residents, or a name written
// down (a neighbour who is not online).
function SuggestionForm({ m, community, onDone, onCancel }) {
  const members = useLoad(() => api('GET', `/communities/${community}/members?status=verified&limit=100`), [community]);
  const [text, setText] = useState('');
  const [who, setWho] = useState('');
  const [name, setName] = useState('');
  const ids = { text: useId('suggestion'), who: useId('who'), name: useId('name') };
  const { busy, error, submit, setError } = useSubmit(async () => {
    if (!text.trim()) return setError({ code: 'suggestion.text' });
    const body = { text: text.trim() };
    if (who) body.author_id = Number(who);
    else if (name.trim()) body.author_name = name.trim();
    await api('POST', `/meetings/${m.id}/suggestions`, body);
    onDone();
  });
  return html`<form class="form panel" onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <${Field} label=${t('meeting.suggestions.text')} id=${ids.text}>
      <textarea id=${ids.text} rows="3" maxlength="1000" value=${text} onInput=${(e) => setText(e.currentTarget.value)}></textarea><//>
    <${Field} label=${t('meeting.suggestions.who')} id=${ids.who}>
      <select id=${ids.who} value=${who} onChange=${(e) => setWho(e.currentTarget.value)}>
        <option value="">${t('meeting.suggestions.byName')}</option>
        ${(members.data ? members.data.items : []).map((r) => html`<option value=${r.user_id}>${r.display_name}</option>`)}
      </select><//>
    ${who ? null : html`<${Field} label=${t('meeting.suggestions.name')} hint=${t('meeting.suggestions.nameHint')} id=${ids.name}>
      <input id=${ids.name} maxlength="100" aria-describedby=${ids.name + '-hint'} value=${name}
        onInput=${(e) => setName(e.currentTarget.value)} /><//>`}
    <${ErrorBox} error=${error || members.error} />
    <${FormActions} busy=${busy} label=${t('meeting.suggestions.save')} onCancel=${onCancel} />
  </form>`;
}
