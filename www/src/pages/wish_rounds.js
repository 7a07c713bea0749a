import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, formatMoney, formatTime } from '../i18n.js';
import { api } from '../api.js';
import { navigate } from '../router.js';
import { useStore } from '../store.js';
import { ErrorBox, FormActions, Loaded, PageTitle, StateBadge, Toggle, useLoad, useSubmit } from '../ui.js';
import { WishRoundForm, RaiseWishForm, CostForm, BudgetForm, OpenVoteForm } from './wish_round_forms.js';

// The yearly 民心项目 round (docs/wish-rounds.md): the rounds of a
// community (with its street's and district's), of a street or of the
// district, and one round's whole path, from the call for wishes to the
// year's projects, with the form of whoever runs it for the step it is at.

const PHASES = ['collecting', 'costing', 'ready', 'voting', 'decided'];
// A scope's list page and its API path, by scope_kind.
const LIST_PAGE = { community: '/c/', street: '/s/', district: '/d/' };
const API_PATH = { community: '/communities/', street: '/streets/', district: '/districts/' };

export function WishRoundsPage({ params }) {
  return html`<${ScopeRounds} kind="community" id=${params.id} />`;
}

export function StreetWishRoundsPage({ params }) {
  return html`<${ScopeRounds} kind="street" id=${params.id} />`;
}

export function DistrictWishRoundsPage({ params }) {
  return html`<${ScopeRounds} kind="district" id=${params.id} />`;
}

function ScopeRounds({ kind, id }) {
  const s = useStore();
  const path = API_PATH[kind] + id + '/wish-rounds';
  const page = useLoad(() => api('GET', path), [path, s.session]);
  return html`<section>
    <${Loaded} result=${page}>${(d) => html`
      <p class="crumbs"><a href=${kind === 'community' ? '/c/' + id : '/'}>
        ${t(kind === 'community' ? 'common.backToCommunity' : 'wishRound.backHome')}</a></p>
      <${PageTitle}>${t('wishRound.listTitle', { name: d.scope_name })}<//>
      <p class="hint">${t(kind === 'community' ? 'wishRound.about' : 'wishRound.aboutScope.' + kind)}</p>
      ${d.items.length === 0
        ? html`<p class="empty">${t('wishRound.none')}</p>`
        : html`<ul class="cards one">${d.items.map((r) => html`<li><a class="card" href=${'/wish-rounds/' + r.id}>
            <span class="card-title">${r.title}</span>
            <span class="card-sub"><span class="badge">${t('wishRound.phases.' + r.phase)}</span>
              ${r.scope_kind !== 'community' ? html` <span class="badge">${t('wishRound.scopeBadge.' + r.scope_kind)}</span>` : null}
              ${t('wishRound.yearN', { n: r.year })}</span></a></li>`)}</ul>`}
      ${d.manage ? html`<${Toggle} label=${t('wishRound.form.new')}>${(close) =>
        html`<${WishRoundForm} path=${path} onDone=${(r) => navigate('/wish-rounds/' + r.id)} onCancel=${close} />`}<//>` : null}
    `}<//>
  </section>`;
}

// Where the round is on its path: each phase, the current one marked.
function Path({ phase }) {
  const at = PHASES.indexOf(phase);
  return html`<ol class="steps" aria-label=${t('wishRound.path')}>${PHASES.map((p, i) => html`<li
    class=${i < at ? 'done' : i === at ? 'current' : ''} aria-current=${i === at ? 'step' : undefined}>
    ${t('wishRound.phases.' + p)}</li>`)}</ol>`;
}

