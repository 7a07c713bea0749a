import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, formatMoney, formatTime } from '../i18n.js';
import { shanghaiParts, shanghaiSeconds, yuanToFen } from '../forms.js';
import { api, standing } from '../api.js';
import { useStore } from '../store.js';
import { ErrorBox, Field, FormActions, Loaded, PageTitle, Toggle, useFocusFirst, useId, useLoad, useSubmit } from '../ui.js';

// A project (公开之栏): progress, the expense list and the ratings, public;
// the committee reports progress and expenses, corrects a wrong expense
// (never edits it) and completes the project; residents rate it after.
export function ProjectPage({ params }) {
  const s = useStore();
  const project = useLoad(() => api('GET', `/projects/${params.id}`), [params.id, s.session]);
  // The committee's forms answer with the project as it is now.
  const [fresh, setFresh] = useState(null);
  const shown = fresh && fresh.id === Number(params.id) ? { ...project, data: fresh } : project;
  return html`<article>
    <${Loaded} result=${shown}>${(p) => {
      const me = standing(s.me, p.community_id);
      const manage = me.committee && !p.completed;
      return html`
      <p class="crumbs"><a href=${'/c/' + p.community_id}>${t('common.backToCommunity')}</a></p>
      <${PageTitle}>${p.title}<//>
      <dl class="facts">
        <div><dt>${t('project.budget')}</dt><dd>${formatMoney(p.budget_fen)}</dd></div>
        <div><dt>${t('project.spent')}</dt><dd>${formatMoney(p.spent_fen)}</dd></div>
        <div><dt>${t('project.responsible')}</dt><dd>${p.responsible}</dd></div>
        <div><dt>${t('project.status')}</dt><dd>${p.completed ? t('project.completed') : t('project.underway')}</dd></div>
      </dl>
      ${p.over_budget ? html`<p class="notice warn">${t('project.overBudget', { money: formatMoney(p.over_budget_fen) })}</p>` : null}
      <p><a class="tap" href=${'/p/' + p.proposal_id}>${t('project.fromTopic')}</a></p>

      <h2 id="progress-heading">${t('project.progress')}</h2>
      <div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow=${p.progress_percent}
        aria-labelledby="progress-heading">
        <span style=${{ width: p.progress_percent + '%' }}></span>
      </div>
      <p class="progress-text">${t('project.progressShort', { n: p.progress_percent })}</p>
      ${p.progress.length === 0
        ? html`<p class="empty">${t('project.noProgress')}</p>`
        : html`<ol class="timeline">${p.progress.map(
            (r) => html`<li><span class="when">${formatTime(r.date, false)}</span>
              <strong>${r.percent}%</strong> <span>${r.text}</span></li>`,
          )}</ol>`}
      ${manage ? html`<${Toggle} label=${t('project.addProgress')}>${(close) =>
        html`<${ProgressForm} p=${p} onDone=${(v) => { setFresh(v); close(); }} onCancel=${close} />`}<//>` : null}

      <h2>${t('project.expenses')}</h2>
      <${Expenses} p=${p} manage=${manage} onDone=${setFresh} />
      ${manage ? html`<${Toggle} label=${t('project.addExpense')}>${(close) =>
        html`<${ExpenseForm} p=${p} onDone=${(v) => { setFresh(v); close(); }} onCancel=${close} />`}<//>` : null}

      ${p.completed
        ? html`<h2>${t('project.completionTitle')}</h2>
            <p>${t('project.completedAt', { time: formatTime(p.completed_at, false) })}</p>
            ${p.completion_note ? html`<div class="body">${p.completion_note}</div>` : null}`
        : manage ? html`<${Toggle} label=${t('project.complete')} secondary>${(close) =>
            html`<${CompleteForm} p=${p} onDone=${(v) => { setFresh(v); close(); }} onCancel=${close} />`}<//>` : null}

      ${p.completed ? html`<${Ratings} p=${p} me=${me} onDone=${setFresh} />` : null}
    `;
    }}<//>
  </article>`;
}

function today() {
  return shanghaiParts(Math.floor(Date.now() / 1000)).day;
}

