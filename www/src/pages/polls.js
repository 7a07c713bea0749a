import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, formatTime } from '../i18n.js';
import { api, standing } from '../api.js';
import { navigate } from '../router.js';
import { useStore } from '../store.js';
import { ErrorBox, Field, FormActions, Loaded, PageTitle, Toggle, useId, useLoad, useSubmit } from '../ui.js';
import { PeriodForm, PollForm, ServiceForm } from './poll_forms.js';

// 问卷 and service ratings (docs/polls.md): a community's polls and the
// series of its services' ratings; a poll to answer once; a period's
// services to rate once each. Counts and averages come from the server and
// are public once a poll or period closes.
export function OpinionsPage({ params }) {
  const id = params.id;
  const s = useStore();
  // Raised by each form that changed something: the page loads again.
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);
  const manage = standing(s.me, id).committee;
  const page = useLoad(async () => {
    const [c, polls, ratings] = await Promise.all([
      api('GET', `/communities/${id}`),
      api('GET', `/communities/${id}/polls?limit=50`),
      api('GET', `/communities/${id}/service-ratings`),
    ]);
    return { c, polls: polls.items, ratings };
  }, [id, s.session, changes]);
  return html`<section>
    <${Loaded} result=${page}>${(d) => {
      const open = d.ratings.periods.filter((p) => p.state === 'open');
      return html`
      <p class="crumbs"><a href=${'/c/' + id}>${t('common.backToCommunity')}</a></p>
      <${PageTitle}>${t('polls.title', { name: d.c.name })}<//>
      <h2>${t('polls.polls')}</h2>
      ${d.polls.length === 0
        ? html`<p class="empty">${t('polls.noPolls')}</p>`
        : html`<ul class="cards one">${d.polls.map((p) => html`<li><a class="card" href=${'/polls/' + p.id}>
            <span class="card-title">${p.title}</span>
            <span class="card-sub"><span class=${'badge ' + (p.closed ? 'state-closed' : 'state-accepted')}>
              ${t(p.closed ? 'polls.closed' : 'polls.open')}</span>
              ${t(p.closed ? 'polls.closedAt' : 'polls.closesAt', { time: formatTime(p.closes_at) })} · ${t('polls.answers', { n: p.answers })}</span></a></li>`)}</ul>`}
      ${manage ? html`<${Toggle} label=${t('polls.form.newPoll')}>${(close) =>
        html`<${PollForm} communityId=${id} onDone=${(poll) => navigate('/polls/' + poll.id)} onCancel=${close} />`}<//>` : null}

      <h2>${t('polls.ratings')}</h2>
      ${open.map((p) => html`<p><a class="button" href=${'/ratings/' + p.id}>${t('polls.rateNow', { label: p.label })}</a></p>`)}
      ${d.ratings.services.length === 0
        ? html`<p class="empty">${t('polls.noServices')}</p>`
        : d.ratings.services.map((sv) => html`<${Series} service=${sv} periods=${d.ratings.periods} />`)}
      ${manage ? html`
        <${Toggle} label=${t('polls.form.newService')} secondary>${(close) =>
          html`<${ServiceForm} communityId=${id} onDone=${() => { close(); changed(); }} onCancel=${close} />`}<//>
        <${Toggle} label=${t('polls.form.newPeriod')} secondary>${(close) =>
          html`<${PeriodForm} communityId=${id} onDone=${() => { close(); changed(); }} onCancel=${close} />`}<//>` : null}
    `;
    }}<//>
  </section>`;
}

function Stars({ n }) {
  const whole = Math.round(n);
  return html`<span class="stars" aria-hidden="true">${'★'.repeat(whole)}${'☆'.repeat(5 - whole)}</span>`;
}

