import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, formatMoney } from '../i18n.js';
import { parseTrustees, shanghaiParts, shanghaiSeconds, yuanToFen } from '../forms.js';
import { api, standing } from '../api.js';
import { useStore } from '../store.js';
import { navigate } from '../router.js';
import { ErrorBox, Field, Loaded, PageTitle, SignInFirst, useId, useLoad, useSubmit } from '../ui.js';

// The committee opens a 民心项目 round: residents approve the wishes they
// want most, and the district's rule selects within the budget. The
// candidates are the community's accepted wishes, each with its cost.
//
// Each option names its wish ({proposal_id, cost}): the server takes the
// title from the wish, moves it to "voting" while the round runs, and to
// adopted / not adopted when the result is published, so the round's
// outcome is the wish's own.
export const optionOf = (wish, costFen) => ({ proposal_id: wish.id, cost: costFen });

// Only accepted wishes may be put to a round (the server refuses others).
const CANDIDATE_STATES = 'accepted';
const RULES = ['greedy', 'greedy-threshold', ''];

export function NewVotePage({ params }) {
  const id = params.id;
  const s = useStore();
  const me = standing(s.me, id);
  const wishes = useLoad(
    () => api('GET', `/communities/${id}/proposals?kind=wish&state=${CANDIDATE_STATES}&limit=200&sort=supported`),
    [id],
  );
  if (!s.me) return html`<${SignInFirst} title=${t('newVote.title')} next=${'/c/' + id + '/votes/new'} />`;
  return html`<section>
    <p class="crumbs"><a href=${'/c/' + id + '/votes'}>${t('election.backToList')}</a></p>
    <${PageTitle}>${t('newVote.title')}<//>
    <p class="lead">${t('newVote.intro')}</p>
    ${!me.committee
      ? html`<p class="notice">${t('errors.election.forbidden')}</p>`
      : html`<${Loaded} result=${wishes}>${(l) => l.items.length < 2
          ? html`<p class="notice">${t('newVote.noWishes', { n: l.items.length })}</p>
              <p><a class="button secondary" href=${'/c/' + id}>${t('common.backToCommunity')}</a></p>`
          : html`<${RoundForm} id=${id} wishes=${l.items} />`}<//>`}
  </section>`;
}

function RoundForm({ id, wishes }) {
  const year = shanghaiParts(Math.floor(Date.now() / 1000)).day.slice(0, 4);
  const closes = shanghaiParts(Math.floor(Date.now() / 1000) + 7 * 86400).day;
  const [title, setTitle] = useState(t('newVote.defaultTitle', { year }));
  // wish id -> cost typed in yuan; a wish is in the round when ticked.
  const [picked, setPicked] = useState({});
  const [costs, setCosts] = useState({});
  const [max, setMax] = useState('2');
  const [budget, setBudget] = useState('');
  const [rule, setRule] = useState('greedy');
  const [threshold, setThreshold] = useState('');
  const [day, setDay] = useState(closes);
  const [time, setTime] = useState('20:00');
  const [trustees, setTrustees] = useState('demo');
  const [keys, setKeys] = useState('');
  const [quorum, setQuorum] = useState('2');
  const ids = useId('round');
  const chosen = wishes.filter((w) => picked[w.id]);
  const total = chosen.reduce((sum, w) => sum + (yuanToFen(costs[w.id]) || 0), 0);

  const { busy, error, submit, setError } = useSubmit(async () => {
    if (!title.trim()) return setError({ code: 'election.title' });
    if (chosen.length < 2) return setError({ code: 'newVote.tooFew' });
    const options = [];
    for (const w of chosen) {
      const fen = yuanToFen(costs[w.id]);
      if (fen == null) return setError({ code: 'newVote.cost', params: { wish: w.title } });
      options.push(optionOf(w, fen));
    }
    const most = Number(max);
    if (!Number.isInteger(most) || most < 1 || most > options.length) return setError({ code: 'election.range' });
    const budgetFen = yuanToFen(budget);
    if (rule && (budgetFen == null || budgetFen < 1)) return setError({ code: 'election.budget' });
    const closesAt = shanghaiSeconds(day, time);
    if (closesAt == null || closesAt * 1000 <= Date.now()) return setError({ code: 'election.window' });
    const body = {
      kind: 'approval', title: title.trim(), subject: '', options, min: 1, max: most,
      budget: budgetFen || 0, rule, closes_at: closesAt,
    };
    if (rule === 'greedy-threshold') {
      const n = Number(threshold);
      if (!/^\d+$/.test(threshold.trim()) || n < 1) return setError({ code: 'newVote.threshold' });
      body.rule_param = n;
    }
    if (trustees === 'demo') {
      body.trustees = 'demo';
    } else {
      const list = parseTrustees(keys);
      if (!list) return setError({ code: 'election.trustees' });
      body.trustees = list;
      body.quorum = Number(quorum);
    }
    const e = await api('POST', `/communities/${id}/elections`, body);
    navigate('/elections/' + e.id, { replace: true });
  });

  return html`<form class="form" onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <${Field} label=${t('newVote.titleLabel')} id=${ids + 't'}>
      <input id=${ids + 't'} required maxlength="100" value=${title} onInput=${(e) => setTitle(e.currentTarget.value)} /><//>

    <fieldset class="choices">
      <legend>${t('newVote.candidates')}</legend>
      <p class="hint">${t('newVote.candidatesHint')}</p>
      ${wishes.map((w) => html`<div class=${'candidate' + (picked[w.id] ? ' on' : '')}>
        <label class="choice">
          <input type="checkbox" checked=${!!picked[w.id]} onChange=${() => setPicked({ ...picked, [w.id]: !picked[w.id] })} />
          <span>${w.title} <span class="meta">· ${t('topic.supports', { n: w.supports })}</span></span>
        </label>
        ${picked[w.id]
          ? html`<div class="field"><label for=${ids + 'c' + w.id}>${t('newVote.costOfWish', { title: w.title })}</label>
              <input id=${ids + 'c' + w.id} class="short" inputmode="decimal" value=${costs[w.id] || ''}
                onInput=${(e) => setCosts({ ...costs, [w.id]: e.currentTarget.value })} /></div>`
          : null}
      </div>`)}
    </fieldset>
    <p class="tally-line">${t('newVote.picked', { n: chosen.length, money: formatMoney(total) })}</p>

    <${Field} label=${t('newVote.max')} hint=${t('newVote.maxHint')} id=${ids + 'm'}>
      <input id=${ids + 'm'} class="short" inputmode="numeric" aria-describedby=${ids + 'm-hint'} value=${max}
        onInput=${(e) => setMax(e.currentTarget.value)} /><//>
    <${Field} label=${t('newVote.budget')} hint=${t('newVote.budgetHint')} id=${ids + 'b'}>
      <input id=${ids + 'b'} class="short" inputmode="decimal" aria-describedby=${ids + 'b-hint'} value=${budget}
        onInput=${(e) => setBudget(e.currentTarget.value)} /><//>
    <fieldset class="choices">
      <legend>${t('newVote.rule')}</legend>
      ${RULES.map((r) => html`<label class="choice">
        <input type="radio" name="rule" checked=${rule === r} onChange=${() => setRule(r)} />
        <span>${t('newVote.rules.' + (r || 'none'))}</span></label>`)}
    </fieldset>
    ${rule === 'greedy-threshold'
      ? html`<${Field} label=${t('newVote.threshold')} id=${ids + 'th'}>
          <input id=${ids + 'th'} class="short" inputmode="numeric" value=${threshold}
            onInput=${(e) => setThreshold(e.currentTarget.value)} /><//>`
      : null}
    <div class="two">
      <${Field} label=${t('newVote.closesDay')} id=${ids + 'd'}>
        <input id=${ids + 'd'} type="date" value=${day} onInput=${(e) => setDay(e.currentTarget.value)} /><//>
      <${Field} label=${t('newVote.closesTime')} id=${ids + 'h'}>
        <input id=${ids + 'h'} type="time" value=${time} onInput=${(e) => setTime(e.currentTarget.value)} /><//>
    </div>
    <fieldset class="choices">
      <legend>${t('newVote.trustees')}</legend>
      ${['demo', 'keys'].map((k) => html`<label class="choice">
        <input type="radio" name="trustees" checked=${trustees === k} onChange=${() => setTrustees(k)} />
        <span><strong>${t('newVote.trusteesBy.' + k)}</strong><br /><span class="hint">${t('newVote.trusteesHint.' + k)}</span></span>
      </label>`)}
    </fieldset>
    ${trustees === 'keys'
      ? html`<${Field} label=${t('newVote.keys')} hint=${t('newVote.keysHint')} id=${ids + 'k'}>
          <textarea id=${ids + 'k'} rows="4" class="mono" aria-describedby=${ids + 'k-hint'} value=${keys}
            onInput=${(e) => setKeys(e.currentTarget.value)}></textarea><//>
        <${Field} label=${t('newVote.quorum')} id=${ids + 'q'}>
          <input id=${ids + 'q'} class="short" inputmode="numeric" value=${quorum} onInput=${(e) => setQuorum(e.currentTarget.value)} /><//>`
      : null}
    <${ErrorBox} error=${error} />
    <button class="button big" type="submit" disabled=${busy}>${busy ? t('common.working') : t('newVote.open')}</button>
  </form>`;
}
