import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, formatTime } from '../i18n.js';
import { api } from '../api.js';
import { ErrorBox, Field, FormActions, ReasonForm, nameWithRole, useFocusFirst, useId, useSubmit } from '../ui.js';
import { assistedText } from './assist_parts.js';

// The closed loop on a problem (docs/cases.md): its case on the topic's
// page, with what the caller may do now, and the community's figures.

// Where an accepted problem's handling stands, said instead of 已受理: the
// case's state, and 重新办理 while a reopened case is handled again.
export function CaseStateBadge({ c }) {
  const reopened = c.state === 'in_progress' && c.reopened > 0;
  return html`<span class=${'badge case-' + c.state}>${reopened ? t('case.reopenedState') : t('case.states.' + c.state)}</span>`;
}

// The case of a proposal, or null when it has none (only accepted problems do).
export async function loadCase(proposalId) {
  try {
    return await api('GET', `/proposals/${proposalId}/case`);
  } catch (e) {
    if (e.status === 404) return null;
    throw e;
  }
}

function Stars({ n }) {
  return html`<span class="stars" aria-label=${t('project.starsN', { n })}>${'★'.repeat(n)}${'☆'.repeat(5 - n)}</span>`;
}

// A length of time in words: hours under two days, then days.
export function duration(seconds) {
  if (seconds < 3600) return t('case.lessThanAnHour');
  if (seconds < 2 * 86400) return t('case.hours', { n: Math.round(seconds / 3600) });
  return t('case.days', { n: Math.round((seconds / 86400) * 10) / 10 });
}

function Entry({ e }) {
  return html`<li>
    <span class="when">${formatTime(e.at)}</span>
    <strong>${t('case.entries.' + e.kind)}</strong>
    ${e.by ? html`<span class="who">${nameWithRole(e.by.display_name, e.by.role)}</span>` : null}
    ${e.assisted ? html`<p class="assisted">${assistedText(e.assisted)}</p>` : null}
    ${e.assignee ? html`<p class="reason-text">${t('case.responsible', { name: e.assignee.display_name })}</p>` : null}
    ${e.kind === 'rated'
      ? html`<p class="reason-text">${t('case.handling')} <${Stars} n=${e.handling_stars} /><br />
          ${t('case.result')} <${Stars} n=${e.result_stars} />
          ${e.solved ? null : html`<br />${t('case.saidNotSolved')}`}
          ${e.reopens ? html`<br /><strong>${t('case.reopenedByRating')}</strong>` : null}</p>`
      : null}
    ${e.text ? html`<p class="reason-text">${e.text}</p>` : null}
  </li>`;
}

export function CasePanel({ c, onChange }) {
  const [open, setOpen] = useState('');
  const done = () => { setOpen(''); onChange(); };
  const cancel = () => setOpen('');
  const post = (path, body) => api('POST', `/cases/${c.id}/${path}`, body).then(done);
  const actions = c.allowed_actions || [];
  const lastDone = [...c.entries].reverse().find((e) => e.kind === 'done');
  return html`<section class="panel case" aria-labelledby="case-heading">
    <h2 id="case-heading">${t('case.title')}</h2>
    <p class="sub"><span class=${'badge case-' + c.state}>${t('case.states.' + c.state)}</span>
      ${c.reopened > 0 ? html` <span class="badge overdue">${t('case.reopenedN', { n: c.reopened })}</span>` : null}</p>
    <p class="lead">${c.assignee ? t('case.responsible', { name: c.assignee.display_name }) : t('case.nobodyYet')}</p>
    ${c.state === 'done' && lastDone
      ? html`<p class="notice"><strong>${t('case.whatWasDone')}</strong> ${lastDone.text}</p>` : null}
    ${actions.length > 0
      ? html`<div class="actions" role="group" aria-label=${t('case.whatNext')}>
          ${actions.map((a) => html`<button type="button" class=${open === a ? 'button' : 'button secondary'}
            aria-pressed=${open === a ? 'true' : 'false'} onClick=${() => setOpen(a)}>${t('case.actions.' + a)}</button>`)}
        </div>`
      : null}
    ${open === 'assign' || open === 'reassign'
      ? html`<${AssignForm} c=${c} reassign=${open === 'reassign'} onSubmit=${(body) => post('assignment', body)}
          onCancel=${cancel} />`
      : null}
    ${open === 'step'
      ? html`<${ReasonForm} label=${t('case.stepLabel')} hint=${t('case.publicHint')} submitLabel=${t('case.actions.step')}
          requiredCode="text.invalid" maxLength="2000" onSubmit=${(text) => post('steps', { text })} onCancel=${cancel} />`
      : null}
    ${open === 'done'
      ? html`<${ReasonForm} label=${t('case.doneLabel')} hint=${t('case.publicHint')} submitLabel=${t('case.actions.done')}
          requiredCode="summary.invalid" maxLength="2000" onSubmit=${(summary) => post('completion', { summary })}
          onCancel=${cancel} />`
      : null}
    ${open === 'rate' ? html`<${RateForm} onSubmit=${(body) => post('ratings', body)} onCancel=${cancel} />` : null}
    ${open === 'not_solved'
      ? html`<${ReasonForm} label=${t('case.notSolvedLabel')} hint=${t('case.publicHint')}
          submitLabel=${t('case.actions.not_solved')} requiredCode="case.reason_required" maxLength="1000"
          onSubmit=${(reason) => post('not-solved', { reason })} onCancel=${cancel} />`
      : null}
    ${open === 'follow_up'
      ? html`<${ReasonForm} label=${t('case.followUpLabel')} hint=${t('case.publicHint')}
          submitLabel=${t('case.actions.follow_up')} requiredCode="note.invalid" maxLength="2000"
          onSubmit=${(note) => post('follow-ups', { note })} onCancel=${cancel} />`
      : null}
    <h3>${t('case.record')}</h3>
    <ol class="timeline">${c.entries.map((e) => html`<${Entry} key=${e.id} e=${e} />`)}</ol>
  </section>`;
}

