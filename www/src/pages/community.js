import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, formatMoney } from '../i18n.js';
import { api, standing } from '../api.js';
import { useStore } from '../store.js';
import { ErrorBox, Loaded, OverdueBadges, PageTitle, StateBadge, useLoad, useSubmit } from '../ui.js';
import { MembershipNotice } from './join.js';
import { ElectionList } from './votes.js';
import { CaseFigures, CaseStateBadge } from './case_parts.js';
import { CallList, rateText } from './council_parts.js';

// The states a resident looks for, in the order of the 议事 chain.
export const STATE_ORDER = [
  'submitted', 'screening', 'needs_revision', 'accepted', 'consultation', 'voting', 'adopted',
  'project', 'convention', 'not_adopted', 'rejected', 'merged', 'closed', 'withdrawn',
];

export function TopicItem({ p }) {
  return html`<li><a class="card" href=${'/p/' + p.id}>
    <span class="card-title">${p.title}</span>
    <span class="card-sub"><span class="kind">${t('kinds.' + p.kind)}</span>
      ${p.state === 'accepted' && p.case ? html`<${CaseStateBadge} c=${p.case} />` : html`<${StateBadge} state=${p.state} />`}
      <${OverdueBadges} overdue=${p.overdue} /></span>
  </a></li>`;
}

// The community's 小区, to read the topics of one (the resident's own first).
function EstateChips({ estates, chosen, mine, onChoose }) {
  if (!estates || estates.length === 0) return null;
  const own = estates.find((e) => e.id === mine);
  const others = estates.filter((e) => e !== own);
  const chip = (value, label) => html`<button type="button" class="chip" aria-pressed=${chosen === value ? 'true' : 'false'}
    onClick=${() => onChoose(value)}>${label}</button>`;
  return html`<div class="chips" role="group" aria-label=${t('community.estates')}>
    ${chip('', t('community.allEstates'))}
    ${own ? chip(String(own.id), t('community.myEstate', { name: own.name })) : null}
    ${others.map((e) => chip(String(e.id), e.name))}
  </div>`;
}

// A resident says the 小区 they are looking at is where they live.
function LiveHere({ communityId, estate, onDone }) {
  const { busy, error, submit } = useSubmit(async () => {
    await api('PUT', `/communities/${communityId}/my-estate`, { estate_id: Number(estate) });
    onDone();
  });
  return html`<div>
    <button type="button" class="button secondary" disabled=${busy} onClick=${submit}>${t('community.liveHere')}</button>
    <${ErrorBox} error=${error} />
  </div>`;
}