// One service's averages period after period, oldest first.
function Series({ service, periods }) {
  return html`<div class="table-wrap"><table class="table">
    <caption>${service.name} <span class="badge">${t('polls.kinds.' + service.kind)}</span></caption>
    <thead><tr><th scope="col">${t('polls.period')}</th><th scope="col">${t('polls.average')}</th>
      <th scope="col" class="num">${t('polls.ratingsCount')}</th></tr></thead>
    <tbody>${service.series.map((f) => {
      const p = periods.find((x) => x.id === f.period_id);
      return html`<tr><th scope="row"><a href=${'/ratings/' + f.period_id}>${f.label}</a></th>
        <td>${f.average != null
          ? html`<${Stars} n=${f.average} /> ${t('polls.averageN', { n: f.average.toFixed(1) })}`
          : html`<span class="muted">${t(p && p.state === 'closed' ? 'polls.noRatings' : 'polls.afterClose')}</span>`}</td>
        <td class="num">${f.ratings}</td></tr>`;
    })}</tbody>
  </table></div>`;
}

export function PollPage({ params }) {
  const s = useStore();
  const poll = useLoad(() => api('GET', `/polls/${params.id}`), [params.id, s.session]);
  const [fresh, setFresh] = useState(null);
  const shown = fresh && fresh.id === Number(params.id) ? { ...poll, data: fresh } : poll;
  return html`<article>
    <${Loaded} result=${shown}>${(p) => html`
      <p class="crumbs"><a href=${'/c/' + p.community_id + '/polls'}>${t('polls.back')}</a></p>
      <${PageTitle}>${p.title}<//>
      <p class="sub">${t(p.closed ? 'polls.closedAt' : 'polls.closesAt', { time: formatTime(p.closes_at) })} · ${t('polls.answers', { n: p.answers })}</p>
      ${p.description ? html`<div class="body">${p.description}</div>` : null}
      ${p.may_answer ? html`<${AnswerForm} p=${p} onDone=${setFresh} />` : null}
      ${p.mine.length ? html`<p class="notice">${t('polls.youAnswered')}</p>` : null}
      ${!p.may_answer && !p.mine.length && !p.closed && s.meLoaded
        ? html`<p class="notice">${t(s.me ? 'polls.onlyResidents' : 'polls.signInToAnswer')}</p>` : null}
      ${p.closed ? html`<${Results} p=${p} />`
        : !p.may_answer ? html`<p class="hint">${t('polls.resultsLater')}</p>
            ${p.questions.map((q) => html`<h2>${q.text}</h2><ul>${q.options.map((o) => html`<li>
              ${o.text}${p.mine.includes(o.id) ? html` <strong>${t('polls.yourChoice')}</strong>` : null}</li>`)}</ul>`)}`
        : null}
    `}<//>
  </article>`;
}

function AnswerForm({ p, onDone }) {
  const [chosen, setChosen] = useState({});
  const { busy, error, submit, setError } = useSubmit(async () => {
    for (const q of p.questions) {
      if (!q.options.some((o) => chosen[o.id])) return setError({ code: 'poll.choice' });
    }
    const option_ids = Object.keys(chosen).filter((k) => chosen[k]).map(Number);
    onDone(await api('POST', `/polls/${p.id}/answers`, { option_ids }));
  });
  const pick = (q, o) => {
    if (q.multiple) setChosen({ ...chosen, [o.id]: !chosen[o.id] });
    else {
      const next = { ...chosen };
      for (const x of q.options) next[x.id] = x.id === o.id;
      setChosen(next);
    }
  };
  return html`<form class="form panel" onSubmit=${submit} onChange=${() => setError(null)} novalidate>
    ${p.questions.map((q, i) => html`<fieldset class="choices">
      <legend>${i + 1}. ${q.text} <span class="hint">${t(q.multiple ? 'polls.multiple' : 'polls.single')}</span></legend>
      ${q.options.map((o) => html`<label class="choice">
        <input type=${q.multiple ? 'checkbox' : 'radio'} name=${'q' + q.id} checked=${!!chosen[o.id]}
          onChange=${() => pick(q, o)} /><span>${o.text}</span></label>`)}
    </fieldset>`)}
    <p class="hint">${t('polls.final')}</p>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('polls.send')} />
  </form>`;
}

