import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t } from '../i18n.js';
import { shanghaiParts, shanghaiSeconds, yuanToFen } from '../forms.js';
import { api } from '../api.js';
import { ErrorBox, Field, FormActions, useFocusFirst, useId, useSubmit } from '../ui.js';

// The committee's forms of a 民心项目 round (docs/wish-rounds.md), and the
// resident's wish: each posts one step and hands the round back.

function dayAfter(days) {
  return shanghaiParts(Math.floor(Date.now() / 1000) + days * 86400).day;
}

// `path`: where the round is called, e.g. /communities/1/wish-rounds or /streets/1/wish-rounds.
export function WishRoundForm({ path, onDone, onCancel }) {
  const form = useFocusFirst();
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [title, setTitle] = useState('');
  const [call, setCall] = useState('');
  const [until, setUntil] = useState(dayAfter(30));
  const ids = { year: useId('year'), title: useId('title'), call: useId('call'), until: useId('until') };
  const { busy, error, submit, setError } = useSubmit(async () => {
    if (!title.trim()) return setError({ code: 'title.invalid' });
    const due = shanghaiSeconds(until, '23:59');
    if (due == null) return setError({ code: 'wish_round.due' });
    onDone(await api('POST', path, {
      year: Number(year), title: title.trim(), call: call.trim(), wishes_due_at: due,
    }));
  });
  return html`<form class="form panel" ref=${form} onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <h3>${t('wishRound.form.new')}</h3>
    <p class="hint">${t(path.startsWith('/streets/') ? 'wishRound.form.newHintStreet'
      : path.startsWith('/districts/') ? 'wishRound.form.newHintDistrict' : 'wishRound.form.newHint')}</p>
    <${Field} label=${t('wishRound.form.title')} id=${ids.title}>
      <input id=${ids.title} maxlength="200" required value=${title} onInput=${(e) => setTitle(e.currentTarget.value)} /><//>
    <${Field} label=${t('wishRound.form.year')} id=${ids.year}>
      <input id=${ids.year} type="number" min="2000" max="2100" inputmode="numeric" required value=${year}
        onInput=${(e) => setYear(e.currentTarget.value)} /><//>
    <${Field} label=${t('wishRound.form.call')} id=${ids.call}>
      <textarea id=${ids.call} rows="4" maxlength="5000" value=${call} onInput=${(e) => setCall(e.currentTarget.value)}></textarea><//>
    <${Field} label=${t('wishRound.form.until')} id=${ids.until}>
      <input id=${ids.until} type="date" min=${dayAfter(0)} required value=${until} onInput=${(e) => setUntil(e.currentTarget.value)} /><//>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('wishRound.form.publish')} onCancel=${onCancel} />
  </form>`;
}

export function RaiseWishForm({ round, onDone, onCancel }) {
  const form = useFocusFirst();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const ids = { title: useId('title'), body: useId('body') };
  const { busy, error, submit, setError } = useSubmit(async () => {
    if (!title.trim()) return setError({ code: 'title.invalid' });
    // The details are optional, as on the ordinary topic form.
    onDone(await api('POST', `/wish-rounds/${round.id}/wishes`, { title: title.trim(), body: body.trim() }));
  });
  return html`<form class="form panel" ref=${form} onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <h3>${t('wishRound.form.raise')}</h3>
    <${Field} label=${t('wishRound.form.wishTitle')} id=${ids.title}>
      <input id=${ids.title} maxlength="200" required value=${title} onInput=${(e) => setTitle(e.currentTarget.value)} /><//>
    <${Field} label=${t('wishRound.form.wishBody')} id=${ids.body}>
      <textarea id=${ids.body} rows="4" maxlength="10000" value=${body} onInput=${(e) => setBody(e.currentTarget.value)}></textarea><//>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('wishRound.form.send')} onCancel=${onCancel} />
  </form>`;
}