function AssignForm({ c, reassign, onSubmit, onCancel }) {
  const others = c.assignable.filter((p) => !reassign || !c.assignee || p.id !== c.assignee.id);
  const [who, setWho] = useState(others.length ? String(others[0].id) : '');
  const [reason, setReason] = useState('');
  const ids = { who: useId('who'), reason: useId('why') };
  const form = useFocusFirst();
  const { busy, error, submit, setError } = useSubmit(async () => {
    if (!who) return setError({ code: 'case.assignee' });
    if (reassign && !reason.trim()) return setError({ code: 'case.reason_required' });
    await onSubmit({ assignee_id: Number(who), reason: reason.trim() });
  });
  return html`<form class="form panel" ref=${form} onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <${Field} label=${t('case.assigneeLabel')} id=${ids.who}>
      <select id=${ids.who} value=${who} onChange=${(e) => setWho(e.currentTarget.value)}>
        ${others.map((p) => html`<option value=${String(p.id)}>${p.display_name}</option>`)}
      </select>
    <//>
    ${reassign
      ? html`<${Field} label=${t('case.reassignReason')} hint=${t('case.publicHint')} id=${ids.reason}>
          <textarea id=${ids.reason} rows="2" maxlength="1000" required aria-describedby=${ids.reason + '-hint'}
            value=${reason} onInput=${(e) => setReason(e.currentTarget.value)}></textarea><//>`
      : null}
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('case.actions.' + (reassign ? 'reassign' : 'assign'))} onCancel=${onCancel} />
  </form>`;
}

function StarChoice({ name, legend, value, onChange }) {
  return html`<fieldset class="choices row">
    <legend>${legend}</legend>
    ${[1, 2, 3, 4, 5].map((n) => html`<label class="choice">
      <input type="radio" name=${name} value=${n} checked=${value === n} onChange=${() => onChange(n)} />
      <span>${t('project.starsN', { n })}</span></label>`)}
  </fieldset>`;
}

function RateForm({ onSubmit, onCancel }) {
  const [handling, setHandling] = useState(0);
  const [result, setResult] = useState(0);
  const [solved, setSolved] = useState(true);
  const [comment, setComment] = useState('');
  const id = useId('comment');
  const { busy, error, submit, setError } = useSubmit(async () => {
    if (!handling || !result) return setError({ code: 'rating.stars' });
    await onSubmit({ handling_stars: handling, result_stars: result, solved, comment: comment.trim() });
  });
  return html`<form class="form panel" onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <p class="hint">${t('case.rateHint')}</p>
    <${StarChoice} name="handling" legend=${t('case.handlingLegend')} value=${handling} onChange=${setHandling} />
    <${StarChoice} name="result" legend=${t('case.resultLegend')} value=${result} onChange=${setResult} />
    <fieldset class="choices row">
      <legend>${t('case.solvedLegend')}</legend>
      ${[true, false].map((v) => html`<label class="choice">
        <input type="radio" name="solved" checked=${solved === v} onChange=${() => setSolved(v)} />
        <span>${t(v ? 'case.solvedYes' : 'case.solvedNo')}</span></label>`)}
    </fieldset>
    <${Field} label=${t('project.ratingComment')} id=${id}>
      <textarea id=${id} rows="2" maxlength="1000" value=${comment} onInput=${(e) => setComment(e.currentTarget.value)}></textarea><//>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('case.actions.rate')} onCancel=${onCancel} />
  </form>`;
}

function percent(rate) {
  return Math.round(rate * 100) + '%';
}

// The community's figures and its cases, each a link to its problem.
export function CaseFigures({ stats, cases }) {
  if (!stats || stats.cases === 0) return null;
  const settled = stats.by_state.done + stats.by_state.closed;
  return html`<section aria-labelledby="cases-heading">
    <h2 id="cases-heading">${t('case.communityTitle')}</h2>
    <dl class="figures">
      <div><dt>${t('case.closureRate')}</dt><dd>${percent(stats.closure_rate)}</dd>
        <dd class="hint">${t('case.settledOf', { n: settled, total: stats.cases })}</dd></div>
      <div><dt>${t('case.medianTime')}</dt>
        <dd>${stats.median_seconds_to_close == null ? t('case.noneYet') : duration(stats.median_seconds_to_close)}</dd></div>
      <div><dt>${t('case.satisfaction')}</dt>
        <dd>${stats.satisfaction_rate == null ? t('case.noneYet') : percent(stats.satisfaction_rate)}</dd>
        <dd class="hint">${t('case.ratingsN', { n: stats.ratings })}</dd></div>
    </dl>
    <p class="hint">${t('case.figuresHint')}</p>
    ${cases && cases.length > 0
      ? html`<ul class="cards">${cases.map((c) => html`<li><a class="card" href=${'/p/' + c.proposal_id}>
          <span class="card-title">${c.title}</span>
          <span class="card-sub"><span class=${'badge case-' + c.state}>${t('case.states.' + c.state)}</span>
            ${c.reopened > 0 ? html` <span class="badge overdue">${t('case.reopenedN', { n: c.reopened })}</span>` : null}</span>
        </a></li>`)}</ul>`
      : null}
  </section>`;
}