function Results({ p }) {
  return p.questions.map((q) => html`<h2>${q.text}</h2>
    <p class="sub">${t('polls.respondents', { n: q.respondents })}</p>
    <ul class="bars">${q.options.map((o) => {
      const share = q.respondents ? Math.round((o.count / q.respondents) * 100) : 0;
      return html`<li><span class="bar-label">${o.text}${p.mine.includes(o.id) ? html` <strong>${t('polls.yourChoice')}</strong>` : null}</span>
        <span class="bar-track"><span class="bar-fill" style=${{ width: share + '%' }}></span></span>
        <span class="bar-count">${t('polls.countShare', { n: o.count, share })}</span></li>`;
    })}</ul>`);
}

export function RatingPage({ params }) {
  const s = useStore();
  const period = useLoad(() => api('GET', `/rating-periods/${params.id}`), [params.id, s.session]);
  const [fresh, setFresh] = useState(null);
  const shown = fresh && fresh.id === Number(params.id) ? { ...period, data: fresh } : period;
  return html`<article>
    <${Loaded} result=${shown}>${(p) => html`
      <p class="crumbs"><a href=${'/c/' + p.community_id + '/polls'}>${t('polls.back')}</a></p>
      <${PageTitle}>${t('polls.periodTitle', { label: p.label })}<//>
      <p class="sub">${formatTime(p.opens_at, false)} – ${formatTime(p.closes_at, false)} · ${t('polls.states.' + p.state)}</p>
      ${p.state === 'open' && !p.may_rate && s.meLoaded
        ? html`<p class="notice">${t(s.me ? 'polls.onlyResidentsRate' : 'polls.signInToRate')}</p>` : null}
      ${p.services.map((sv) => html`<div class="panel">
        <h2>${sv.name} <span class="badge">${t('polls.kinds.' + sv.kind)}</span></h2>
        ${sv.description ? html`<p class="sub">${sv.description}</p>` : null}
        ${sv.average != null
          ? html`<p><${Stars} n=${sv.average} /> ${t('polls.averageN', { n: sv.average.toFixed(1) })} · ${t('polls.ratingsN', { n: sv.ratings })}</p>
              <p class="sub">${sv.stars.map((n, i) => t('polls.starCount', { s: i + 1, n })).join(' · ')}</p>`
          : html`<p class="sub">${t('polls.ratingsN', { n: sv.ratings })}${p.state !== 'closed' ? ' · ' + t('polls.afterClose') : ''}</p>`}
        ${sv.comments.length ? html`<ul class="comments-plain">${sv.comments.map((c) => html`<li>
          <${Stars} n=${c.stars} /> ${c.text}</li>`)}</ul>` : null}
        ${sv.rated_by_me ? html`<p class="notice">${t('polls.youRated')}</p>`
          : p.may_rate ? html`<${RateForm} p=${p} sv=${sv} onDone=${setFresh} />` : null}
      </div>`)}
    `}<//>
  </article>`;
}

function RateForm({ p, sv, onDone }) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const id = useId('comment');
  const { busy, error, submit, setError } = useSubmit(async () => {
    if (!stars) return setError({ code: 'service_rating.stars' });
    onDone(await api('POST', `/rating-periods/${p.id}/ratings`, { service_id: sv.id, stars, comment: comment.trim() }));
  });
  return html`<form class="form" onSubmit=${submit} onChange=${() => setError(null)} novalidate>
    <fieldset class="choices row">
      <legend>${t('polls.yourStars', { name: sv.name })}</legend>
      ${[1, 2, 3, 4, 5].map((n) => html`<label class="choice">
        <input type="radio" name=${'stars-' + sv.id} checked=${stars === n} onChange=${() => setStars(n)} />
        <span>${t('project.starsN', { n })}</span></label>`)}
    </fieldset>
    <${Field} label=${t('polls.comment')} id=${id}>
      <textarea id=${id} rows="2" maxlength="500" value=${comment} onInput=${(e) => setComment(e.currentTarget.value)}></textarea><//>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('polls.rate', { name: sv.name })} />
  </form>`;
}