export function CommunityPage({ params }) {
  const id = params.id;
  const s = useStore();
  const [filter, setFilter] = useState('');
  const [estate, setEstate] = useState('');
  const me = standing(s.me, id);
  const resident = !!(me.member && me.member.status === 'verified');
  // One render for the whole first view (each answer would otherwise lay
  // the page out again); a state chosen later reloads the topics alone.
  const page = useLoad(async () => {
    const [c, topics, projects, conventions, elections, caseStats, cases, places, calls, rate] = await Promise.all([
      api('GET', `/communities/${id}`),
      api('GET', `/communities/${id}/proposals?limit=50`),
      api('GET', `/communities/${id}/projects`),
      api('GET', `/communities/${id}/conventions`),
      api('GET', `/communities/${id}/elections`),
      api('GET', `/communities/${id}/case-stats`),
      api('GET', `/communities/${id}/cases?limit=20`),
      api('GET', `/communities/${id}/grids`),
      api('GET', `/communities/${id}/topic-calls?limit=5`),
      api('GET', `/communities/${id}/adoption-rate`),
    ]);
    return { c, topics, projects: projects.items, conventions: conventions.items, elections: elections.items,
      caseStats, cases: cases.items, estates: places.estates, grids: places.grids,
      calls: calls.items.filter((x) => !x.closed), rate };
  }, [id, s.session]);
  // The topics of one 小区, and the 小区 a resident said they live in.
  const inEstate = useLoad(
    () => (estate ? api('GET', `/communities/${id}/estates/${estate}/proposals?limit=50`) : Promise.resolve(null)),
    [id, estate, s.session],
  );
  const myEstate = useLoad(
    () => (resident ? api('GET', `/communities/${id}/my-estate`) : Promise.resolve(null)),
    [id, resident, s.session],
  );
  const filtered = useLoad(
    () => (filter ? api('GET', `/communities/${id}/proposals?limit=50&state=${filter}`) : Promise.resolve(null)),
    [id, filter, s.session],
  );
  const part = (pick) => ({ ...page, data: page.data && pick(page.data) });
  const community = part((d) => d.c);
  const elections = part((d) => ({ items: d.elections }));
  const council = part((d) => d);
  const outcomes = part((d) => d);
  // The counts per state stay those of all topics while one state is shown.
  const topics = estate
    ? inEstate
    : filter
      ? { ...filtered, data: filtered.data && page.data && { ...filtered.data, counts: page.data.topics.counts } }
      : part((d) => d.topics);
  // One "loading" (or one error) until the first view is here.
  if (!page.data) return html`<section><${Loaded} result=${page}>${() => null}<//></section>`;
  // A 网格员 records where residents of their grids live (the grids page)
  // and acts for residents; a 楼栋长 acts for those of their building.
  const myId = s.me && s.me.user.id;
  const gridWorker = !!myId && page.data.grids.some((g) => g.workers.some((w) => w.id === myId));
  const buildingHead = !!myId && page.data.estates.some((e) => (e.building_heads || []).some((h) => h.user.id === myId));

  return html`<section>
    <${Loaded} result=${community}>${(c) => html`
      <${PageTitle}>${c.name}<//>
      <p class="sub">${c.street.name} · ${c.district.name} · ${t('community.residents', { n: c.verified_residents })}</p>
      <${MembershipNotice} member=${me.member} communityId=${id} />
      ${s.meLoaded && !me.member && !me.committee
        ? html`<p><a class="button secondary" href=${'/c/' + id + '/join'}>${t('community.join')}</a></p>`
        : null}
      <div class="actions">
        ${me.canTakePart ? html`<a class="button" href=${'/c/' + id + '/new'}>${t('community.raise')}</a>` : null}
        ${me.committee ? html`<a class="button secondary" href=${'/c/' + id + '/members'}>${t('community.members')}</a>` : null}
        ${me.committee || gridWorker ? html`<a class="button secondary" href=${'/c/' + id + '/grids'}>${t('grids.title')}</a>` : null}
        ${me.committee || gridWorker || buildingHead
          ? html`<a class="button secondary" href=${'/c/' + id + '/assist'}>${t('assist.title')}</a>` : null}
        ${me.committee ? html`<a class="button secondary" href="/queue">${t('nav.queue')}</a>` : null}
        ${me.committee ? html`<a class="button secondary" href=${'/c/' + id + '/moderation'}>${t('moderation.title')}</a>` : null}
        ${me.committee ? html`<a class="button secondary" href=${'/c/' + id + '/redemptions'}>${t('redemptions.title')}</a>` : null}
        <a class="button secondary" href=${'/c/' + id + '/votes'}>${t('votes.title')}</a>
        <a class="button secondary" href=${'/c/' + id + '/board'}>${t('board.link')}</a>
        <a class="button secondary" href=${'/c/' + id + '/polls'}>${t('polls.link')}</a>
        <a class="button secondary" href=${'/c/' + id + '/council'}>${t('council.link')}</a>
        <a class="button secondary" href=${'/c/' + id + '/wish-rounds'}>${t('wishRound.link')}</a>
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

    <${Loaded} result=${council}>${(d) => html`
      ${d.calls.length ? html`<h2>${t('council.openCalls')}</h2><${CallList} calls=${d.calls} />` : null}
      ${d.rate.total.decided > 0
        ? html`<p class="notice">${t('council.rateLine', { rate: rateText(d.rate.total), n: d.rate.total.decided })}
            <a href=${'/c/' + id + '/council'}>${t('council.more')}</a></p>` : null}`}<//>

    <h2 id="topics-heading">${t('community.topics')}</h2>
    <${EstateChips} estates=${page.data.estates} chosen=${estate} mine=${myEstate.data && myEstate.data.estate_id}
      onChoose=${(e) => {
        setEstate(e);
        setFilter('');
      }} />
    ${resident && estate && myEstate.data && String(myEstate.data.estate_id) !== estate
      ? html`<${LiveHere} communityId=${id} estate=${estate} onDone=${myEstate.reload} />`
      : null}
    <${Loaded} result=${topics}>${(list) => html`
      ${estate ? null : html`<div class="chips" role="group" aria-labelledby="topics-heading">
        <button type="button" class="chip" aria-pressed=${filter === '' ? 'true' : 'false'}
          onClick=${() => setFilter('')}>${t('community.allStates')}</button>
        ${STATE_ORDER.filter((st) => list.counts && list.counts[st]).map(
          (st) => html`<button type="button" class="chip" aria-pressed=${filter === st ? 'true' : 'false'}
            onClick=${() => setFilter(st)}>${t('states.' + st)} ${list.counts[st]}</button>`,
        )}
      </div>`}
      ${list.items.length === 0
        ? html`<p class="empty">${t('community.noTopics')}</p>`
        : html`<ul class="cards">${list.items.map((p) => html`<${TopicItem} p=${p} />`)}</ul>`}
    `}<//>

    <${Loaded} result=${outcomes}>${(o) => html`
      <${CaseFigures} stats=${o.caseStats} cases=${o.cases} />
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
    <p class="more"><a href=${'/c/' + id + '/moderation'}>${t('moderation.logTitle')}</a></p>
  </section>`;
}