function Expenses({ p, manage, onDone }) {
  const [correcting, setCorrecting] = useState(null);
  // Corrections are shown under the entry they correct; the amount counted
  // is the newest correction's.
  const originals = p.expenses.filter((e) => e.corrects == null);
  const corrections = (id) => p.expenses.filter((e) => e.corrects === id);
  if (originals.length === 0) return html`<p class="empty">${t('project.noExpenses')}</p>`;
  return html`<div class="table-wrap"><table class="table expenses">
    <caption class="sr-only">${t('project.expenses')}</caption>
    <thead><tr><th scope="col">${t('project.date')}</th><th scope="col">${t('project.purpose')}</th>
      <th scope="col" class="num">${t('project.amount')}</th></tr></thead>
    <tbody>${originals.map((e) => {
      const fixes = corrections(e.id);
      const last = fixes[fixes.length - 1];
      return html`<tr>
        <td class="date">${formatTime(e.date, false)}</td>
        <td>${e.purpose}
          ${fixes.map((f) => html`<p class="correction">${t('project.correctedTo', {
            money: formatMoney(f.amount_fen), time: formatTime(f.date, false) })}
            <span class="reason-line">${t('project.correctionReason', { reason: f.reason })}</span></p>`)}
          ${manage
            ? correcting === e.id
              ? html`<${CorrectForm} p=${p} e=${e} current=${last ? last.amount_fen : e.amount_fen}
                  onDone=${(v) => { setCorrecting(null); onDone(v); }} onCancel=${() => setCorrecting(null)} />`
              : html`<button type="button" class="link-button" onClick=${() => setCorrecting(e.id)}>
                  ${t('project.correctShort')}<span class="sr-only">${t('project.correctWhich', { purpose: e.purpose })}</span></button>`
            : null}
        </td>
        <td class="num">${last
          ? html`<del aria-label=${t('project.wasAmount', { money: formatMoney(e.amount_fen) })}>${formatMoney(e.amount_fen)}</del><br />${formatMoney(last.amount_fen)}`
          : formatMoney(e.amount_fen)}</td>
      </tr>`;
    })}</tbody>
    <tfoot><tr><th scope="row" colspan="2">${t('project.total')}</th>
      <td class="num">${formatMoney(p.spent_fen)}</td></tr></tfoot>
  </table></div>`;
}

function ProgressForm({ p, onDone, onCancel }) {
  const form = useFocusFirst();
  const [percent, setPercent] = useState(String(p.progress_percent));
  const [text, setText] = useState('');
  const [day, setDay] = useState(today());
  const ids = { percent: useId('percent'), text: useId('text'), day: useId('day') };
  const { busy, error, submit, setError } = useSubmit(async () => {
    const n = Number(percent);
    if (!/^\d+$/.test(percent.trim()) || n < p.progress_percent || n > 100) return setError({ code: 'progress.percent' });
    if (!text.trim()) return setError({ code: 'text.invalid' });
    const date = shanghaiSeconds(day, '12:00');
    onDone(await api('POST', `/projects/${p.id}/progress`, { percent: n, text: text.trim(), ...(date ? { date } : {}) }));
  });
  return html`<form class="form panel" ref=${form} onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <h3>${t('project.addProgress')}</h3>
    <${Field} label=${t('project.percentLabel')} hint=${t('project.percentHint', { n: p.progress_percent })} id=${ids.percent}>
      <input id=${ids.percent} class="short" inputmode="numeric" required aria-describedby=${ids.percent + '-hint'}
        value=${percent} onInput=${(e) => setPercent(e.currentTarget.value)} /><//>
    <${Field} label=${t('project.progressText')} id=${ids.text}>
      <textarea id=${ids.text} rows="3" maxlength="2000" required value=${text}
        onInput=${(e) => setText(e.currentTarget.value)}></textarea><//>
    <${Field} label=${t('project.date')} id=${ids.day}>
      <input id=${ids.day} type="date" value=${day} onInput=${(e) => setDay(e.currentTarget.value)} /><//>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('project.publish')} onCancel=${onCancel} />
  </form>`;
}

function ExpenseForm({ p, onDone, onCancel }) {
  const form = useFocusFirst();
  const [amount, setAmount] = useState('');
  const [purpose, setPurpose] = useState('');
  const [day, setDay] = useState(today());
  const ids = { amount: useId('amount'), purpose: useId('purpose'), day: useId('day') };
  const { busy, error, submit, setError } = useSubmit(async () => {
    const fen = yuanToFen(amount);
    if (fen == null || fen < 1) return setError({ code: 'expense.amount' });
    if (!purpose.trim()) return setError({ code: 'purpose.invalid' });
    const date = shanghaiSeconds(day, '12:00');
    onDone(await api('POST', `/projects/${p.id}/expenses`, { amount_fen: fen, purpose: purpose.trim(), ...(date ? { date } : {}) }));
  });
  return html`<form class="form panel" ref=${form} onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <h3>${t('project.addExpense')}</h3>
    <p class="hint">${t('project.expenseNote')}</p>
    <${Field} label=${t('project.amountYuan')} id=${ids.amount}>
      <input id=${ids.amount} class="short" inputmode="decimal" required value=${amount}
        onInput=${(e) => setAmount(e.currentTarget.value)} /><//>
    <${Field} label=${t('project.purpose')} hint=${t('project.purposeHint')} id=${ids.purpose}>
      <input id=${ids.purpose} maxlength="200" required aria-describedby=${ids.purpose + '-hint'} value=${purpose}
        onInput=${(e) => setPurpose(e.currentTarget.value)} /><//>
    <${Field} label=${t('project.date')} id=${ids.day}>
      <input id=${ids.day} type="date" value=${day} onInput=${(e) => setDay(e.currentTarget.value)} /><//>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('project.publish')} onCancel=${onCancel} />
  </form>`;
}

