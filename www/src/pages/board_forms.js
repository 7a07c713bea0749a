import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, formatMoney } from '../i18n.js';
import { shanghaiParts, shanghaiSeconds, yuanToFen } from '../forms.js';
import { api } from '../api.js';
import { ErrorBox, Field, FormActions, ReasonForm, useFocusFirst, useId, useSubmit } from '../ui.js';

// The committee's side of 公开之栏 (docs/noticeboard.md): post a notice,
// correct or withdraw it (with a public reason: the old version stays), and
// record the community's income and expenses, correcting an entry by a new
// one (never by editing it).

const kinds = ['general', 'election', 'meeting', 'outage', 'activity'];
const categories = {
  income: ['allocation', 'public_revenue', 'donation', 'other_income'],
  expense: ['activities', 'maintenance', 'office', 'services', 'assistance', 'other_expense'],
};

function today() {
  return shanghaiParts(Math.floor(Date.now() / 1000)).day;
}

// A notice's fields; `notice` (when correcting) gives the starting values
// and asks for the reason.
export function NoticeForm({ communityId, notice, onDone, onCancel }) {
  const form = useFocusFirst();
  const [kind, setKind] = useState(notice ? notice.kind : 'general');
  const [title, setTitle] = useState(notice ? notice.title : '');
  const [body, setBody] = useState(notice ? notice.body : '');
  const [until, setUntil] = useState(notice && notice.expires_at ? shanghaiParts(notice.expires_at).day : '');
  const [reason, setReason] = useState('');
  const ids = { kind: useId('kind'), title: useId('title'), body: useId('body'), until: useId('until'), reason: useId('reason') };
  const { busy, error, submit, setError } = useSubmit(async () => {
    if (!title.trim()) return setError({ code: 'notice.title_required' });
    if (!body.trim()) return setError({ code: 'notice.body_required' });
    if (notice && !reason.trim()) return setError({ code: 'notice.reason_required' });
    const expires = until ? shanghaiSeconds(until, '23:59') : null;
    if (until && expires == null) return setError({ code: 'notice.expiry' });
    const fields = { kind, title: title.trim(), body: body.trim(), ...(expires ? { expires_at: expires } : {}) };
    if (notice && notice.attachments && notice.attachments.length) fields.attachments = notice.attachments;
    onDone(notice
      ? await api('POST', `/notices/${notice.id}/corrections`, { ...fields, reason: reason.trim() })
      : await api('POST', `/communities/${communityId}/notices`, fields));
  });
  return html`<form class="form panel" ref=${form} onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <h3>${t(notice ? 'board.form.correctNotice' : 'board.form.newNotice')}</h3>
    <p class="hint">${t(notice ? 'board.form.correctHint' : 'board.form.newHint')}</p>
    <${Field} label=${t('board.form.kind')} id=${ids.kind}>
      <select id=${ids.kind} value=${kind} onChange=${(e) => setKind(e.currentTarget.value)}>
        ${kinds.map((k) => html`<option value=${k}>${t('board.kinds.' + k)}</option>`)}</select><//>
    <${Field} label=${t('board.form.title')} id=${ids.title}>
      <input id=${ids.title} maxlength="200" required value=${title} onInput=${(e) => setTitle(e.currentTarget.value)} /><//>
    <${Field} label=${t('board.form.body')} id=${ids.body}>
      <textarea id=${ids.body} rows="6" maxlength="20000" required value=${body}
        onInput=${(e) => setBody(e.currentTarget.value)}></textarea><//>
    <${Field} label=${t('board.form.until')} hint=${t('board.form.untilHint')} id=${ids.until}>
      <input id=${ids.until} type="date" min=${today()} aria-describedby=${ids.until + '-hint'} value=${until}
        onInput=${(e) => setUntil(e.currentTarget.value)} /><//>
    ${notice ? html`<${Field} label=${t('board.form.reason')} hint=${t('board.form.reasonHint')} id=${ids.reason}>
      <textarea id=${ids.reason} rows="2" maxlength="1000" required aria-describedby=${ids.reason + '-hint'} value=${reason}
        onInput=${(e) => setReason(e.currentTarget.value)}></textarea><//>` : null}
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t(notice ? 'board.form.saveCorrection' : 'board.form.publish')} onCancel=${onCancel} />
  </form>`;
}

export function WithdrawNoticeForm({ notice, onDone, onCancel }) {
  return html`<${ReasonForm} label=${t('board.form.withdrawWhy')} hint=${t('board.form.withdrawHint')}
    submitLabel=${t('board.form.withdraw')} requiredCode="notice.reason_required" danger maxLength=${1000}
    onSubmit=${async (reason) => onDone(await api('POST', `/notices/${notice.id}/withdrawal`, { reason }))}
    onCancel=${onCancel} />`;
}

// An income or expense of the community; `entry` (when correcting) gives
// the starting values, asks for the reason and allows 0 (it never happened).
export function AccountForm({ communityId, entry, onDone, onCancel }) {
  const form = useFocusFirst();
  const [direction, setDirection] = useState(entry ? entry.direction : 'expense');
  const [category, setCategory] = useState(entry ? entry.category : 'activities');
  const [amount, setAmount] = useState(entry ? String(entry.amount_fen / 100) : '');
  const [day, setDay] = useState(entry ? shanghaiParts(entry.date).day : today());
  const [counterparty, setCounterparty] = useState(entry ? entry.counterparty : '');
  const [note, setNote] = useState(entry ? entry.note : '');
  const [reason, setReason] = useState('');
  const ids = {
    direction: useId('direction'), category: useId('category'), amount: useId('amount'), day: useId('day'),
    counterparty: useId('counterparty'), note: useId('note'), reason: useId('reason'),
  };
  const chooseDirection = (d) => {
    setDirection(d);
    if (!categories[d].includes(category)) setCategory(categories[d][0]);
  };
  const { busy, error, submit, setError } = useSubmit(async () => {
    const fen = yuanToFen(amount);
    if (fen == null || fen < (entry ? 0 : 1)) return setError({ code: 'account.amount' });
    const date = shanghaiSeconds(day, '12:00');
    if (date == null) return setError({ code: 'account.date' });
    if (entry && !reason.trim()) return setError({ code: 'account.reason_required' });
    const fields = { direction, category, amount_fen: fen, date, counterparty: counterparty.trim(), note: note.trim() };
    onDone(entry
      ? await api('POST', `/account-entries/${entry.id}/corrections`, { ...fields, reason: reason.trim() })
      : await api('POST', `/communities/${communityId}/accounts`, fields));
  });
  return html`<form class="form panel" ref=${form} onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <h3>${t(entry ? 'board.form.correctEntry' : 'board.form.newEntry')}</h3>
    <p class="hint">${entry
      ? t('board.form.correctEntryHint', { money: formatMoney(entry.amount_fen) })
      : t('board.form.newEntryHint')}</p>
    <fieldset class="choices"><legend>${t('board.form.direction')}</legend>
      ${['income', 'expense'].map((d) => html`<label class="choice">
        <input type="radio" name=${ids.direction} value=${d} checked=${direction === d}
          onChange=${() => chooseDirection(d)} /> ${t('board.directions.' + d)}</label>`)}
    </fieldset>
    <${Field} label=${t('board.category')} id=${ids.category}>
      <select id=${ids.category} value=${category} onChange=${(e) => setCategory(e.currentTarget.value)}>
        ${categories[direction].map((c) => html`<option value=${c}>${t('board.categories.' + c)}</option>`)}</select><//>
    <${Field} label=${t('board.form.amountYuan')} id=${ids.amount}>
      <input id=${ids.amount} class="short" inputmode="decimal" required value=${amount}
        onInput=${(e) => setAmount(e.currentTarget.value)} /><//>
    <${Field} label=${t('board.date')} id=${ids.day}>
      <input id=${ids.day} type="date" value=${day} onInput=${(e) => setDay(e.currentTarget.value)} /><//>
    <${Field} label=${t('board.form.counterparty')} id=${ids.counterparty}>
      <input id=${ids.counterparty} maxlength="200" value=${counterparty}
        onInput=${(e) => setCounterparty(e.currentTarget.value)} /><//>
    <${Field} label=${t('board.form.note')} id=${ids.note}>
      <textarea id=${ids.note} rows="2" maxlength="1000" value=${note} onInput=${(e) => setNote(e.currentTarget.value)}></textarea><//>
    ${entry ? html`<${Field} label=${t('board.form.reason')} hint=${t('board.form.entryReasonHint')} id=${ids.reason}>
      <textarea id=${ids.reason} rows="2" maxlength="1000" required aria-describedby=${ids.reason + '-hint'} value=${reason}
        onInput=${(e) => setReason(e.currentTarget.value)}></textarea><//>` : null}
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t(entry ? 'board.form.saveCorrection' : 'board.form.record')} onCancel=${onCancel} />
  </form>`;
}
