import { html } from '../html.js';
import { t } from '../i18n.js';
import { api, offices } from '../api.js';
import { useStore } from '../store.js';
import { Loaded, PageTitle, useLoad } from '../ui.js';
import { MyAssistedActs } from './assist_parts.js';

// The district whose communities the app lists (one district per server
// for now; ?district=N picks another).
export function districtId(query) {
  const d = Number(query && query.get('district'));
  return Number.isInteger(d) && d > 0 ? d : 1;
}

export function CommunityList({ district, hrefFor }) {
  const result = useLoad(async () => {
    const [d, list] = await Promise.all([
      api('GET', `/districts/${district}`),
      api('GET', `/communities?district=${district}&limit=200`),
    ]);
    return { d, list };
  }, [district]);
  return html`<${Loaded} result=${result}>${({ d, list }) => {
    const streetName = new Map(d.streets.map((s) => [s.id, s.name]));
    return html`<ul class="cards">
      ${list.items.map(
        (c) => html`<li><a class="card" href=${hrefFor(c)}>
          <span class="card-title">${c.name}</span>
          <span class="card-sub">${streetName.get(c.street_id) || ''} · ${d.name}</span>
        </a></li>`,
      )}
    </ul>`;
  }}<//>`;
}

// A community's name, read once per page.
function CommunityName({ id }) {
  const c = useLoad(() => api('GET', `/communities/${id}`), [id]);
  return c.data ? c.data.name : t('home.communityNumber', { id });
}

export function HomePage({ query }) {
  const s = useStore();
  const me = s.me;
  const memberships = me ? me.memberships || [] : [];
  const runs = me ? (me.roles || []).filter((r) => r.role === 'committee') : [];
  const work = offices(me);
  return html`<section>
    <${PageTitle}>${me ? t('home.hello', { name: me.user.display_name }) : t('home.welcome')}<//>
    ${!me
      ? html`<p class="lead">${t('home.intro')}</p>
          <div class="actions">
            <a class="button" href="/login">${t('nav.login')}</a>
            <a class="button secondary" href="/join">${t('home.joinFirst')}</a>
          </div>`
      : null}
    ${memberships.length > 0 || runs.length > 0
      ? html`<h2>${t('home.myCommunities')}</h2>
          <ul class="cards">
            ${runs.map(
              (r) => html`<li><a class="card" href=${'/c/' + r.scope.id}>
                <span class="card-title"><${CommunityName} id=${r.scope.id} /></span>
                <span class="card-sub">${t('roles.committee')}</span></a></li>`,
            )}
            ${memberships
              .filter((m) => !runs.some((r) => r.scope.id === m.community_id))
              .map(
                (m) => html`<li><a class="card" href=${'/c/' + m.community_id}>
                  <span class="card-title"><${CommunityName} id=${m.community_id} /></span>
                  <span class="card-sub">${t('membership.' + m.status)}</span></a></li>`,
              )}
          </ul>`
      : null}
    ${runs.length > 0 ? html`<p><a class="button" href="/queue">${t('nav.queue')}</a></p>` : null}
    ${memberships.length > 0 ? html`<p><a class="button secondary" href="/points">${t('points.title')}</a></p>` : null}
    ${me ? html`<${MyAssistedActs} session=${s.session} />` : null}
    ${work.streets.length > 0 || work.districts.length > 0
      ? html`<h2>${t('home.myWork')}</h2>
          <div class="actions">
            <a class="button" href="/escalations">${t('escalation.pageTitle')}</a>
            <a class="button secondary" href="/dashboard">${t('dashboard.title')}</a>
            ${work.streets.map((id) => html`<a class="button secondary" href=${'/s/' + id + '/wish-rounds'}>${t('wishRound.streetLink')}</a>`)}
            ${work.districts.map((d) => html`<a class="button secondary" href=${'/d/' + d + '/wish-rounds'}>${t('wishRound.districtLink')}</a>`)}
            ${work.districts.map((d) => html`<a class="button secondary" href=${'/d/' + d + '/settings'}>${t('district.settingsTitle')}</a>
              <a class="button secondary" href=${'/d/' + d + '/plugins'}>${t('district.pluginsTitle')}</a>
              <a class="button secondary" href=${'/d/' + d + '/rewards'}>${t('rewards.title')}</a>`)}
          </div>`
      : null}
    <h2>${t('home.allCommunities')}</h2>
    <${CommunityList} district=${districtId(query)} hrefFor=${(c) => '/c/' + c.id} />
  </section>`;
}