function CorrectForm({ p, e, current, onDone, onCancel }) {
  const form = useFocusFirst();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const ids = { amount: useId('amount'), reason: useId('reason') };
  const { busy, error, submit, setError } = useSubmit(async () => {
    const fen = yuanToFen(amount);
    if (fen == null) return setError({ code: 'expense.amount' });
    if (!reason.trim()) return setError({ code: 'expense.reason_required' });
    onDone(await api('POST', `/projects/${p.id}/expenses`, {
      amount_fen: fen, purpose: e.purpose, corrects: e.id, reason: reason.trim(),
    }));
  });
  return html`<form class="form" ref=${form} onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <p class="hint">${t('project.correctNote', { money: formatMoney(current) })}</p>
    <${Field} label=${t('project.rightAmount')} hint=${t('project.rightAmountHint')} id=${ids.amount}>
      <input id=${ids.amount} class="short" inputmode="decimal" required aria-describedby=${ids.amount + '-hint'}
        value=${amount} onInput=${(ev) => setAmount(ev.currentTarget.value)} /><//>
    <${Field} label=${t('project.correctionWhy')} id=${ids.reason}>
      <textarea id=${ids.reason} rows="2" maxlength="500" required value=${reason}
        onInput=${(ev) => setReason(ev.currentTarget.value)}></textarea><//>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('project.saveCorrection')} onCancel=${onCancel} />
  </form>`;
}

function CompleteForm({ p, onDone, onCancel }) {
  const form = useFocusFirst();
  const [note, setNote] = useState('');
  const id = useId('note');
  const { busy, error, submit, setError } = useSubmit(async () => {
    onDone(await api('POST', `/projects/${p.id}/completion`, { note: note.trim() }));
  });
  return html`<form class="form panel" ref=${form} onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <h3>${t('project.complete')}</h3>
    <p class="hint">${t('project.completeNote')}</p>
    <${Field} label=${t('project.completionNote')} id=${id}>
      <textarea id=${id} rows="3" maxlength="1000" value=${note} onInput=${(e) => setNote(e.currentTarget.value)}></textarea><//>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('project.completeConfirm')} onCancel=${onCancel} />
  </form>`;
}

function Ratings({ p, me, onDone }) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const id = useId('rating');
  const { busy, error, submit, setError } = useSubmit(async () => {
    if (!stars) return setError({ code: 'rating.stars' });
    onDone(await api('POST', `/projects/${p.id}/ratings`, { stars, comment: comment.trim() }));
  });
  const r = p.ratings;
  const canRate = me.member && me.member.status === 'verified' && r.mine == null;
  return html`<section aria-labelledby="ratings-heading">
    <h2 id="ratings-heading">${t('project.ratings')}</h2>
    ${r.count > 0
      ? html`<p class="lead">${t('project.rating', { avg: r.average.toFixed(1), n: r.count })}</p>
          <ul class="comments">${r.items.map((x) => html`<li class="comment">
            <p class="comment-head"><strong>${x.author.display_name}</strong>
              <span class="stars" aria-label=${t('project.starsN', { n: x.stars })}>${'★'.repeat(x.stars)}${'☆'.repeat(5 - x.stars)}</span>
              <span class="when">${formatTime(x.rated_at, false)}</span></p>
            ${x.comment ? html`<p class="comment-body">${x.comment}</p>` : null}</li>`)}</ul>`
      : html`<p class="empty">${t('project.noRatings')}</p>`}
    ${r.mine != null ? html`<p class="notice">${t('project.youRated', { n: r.mine })}</p>` : null}
    ${canRate
      ? html`<form class="form panel" onSubmit=${submit} onInput=${() => setError(null)} novalidate>
          <h3>${t('project.rateTitle')}</h3>
          <fieldset class="choices row">
            <legend>${t('project.starsLegend')}</legend>
            ${[1, 2, 3, 4, 5].map((n) => html`<label class="choice">
              <input type="radio" name="stars" value=${n} checked=${stars === n} onChange=${() => setStars(n)} />
              <span>${t('project.starsN', { n })}</span></label>`)}
          </fieldset>
          <${Field} label=${t('project.ratingComment')} id=${id}>
            <textarea id=${id} rows="2" maxlength="500" value=${comment} onInput=${(e) => setComment(e.currentTarget.value)}></textarea><//>
          <${ErrorBox} error=${error} />
          <button class="button" type="submit" disabled=${busy}>${busy ? t('common.working') : t('project.sendRating')}</button>
        </form>`
      : null}
  </section>`;
}
