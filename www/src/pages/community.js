import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, formatMoney } from '../i18n.js';
import { api, standing } from '../api.js';
import { useStore } from '../store.js';
import { Loaded, OverdueBadges, PageTitle, StateBadge, useLoad } from '../ui.js';
import { MembershipNotice } from './join.js';
import { ElectionList } from './votes.js';

// The states a resident looks for, in the order of the 议事 chain.
export const STATE_ORDER = [
  'submitted', 'screening', 'needs_revision', 'accepted', 'consultation', 'voting', 'adopted',
  'project', 'convention', 'not_adopted', 'rejected', 'merged', 'closed', 'withdrawn',
];

export function TopicItem({ p }) {
  return html`<li><a class="card" href=${'/p/' + p.id}>
    <span class="card-title">${p.title}</span>
    <span class="card-sub"><span class="kind">${t('kinds.' + p.kind)}</span>
      <${StateBadge} state=${p.state} /> <${OverdueBadges} overdue=${p.overdue} /></span>
  </a></li>`;
}

export function CommunityPage({ params }) {
  const id = params.id;
  const s = useStore();
  const [filter, setFilter] = useState('');
  const community = useLoad(() => api('GET', `/communities/${id}`), [id]);
  const topics = useLoad(
    () => api('GET', `/communities/${id}/proposals?limit=50${filter ? '&state=' + filter : ''}`),
    [id, filter],
  );
  const outcomes = useLoad(async () => {
    const [projects, conventions] = await Promise.all([
      api('GET', `/communities/${id}/projects`),
      api('GET', `/communities/${id}/conventions`),
    ]);
    return { projects: projects.items, conventions: conventions.items };
  }, [id]);
  const elections = useLoad(() => api('GET', `/communities/${id}/elections`), [id]);
  const me = standing(s.me, id);

  return html`<section>
    <${Loaded} result=${community}>${(c) => html`
      <${PageTitle}>${c.name}<//>
      <p class="sub">${c.street.name} · ${c.district.name} · ${t('community.residents', { n: c.verified_residents })}</p>
      <${MembershipNotice} member=${me.member} communityId=${id} />
      ${!me.member && !me.committee
        ? html`<p><a class="button secondary" href=${'/c/' + id + '/join'}>${t('community.join')}</a></p>`
        : null}
      <div class="actions">
        ${me.canTakePart ? html`<a class="button" href=${'/c/' + id + '/new'}>${t('community.raise')}</a>` : null}
        ${me.committee ? html`<a class="button secondary" href=${'/c/' + id + '/members'}>${t('community.members')}</a>` : null}
        ${me.committee ? html`<a class="button secondary" href="/queue">${t('nav.queue')}</a>` : null}
        <a class="button secondary" href=${'/c/' + id + '/votes'}>${t('votes.title')}</a>
      </div>
      ${me.committee && c.join_code
        ? html`<p class="notice">${t('community.joinCode')} <strong class="code">${c.join_code}</strong></p>`
        : null}
    `}<//>

    <${Loaded} result=${elections}>${(l) =>
      l.items.some((e) => e.phase !== 'published')
        ? html`<h2>${t('votes.current')}</h2>
            <${ElectionList} items=${l.items.filter((e) => e.phase !== 'published')} />`
        : null}<//>

    <h2 id="topics-heading">${t('community.topics')}</h2>
    <${Loaded} result=${topics}>${(list) => html`
      <div class="chips" role="group" aria-labelledby="topics-heading">
        <button type="button" class="chip" aria-pressed=${filter === '' ? 'true' : 'false'}
          onClick=${() => setFilter('')}>${t('community.allStates')}</button>
        ${STATE_ORDER.filter((st) => list.counts && list.counts[st]).map(
          (st) => html`<button type="button" class="chip" aria-pressed=${filter === st ? 'true' : 'false'}
            onClick=${() => setFilter(st)}>${t('states.' + st)} ${list.counts[st]}</button>`,
        )}
      </div>
      ${list.items.length === 0
        ? html`<p class="empty">${t('community.noTopics')}</p>`
        : html`<ul class="cards">${list.items.map((p) => html`<${TopicItem} p=${p} />`)}</ul>`}
    `}<//>

    <${Loaded} result=${outcomes}>${(o) => html`
      <h2>${t('community.projects')}</h2>
      ${o.projects.length === 0
        ? html`<p class="empty">${t('community.noProjects')}</p>`
        : html`<ul class="cards">${o.projects.map(
            (p) => html`<li><a class="card" href=${'/projects/' + p.id}>
              <span class="card-title">${p.title}</span>
              <span class="card-sub">${t('project.progressShort', { n: p.progress_percent })} ·
                ${t('project.budget')} ${formatMoney(p.budget_fen)}
                ${p.completed ? html` · <span class="badge state-adopted">${t('project.completed')}</span>` : null}</span>
            </a></li>`,
          )}</ul>`}
      <h2>${t('community.conventions')}</h2>
      ${o.conventions.length === 0
        ? html`<p class="empty">${t('community.noConventions')}</p>`
        : html`<ul class="cards">${o.conventions.map(
            (cv) => html`<li><a class="card" href=${'/conventions/' + cv.id}>
              <span class="card-title">${cv.title}</span>
              <span class="card-sub">${t('convention.versionN', { n: cv.current_version })}</span>
            </a></li>`,
          )}</ul>`}
    `}<//>
  </section>`;
}
