import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t } from '../i18n.js';
import { optionLines, shanghaiParts, shanghaiSeconds } from '../forms.js';
import { api } from '../api.js';
import { ErrorBox, Field, FormActions, useFocusFirst, useId, useSubmit } from '../ui.js';

// The committee's side of 问卷 and service ratings (docs/polls.md): ask a
// poll, name a service to be rated, open a rating period.

function dayAfter(days) {
  return shanghaiParts(Math.floor(Date.now() / 1000) + days * 86400).day;
}

function QuestionFields({ n, q, onChange, onRemove }) {
  const ids = { text: useId('question'), options: useId('options'), multiple: useId('multiple') };
  return html`<fieldset class="panel question-fields">
    <legend>${t('polls.form.questionN', { n })}</legend>
    <${Field} label=${t('polls.form.question')} id=${ids.text}>
      <input id=${ids.text} maxlength="200" required value=${q.text}
        onInput=${(e) => onChange({ ...q, text: e.currentTarget.value })} /><//>
    <${Field} label=${t('polls.form.options')} hint=${t('polls.form.optionsHint')} id=${ids.options}>
      <textarea id=${ids.options} rows="4" required aria-describedby=${ids.options + '-hint'} value=${q.options}
        onInput=${(e) => onChange({ ...q, options: e.currentTarget.value })}></textarea><//>
    <label class="choice" for=${ids.multiple}>
      <input id=${ids.multiple} type="checkbox" checked=${q.multiple}
        onChange=${(e) => onChange({ ...q, multiple: e.currentTarget.checked })} /> ${t('polls.form.multiple')}</label>
    ${onRemove ? html`<p><button type="button" class="button secondary" onClick=${onRemove}>
      ${t('polls.form.removeQuestion', { n })}</button></p>` : null}
  </fieldset>`;
}

export function PollForm({ communityId, onDone, onCancel }) {
  const form = useFocusFirst();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [until, setUntil] = useState(dayAfter(14));
  const [questions, setQuestions] = useState([{ text: '', options: '', multiple: false }]);
  const ids = { title: useId('title'), description: useId('description'), until: useId('until') };
  const { busy, error, submit, setError } = useSubmit(async () => {
    if (!title.trim()) return setError({ code: 'poll.title_required' });
    const closes = shanghaiSeconds(until, '23:59');
    if (closes == null) return setError({ code: 'poll.closes_at' });
    if (questions.some((q) => !q.text.trim())) return setError({ code: 'question.invalid' });
    if (questions.some((q) => optionLines(q.options).length < 2)) return setError({ code: 'poll.options' });
    onDone(await api('POST', `/communities/${communityId}/polls`, {
      title: title.trim(),
      description: description.trim(),
      closes_at: closes,
      questions: questions.map((q) => ({ text: q.text.trim(), multiple: q.multiple, options: optionLines(q.options) })),
    }));
  });
  const change = (i, q) => setQuestions(questions.map((x, j) => (j === i ? q : x)));
  return html`<form class="form panel" ref=${form} onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <h3>${t('polls.form.newPoll')}</h3>
    <p class="hint">${t('polls.form.newPollHint')}</p>
    <${Field} label=${t('polls.form.title')} id=${ids.title}>
      <input id=${ids.title} maxlength="200" required value=${title} onInput=${(e) => setTitle(e.currentTarget.value)} /><//>
    <${Field} label=${t('polls.form.description')} id=${ids.description}>
      <textarea id=${ids.description} rows="3" maxlength="5000" value=${description}
        onInput=${(e) => setDescription(e.currentTarget.value)}></textarea><//>
    <${Field} label=${t('polls.form.until')} id=${ids.until}>
      <input id=${ids.until} type="date" min=${dayAfter(0)} required value=${until}
        onInput=${(e) => setUntil(e.currentTarget.value)} /><//>
    ${questions.map((q, i) => html`<${QuestionFields} key=${i} n=${i + 1} q=${q} onChange=${(v) => change(i, v)}
      onRemove=${questions.length > 1 ? () => setQuestions(questions.filter((_, j) => j !== i)) : null} />`)}
    ${questions.length < 20 ? html`<p><button type="button" class="button secondary"
      onClick=${() => setQuestions([...questions, { text: '', options: '', multiple: false }])}>
      ${t('polls.form.addQuestion')}</button></p>` : null}
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('polls.form.publish')} onCancel=${onCancel} />
  </form>`;
}