function WishItem({ w, round, onChanged }) {
  const costable = round.manage && (round.phase === 'costing' || round.phase === 'ready') && w.state === 'accepted';
  return html`<li class="panel">
    <h3><a href=${'/p/' + w.proposal_id}>${w.title}</a> <${StateBadge} state=${w.state} /></h3>
    ${round.scope_kind !== 'community' ? html`<p class="sub">${t('wishRound.fromCommunity', { name: w.community_name })}</p>` : null}
    ${w.state === 'rejected' || w.state === 'needs_revision'
      ? html`<p class="sub">${t('wishRound.screeningReason', { reason: w.reason })}</p>` : null}
    ${w.cost != null ? html`<p><strong>${t('wishRound.cost')} ${formatMoney(w.cost)}</strong></p>
      <p class="sub">${t('wishRound.costNote', { note: w.cost_note })}</p>` : null}
    ${w.votes != null ? html`<p>${t('wishRound.votesN', { n: w.votes })} ·
      <span class=${'badge ' + (w.selected ? 'state-adopted' : 'state-not_adopted')}>
        ${t(w.selected ? 'wishRound.selected' : 'wishRound.notSelected')}</span></p>` : null}
    ${w.project ? html`<p><a class="button secondary" href=${'/projects/' + w.project.id}>
      ${t('wishRound.projectLink', { n: w.project.progress_percent })}</a>
      ${w.project.completed ? html` <span class="badge state-adopted">${t('project.completed')}</span>` : null}</p>` : null}
    ${costable ? html`<${Toggle} secondary label=${t(w.cost != null ? 'wishRound.form.recost' : 'wishRound.form.cost')}>${(close) =>
      html`<${CostForm} round=${round} wish=${w} onDone=${() => { close(); onChanged(); }} onCancel=${close} />`}<//>` : null}
  </li>`;
}

export function WishRoundPage({ params }) {
  const s = useStore();
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);
  const loaded = useLoad(() => api('GET', `/wish-rounds/${params.id}`), [params.id, s.session, changes]);
  return html`<article>
    <${Loaded} result=${loaded}>${(r) => {
      const accepted = r.wishes.filter((w) => w.cost != null && w.state === 'accepted').length;
      return html`
      <p class="crumbs"><a href=${LIST_PAGE[r.scope_kind] + r.scope_id + '/wish-rounds'}>${t('wishRound.back')}</a></p>
      <${PageTitle}>${r.title}<//>
      <p class="sub">${[t('wishRound.scopeLine.' + r.scope_kind, { name: r.scope_name }), t('wishRound.yearN', { n: r.year }),
        t('wishRound.dueAt', { time: formatTime(r.wishes_due_at) })].join(' · ')}</p>
      <${Path} phase=${r.phase} />
      ${r.call ? html`<div class="body">${r.call}</div>` : null}

      ${r.may_raise ? html`<${Toggle} label=${t('wishRound.form.raise')}>${(close) =>
        html`<${RaiseWishForm} round=${r} onDone=${() => { close(); changed(); }} onCancel=${close} />`}<//>` : null}
      ${r.phase === 'collecting' && !r.may_raise && s.meLoaded
        ? html`<p class="notice">${r.collecting_due ? t('wishRound.collectionOver')
          : t(s.me ? 'wishRound.onlyResidentsOf' : 'wishRound.signInToRaiseOf', { name: r.scope_name })}</p>` : null}

      ${r.manage ? html`<${CommitteeStep} r=${r} accepted=${accepted} onChanged=${changed} />` : null}

      <h2>${t('wishRound.wishes', { n: r.wishes.length })}</h2>
      ${r.wishes.length === 0 ? html`<p class="empty">${t('wishRound.noWishes')}</p>`
        : html`<ul class="cards wishes">${r.wishes.map((w) => html`<${WishItem} key=${w.proposal_id} w=${w} round=${r} onChanged=${changed} />`)}</ul>`}

      ${r.budget != null ? html`<h2>${t('wishRound.budgetAndRule')}</h2>
        <p>${t('wishRound.budget')} <strong>${formatMoney(r.budget)}</strong> · ${t('wishRound.rule')} <strong>${t('wishRound.ruleNames.' + r.rule)}</strong>
          ${r.rule_param ? ` (${r.rule_param})` : ''} · ${t('wishRound.maxChoices', { n: r.max_choices })}</p>
        <p class="hint">${t('wishRound.rules.' + r.rule)}</p>
        ${r.judge ? html`<${Judge} j=${r.judge} />` : null}` : null}

      ${r.election ? html`<h2>${t('wishRound.vote')}</h2>
        <p>${t('wishRound.votePhase.' + r.election.phase)} · ${t('wishRound.closesAt', { time: formatTime(r.election.closes_at) })}</p>
        <p><a class="button" href=${'/elections/' + r.election.id}>${t('wishRound.toVote')}</a></p>` : null}
    `;
    }}<//>
  </article>`;
}

// Who judges the vote: the district's selection plugin, by name, version
// and hash; recorded once the vote's manifest names it.
function Judge({ j }) {
  return html`<p class="judge">${t('wishRound.judge.plugin')} <strong>${j.plugin} ${j.plugin_version}</strong>
    <br /><span class="sub">${t('wishRound.judge.hash')} <code class="hash">${j.plugin_hash}</code></span>
    <br /><span class="sub">${t(j.recorded ? 'wishRound.judge.recorded' : 'wishRound.judge.willRecord')}</span></p>`;
}

// The committee's form for the step the round is at.
function CommitteeStep({ r, accepted, onChanged }) {
  if (r.phase === 'collecting') {
    return r.collecting_due
      ? html`<${CloseCollecting} r=${r} onDone=${onChanged} />`
      : html`<p class="hint">${t('wishRound.committee.waitForDeadline')}</p>`;
  }
  if (r.phase === 'costing' || r.phase === 'ready') {
    return html`<p class="hint">${t(r.scope_kind === 'community' ? 'wishRound.committee.costing' : 'wishRound.committee.costingScope')}</p>
      ${accepted > 0 ? html`<${Toggle} secondary label=${t(r.phase === 'ready' ? 'wishRound.form.changeBudget' : 'wishRound.form.budget')}>${(close) =>
        html`<${BudgetForm} round=${r} costed=${accepted} onDone=${() => { close(); onChanged(); }} onCancel=${close} />`}<//>` : null}
      ${r.phase === 'ready' ? html`<${Toggle} label=${t('wishRound.form.open')}>${(close) =>
        html`<${OpenVoteForm} round=${r} onDone=${() => { close(); onChanged(); }} onCancel=${close} />`}<//>` : null}`;
  }
  return null;
}

function CloseCollecting({ r, onDone }) {
  const { busy, error, submit } = useSubmit(async () => {
    await api('POST', `/wish-rounds/${r.id}/close-collecting`, {});
    onDone();
  });
  return html`<form class="form panel" onSubmit=${submit}>
    <p>${t('wishRound.committee.closeHint')}</p>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('wishRound.form.closeCollecting')} />
  </form>`;
}

