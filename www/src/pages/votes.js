import { html } from '../html.js';
import { t, formatTime } from '../i18n.js';
import { api, standing } from '../api.js';
import { useStore } from '../store.js';
import { Loaded, PageTitle, useLoad } from '../ui.js';
import { PhaseBadge } from './election_parts.js';

// A community's elections, newest first (each links to its page); a
// street's or the district's round is marked as such.
export function ElectionList({ items }) {
  if (items.length === 0) return html`<p class="empty">${t('election.none')}</p>`;
  return html`<ul class="cards">${items.map((e) => html`<li><a class="card" href=${'/elections/' + e.id}>
    <span class="card-title">${e.title}</span>
    <span class="card-sub"><span class="kind">${t('election.kinds.' + e.kind)}</span>
      ${e.scope_kind && e.scope_kind !== 'community'
        ? html` <span class="badge scope">${t('election.scopes.' + e.scope_kind)}</span>` : null}
      <${PhaseBadge} phase=${e.phase} />
      ${t('election.closesAt', { time: formatTime(e.window.closes_at) })}</span>
  </a></li>`)}</ul>`;
}

export function VotesPage({ params }) {
  const s = useStore();
  const list = useLoad(() => api('GET', `/communities/${params.id}/elections`), [params.id]);
  return html`<section>
    <p class="crumbs"><a href=${'/c/' + params.id}>${t('common.backToCommunity')}</a></p>
    <${PageTitle}>${t('votes.title')}<//>
    <p>${t('votes.intro')}</p>
    ${standing(s.me, params.id).committee
      ? html`<p><a class="button" href=${'/c/' + params.id + '/votes/new'}>${t('newVote.title')}</a></p>` : null}
    <${Loaded} result=${list}>${(l) => html`<${ElectionList} items=${l.items} />`}<//>
  </section>`;
}