export function CostForm({ round, wish, onDone, onCancel }) {
  const form = useFocusFirst();
  const [amount, setAmount] = useState(wish.cost != null ? String(wish.cost / 100) : '');
  const [note, setNote] = useState(wish.cost_note || '');
  const ids = { amount: useId('amount'), note: useId('note') };
  const { busy, error, submit, setError } = useSubmit(async () => {
    const fen = yuanToFen(amount);
    if (!fen) return setError({ code: 'wish_round.cost' });
    if (!note.trim()) return setError({ code: 'note.invalid' });
    onDone(await api('POST', `/wish-rounds/${round.id}/costs`, { proposal_id: wish.proposal_id, cost: fen, note: note.trim() }));
  });
  return html`<form class="form panel" ref=${form} onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <${Field} label=${t('wishRound.form.amount')} id=${ids.amount}>
      <input id=${ids.amount} inputmode="decimal" required value=${amount} onInput=${(e) => setAmount(e.currentTarget.value)} /><//>
    <${Field} label=${t('wishRound.form.note')} hint=${t('wishRound.form.noteHint')} id=${ids.note}>
      <textarea id=${ids.note} rows="2" maxlength="500" required aria-describedby=${ids.note + '-hint'} value=${note}
        onInput=${(e) => setNote(e.currentTarget.value)}></textarea><//>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('wishRound.form.saveCost')} onCancel=${onCancel} />
  </form>`;
}

const RULES = ['greedy', 'greedy-threshold', 'greedy-quota'];

export function BudgetForm({ round, costed, onDone, onCancel }) {
  const form = useFocusFirst();
  const [amount, setAmount] = useState(round.budget != null ? String(round.budget / 100) : '');
  const [rule, setRule] = useState(round.rule || 'greedy');
  const [param, setParam] = useState(String(round.rule_param || 1));
  const [max, setMax] = useState(String(round.max_choices || Math.min(3, costed)));
  const ids = { amount: useId('budget'), rule: useId('rule'), param: useId('param'), max: useId('max') };
  const { busy, error, submit, setError } = useSubmit(async () => {
    const fen = yuanToFen(amount);
    if (!fen) return setError({ code: 'wish_round.budget' });
    onDone(await api('POST', `/wish-rounds/${round.id}/budget`, {
      budget: fen, rule, rule_param: rule === 'greedy' ? 0 : Number(param), max_choices: Number(max),
    }));
  });
  return html`<form class="form panel" ref=${form} onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <h3>${t('wishRound.form.budget')}</h3>
    <${Field} label=${t('wishRound.form.budgetAmount')} id=${ids.amount}>
      <input id=${ids.amount} inputmode="decimal" required value=${amount} onInput=${(e) => setAmount(e.currentTarget.value)} /><//>
    <${Field} label=${t('wishRound.rule')} hint=${t('wishRound.rules.' + rule)} id=${ids.rule}>
      <select id=${ids.rule} value=${rule} aria-describedby=${ids.rule + '-hint'} onChange=${(e) => setRule(e.currentTarget.value)}>
        ${RULES.map((r) => html`<option value=${r}>${t('wishRound.ruleNames.' + r)}</option>`)}
      </select><//>
    ${rule !== 'greedy' ? html`<${Field} label=${t('wishRound.form.ruleParam.' + rule)} id=${ids.param}>
      <input id=${ids.param} type="number" min="1" inputmode="numeric" value=${param} onInput=${(e) => setParam(e.currentTarget.value)} /><//>` : null}
    <${Field} label=${t('wishRound.form.maxChoices')} id=${ids.max}>
      <input id=${ids.max} type="number" min="1" max=${costed} inputmode="numeric" value=${max} onInput=${(e) => setMax(e.currentTarget.value)} /><//>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('wishRound.form.saveBudget')} onCancel=${onCancel} />
  </form>`;
}

export function OpenVoteForm({ round, onDone, onCancel }) {
  const form = useFocusFirst();
  const [until, setUntil] = useState(dayAfter(14));
  const id = useId('until');
  const { busy, error, submit, setError } = useSubmit(async () => {
    const closes = shanghaiSeconds(until, '23:59');
    if (closes == null) return setError({ code: 'election.window' });
    onDone(await api('POST', `/wish-rounds/${round.id}/open`, { closes_at: closes }));
  });
  return html`<form class="form panel" ref=${form} onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <p class="hint">${t('wishRound.form.openHint')}</p>
    <${Field} label=${t('wishRound.form.voteUntil')} id=${id}>
      <input id=${id} type="date" min=${dayAfter(0)} required value=${until} onInput=${(e) => setUntil(e.currentTarget.value)} /><//>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('wishRound.form.open')} onCancel=${onCancel} />
  </form>`;
}
