import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, formatTime } from '../i18n.js';
import { api, standing } from '../api.js';
import { navigate } from '../router.js';
import { useStore } from '../store.js';
import { ErrorBox, Loaded, PageTitle, StateBadge, Toggle, useLoad, useSubmit } from '../ui.js';
import { CallForm, EndTermForm, RepresentativeForm } from './council_forms.js';
import { CallList, rateText } from './council_parts.js';

// 议事会 (docs/council.md): a community's calls for topics, its adoption
// rate, and its resident representatives; the committee's forms beside them.
export function CouncilPage({ params }) {
  const id = params.id;
  const s = useStore();
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);
  const manage = standing(s.me, id).committee;
  const page = useLoad(async () => {
    const [c, calls, rate, reps] = await Promise.all([
      api('GET', `/communities/${id}`),
      api('GET', `/communities/${id}/topic-calls?limit=50`),
      api('GET', `/communities/${id}/adoption-rate`),
      api('GET', `/communities/${id}/representatives`),
    ]);
    return { c, calls: calls.items, rate, reps: reps.items };
  }, [id, s.session, changes]);
  return html`<section>
    <${Loaded} result=${page}>${(d) => html`
      <p class="crumbs"><a href=${'/c/' + id}>${t('common.backToCommunity')}</a></p>
      <${PageTitle}>${t('council.title', { name: d.c.name })}<//>
      <h2>${t('council.calls')}</h2>
      <${CallList} calls=${d.calls} />
      ${manage ? html`<${Toggle} label=${t('council.form.newCall')}>${(close) =>
        html`<${CallForm} communityId=${id} onDone=${(call) => navigate('/topic-calls/' + call.id)} onCancel=${close} />`}<//>` : null}
      <h2>${t('council.rate')}</h2>
      <${RateTable} rate=${d.rate} />
      <h2>${t('council.representatives')}</h2>
      <${Representatives} reps=${d.reps} manage=${manage} onChange=${changed} />
      ${manage ? html`<${Toggle} label=${t('council.form.designate')} secondary>${(close) =>
        html`<${RepresentativeForm} communityId=${id} serving=${d.reps.filter((r) => r.ended_at == null).map((r) => r.user_id)}
          onDone=${() => { close(); changed(); }} onCancel=${close} />`}<//>` : null}
    `}<//>
  </section>`;
}

function RateTable({ rate }) {
  if (rate.total.decided === 0) return html`<p class="empty">${t('council.noRate')}</p>`;
  const rows = [...rate.periods].reverse().concat([rate.total]);
  return html`<p class="hint">${t('council.rateHint')}</p><div class="table-wrap"><table class="table stack">
    <thead><tr><th scope="col">${t('council.period')}</th><th scope="col" class="num">${t('council.adoption.adopted')}</th>
      <th scope="col" class="num">${t('council.adoption.partly_adopted')}</th>
      <th scope="col" class="num">${t('council.adoption.not_adopted')}</th><th scope="col" class="num">${t('council.rateShort')}</th></tr></thead>
    <tbody>${rows.map((p) => html`<tr><th scope="row">${p.period === 'all' ? t('council.allPeriods') : p.period}</th>
      <td class="num" data-label=${t('council.adoption.adopted')}>${p.adopted}</td>
      <td class="num" data-label=${t('council.adoption.partly_adopted')}>${p.partly_adopted}</td>
      <td class="num" data-label=${t('council.adoption.not_adopted')}>${p.not_adopted}</td>
      <td class="num" data-label=${t('council.rateShort')}>${rateText(p)}</td></tr>`)}</tbody>
  </table></div>`;
}

function Representatives({ reps, manage, onChange }) {
  const [ending, setEnding] = useState(null);
  if (reps.length === 0) return html`<p class="empty">${t('council.noRepresentatives')}</p>`;
  return html`<ul class="reps">${reps.map((r) => html`<li>
    <strong>${r.display_name}</strong> <span class="sub">${r.ended_at == null
      ? t('council.servingSince', { time: formatTime(r.started_at, false) })
      : t('council.served', { from: formatTime(r.started_at, false), to: formatTime(r.ended_at, false), reason: r.end_reason })}</span>
    ${manage && r.ended_at == null
      ? ending === r.id
        ? html`<${EndTermForm} rep=${r} onDone=${() => { setEnding(null); onChange(); }} onCancel=${() => setEnding(null)} />`
        : html` <button type="button" class="link-button" onClick=${() => setEnding(r.id)}>${t('council.form.end')}</button>`
      : null}
  </li>`)}</ul>`;
}

export function TopicCallPage({ params }) {
  const s = useStore();
  const call = useLoad(() => api('GET', `/topic-calls/${params.id}`), [params.id, s.session]);
  return html`<article>
    <${Loaded} result=${call}>${(c) => html`
      <p class="crumbs"><a href=${'/c/' + c.community_id + '/council'}>${t('council.back')}</a></p>
      <${PageTitle}>${c.title}<//>
      <p class="sub"><span class=${'badge ' + (c.closed ? 'state-closed' : 'state-accepted')}>
        ${t(c.closed ? 'council.closed' : 'council.open')}</span>
        ${t('council.deadline', { time: formatTime(c.deadline) })}${c.theme ? ' · ' + t('council.theme', { theme: c.theme }) : ''}</p>
      ${c.description ? html`<div class="body">${c.description}</div>` : null}
      ${c.may_answer ? html`<p><a class="button" href=${'/c/' + c.community_id + '/new?call=' + c.id}>${t('council.answer')}</a></p>` : null}
      ${!c.may_answer && !c.closed && s.meLoaded
        ? html`<p class="notice">${t(s.me ? 'council.onlyResidents' : 'council.signInToAnswer')}</p>` : null}
      ${c.may_close ? html`<${CloseCall} c=${c} onDone=${call.reload} />` : null}
      <h2>${t('council.topics', { n: c.topics.length })}</h2>
      ${c.topics.length === 0 ? html`<p class="empty">${t('council.noTopics')}</p>`
        : html`<ul class="cards">${c.topics.map((p) => html`<li><a class="card" href=${'/p/' + p.id}>
            <span class="card-title">${p.title}</span><span class="card-sub"><${StateBadge} state=${p.state} /></span></a></li>`)}</ul>`}
    `}<//>
  </article>`;
}

function CloseCall({ c, onDone }) {
  const { busy, error, submit } = useSubmit(async () => {
    await api('POST', `/topic-calls/${c.id}/close`, {});
    onDone();
  });
  return html`<form class="form inline" onSubmit=${submit} novalidate>
    <button class="button secondary" type="submit" disabled=${busy}>${t('council.closeNow')}</button>
    <${ErrorBox} error=${error} />
  </form>`;
}