export function ServiceForm({ communityId, onDone, onCancel }) {
  const form = useFocusFirst();
  const [kind, setKind] = useState('property');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const ids = { kind: useId('kind'), name: useId('name'), description: useId('description') };
  const { busy, error, submit, setError } = useSubmit(async () => {
    if (!name.trim()) return setError({ code: 'service.name_required' });
    onDone(await api('POST', `/communities/${communityId}/services`, { kind, name: name.trim(), description: description.trim() }));
  });
  return html`<form class="form panel" ref=${form} onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <h3>${t('polls.form.newService')}</h3>
    <${Field} label=${t('polls.form.serviceKind')} id=${ids.kind}>
      <select id=${ids.kind} value=${kind} onChange=${(e) => setKind(e.currentTarget.value)}>
        ${['property', 'owners_committee', 'other'].map((k) => html`<option value=${k}>${t('polls.kinds.' + k)}</option>`)}
      </select><//>
    <${Field} label=${t('polls.form.serviceName')} id=${ids.name}>
      <input id=${ids.name} maxlength="100" required value=${name} onInput=${(e) => setName(e.currentTarget.value)} /><//>
    <${Field} label=${t('polls.form.description')} id=${ids.description}>
      <textarea id=${ids.description} rows="2" maxlength="1000" value=${description}
        onInput=${(e) => setDescription(e.currentTarget.value)}></textarea><//>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('polls.form.addService')} onCancel=${onCancel} />
  </form>`;
}

export function PeriodForm({ communityId, onDone, onCancel }) {
  const form = useFocusFirst();
  const [label, setLabel] = useState('');
  const [from, setFrom] = useState(dayAfter(0));
  const [until, setUntil] = useState(dayAfter(30));
  const ids = { label: useId('label'), from: useId('from'), until: useId('until') };
  const { busy, error, submit, setError } = useSubmit(async () => {
    if (!label.trim()) return setError({ code: 'rating_period.label_required' });
    // Today's period opens now; a later one at the start of its first day.
    const opens = from === dayAfter(0) ? Math.floor(Date.now() / 1000) : shanghaiSeconds(from, '00:00');
    const closes = shanghaiSeconds(until, '23:59');
    if (opens == null || closes == null || closes <= opens) return setError({ code: 'rating_period.dates' });
    onDone(await api('POST', `/communities/${communityId}/rating-periods`, { label: label.trim(), opens_at: opens, closes_at: closes }));
  });
  return html`<form class="form panel" ref=${form} onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <h3>${t('polls.form.newPeriod')}</h3>
    <p class="hint">${t('polls.form.newPeriodHint')}</p>
    <${Field} label=${t('polls.form.periodLabel')} hint=${t('polls.form.periodLabelHint')} id=${ids.label}>
      <input id=${ids.label} maxlength="50" required aria-describedby=${ids.label + '-hint'} value=${label}
        onInput=${(e) => setLabel(e.currentTarget.value)} /><//>
    <${Field} label=${t('polls.form.from')} id=${ids.from}>
      <input id=${ids.from} type="date" min=${dayAfter(0)} value=${from} onInput=${(e) => setFrom(e.currentTarget.value)} /><//>
    <${Field} label=${t('polls.form.until')} id=${ids.until}>
      <input id=${ids.until} type="date" min=${dayAfter(0)} value=${until} onInput=${(e) => setUntil(e.currentTarget.value)} /><//>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('polls.form.openPeriod')} onCancel=${onCancel} />
  </form>`;
}
