import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, formatTime } from '../i18n.js';
import { api, offices } from '../api.js';
import { useStore } from '../store.js';
import { Loaded, PageTitle, SignInFirst, useLoad } from '../ui.js';

const KINDS = ['problem', 'wish', 'rule'];

// The columns of the table: how each is read from a row's figures (for
// sorting) and shown. Rates sort as numbers; a community without cases or
// ratings (no rate) sorts last either way.
const COLUMNS = [
  { key: 'topics', value: (f) => f.topics.total },
  { key: 'overdue', value: (f) => f.overdue },
  { key: 'closure', value: (f) => f.cases.closure_rate },
  { key: 'median', value: (f) => f.cases.median_seconds_to_close },
  { key: 'satisfaction', value: (f) => f.ratings.satisfaction_rate },
  { key: 'active', value: (f) => f.people.active },
  { key: 'points', value: (f) => f.points.given },
];

export function percent(rate) {
  return rate == null ? '–' : Math.round(rate * 100) + '%';
}

export function days(seconds) {
  return seconds == null ? '–' : t('dashboard.days', { n: (seconds / 86400).toFixed(1) });
}

// Rows sorted by `key` ('name' or a column's), nulls and communities not
// computed yet last, ties by name so that the order is stable.
export function sortRows(rows, key, descending) {
  const column = COLUMNS.find((c) => c.key === key);
  const read = (r) => (key === 'name' ? r.name : r.figures ? column.value(r.figures) : null);
  return [...rows].sort((a, b) => {
    const x = read(a);
    const y = read(b);
    if (x == null || y == null) return x == null ? (y == null ? a.name.localeCompare(b.name) : 1) : -1;
    const order = typeof x === 'string' ? x.localeCompare(y) : x - y;
    return (descending ? -order : order) || a.name.localeCompare(b.name);
  });
}

// 驾驶舱: the district's admins see their district, a street's staff their
// street; a table of the communities with the totals, sortable, and the
// same table as CSV.
export function DashboardPage({ query }) {
  const s = useStore();
  const mine = offices(s.me);
  const scopes = [...mine.districts.map((id) => ({ kind: 'district', id })), ...mine.streets.map((id) => ({ kind: 'street', id }))];
  const [picked, setPicked] = useState(null);
  if (!s.me) return html`<${SignInFirst} title=${t('dashboard.title')} next="/dashboard" />`;
  const street = query && Number(query.get('street'));
  const chosen = picked || scopes.find((x) => x.kind === 'street' && x.id === street) || scopes[0] || null;
  return html`<section>
    <${PageTitle}>${t('dashboard.title')}<//>
    <p class="lead">${t('dashboard.intro')}</p>
    ${chosen == null
      ? html`<p class="notice">${t('dashboard.noOffice')}</p>`
      : html`${scopes.length > 1
          ? html`<div class="chips" role="group" aria-label=${t('dashboard.scope')}>
              ${scopes.map((x) => html`<button type="button" class="chip" key=${x.kind + x.id}
                aria-pressed=${chosen.kind === x.kind && chosen.id === x.id ? 'true' : 'false'}
                onClick=${() => setPicked(x)}>${t('dashboard.scopes.' + x.kind, { id: x.id })}</button>`)}
            </div>`
          : null}
          <${Scope} key=${chosen.kind + chosen.id} scope=${chosen} />`}
  </section>`;
}

// Without pending changes the kept figures hold every change up to the
// answer's `now` (a community's own computed_at is only when it last
// changed), so that is the time they are current as of.
function Scope({ scope }) {
  const path = `/${scope.kind === 'district' ? 'districts' : 'streets'}/${scope.id}/dashboard`;
  const view = useLoad(() => api('GET', path), [path]);
  return html`<${Loaded} result=${view}>${(v) => html`
    <h2>${v.scope.name}</h2>
    <p class="meta">${t('dashboard.asOf', { time: formatTime(v.pending ? v.totals.computed_at || v.now : v.now) })}
      ${v.pending ? html` · ${t('dashboard.pending')}` : null}</p>
    <${Totals} f=${v.totals} n=${v.communities.length} windowDays=${v.active_window_days} />
    <p class="actions">
      <a class="button secondary" href=${'/api/v1' + path + '/export'} download>${t('dashboard.csv')}</a>
      <button type="button" class="button secondary" onClick=${view.reload}>${t('dashboard.refresh')}</button>
    </p>
    <${Table} rows=${v.communities} totals=${v.totals} />`}<//>`;
}

function Totals({ f, n, windowDays }) {
  return html`<dl class="figures compact">
    <div><dt>${t('dashboard.communities')}</dt><dd>${n}</dd></div>
    <div><dt>${t('dashboard.col.topics')}</dt><dd>${f.topics.total}</dd>
      <dd class="hint">${KINDS.map((k) => t('kinds.' + k) + ' ' + f.topics.by_kind[k]).join(' · ')}</dd></div>
    <div><dt>${t('dashboard.col.overdue')}</dt><dd>${f.overdue}</dd></div>
    <div><dt>${t('dashboard.col.closure')}</dt><dd>${percent(f.cases.closure_rate)}</dd>
      <dd class="hint">${t('dashboard.closedOf', { closed: f.cases.closed, total: f.cases.total })}</dd></div>
    <div><dt>${t('dashboard.col.median')}</dt><dd>${days(f.cases.median_seconds_to_close)}</dd></div>
    <div><dt>${t('dashboard.col.satisfaction')}</dt><dd>${percent(f.ratings.satisfaction_rate)}</dd>
      <dd class="hint">${t('dashboard.ratings', { n: f.ratings.count })}</dd></div>
    <div><dt>${t('dashboard.col.active')}</dt><dd>${f.people.active}</dd>
      <dd class="hint">${t('dashboard.activeOf', { members: f.people.members, days: windowDays })}</dd></div>
    <div><dt>${t('dashboard.col.points')}</dt><dd>${f.points.given}</dd>
      <dd class="hint">${t('dashboard.redeemed', { n: f.points.redeemed })}</dd></div>
  </dl>
  ${Object.keys(f.topics.by_state).length > 0
    ? html`<p class="meta">${t('dashboard.byState')} ${Object.entries(f.topics.by_state)
        .map(([state, count]) => t('states.' + state) + ' ' + count).join(' · ')}</p>`
    : null}`;
}

function Table({ rows, totals }) {
  const [sort, setSort] = useState({ key: 'name', descending: false });
  const sorted = sortRows(rows, sort.key, sort.descending);
  const by = (key) => setSort((old) => ({ key, descending: old.key === key ? !old.descending : key !== 'name' }));
  const head = (key, label, num = true) => {
    const current = sort.key === key;
    return html`<th scope="col" class=${num ? 'num' : ''}
      aria-sort=${current ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" class="sort" onClick=${() => by(key)}>${label}<span aria-hidden="true">${current ? (sort.descending ? ' ▼' : ' ▲') : ''}</span></button>
    </th>`;
  };
  return html`<div class="table-wrap"><table class="table dash">
    <caption>${t('dashboard.tableCaption')}</caption>
    <thead><tr>
      ${head('name', t('dashboard.col.community'), false)}
      ${COLUMNS.map((c) => head(c.key, t('dashboard.col.' + c.key)))}
    </tr></thead>
    <tbody>${sorted.map((r) => html`<tr key=${r.id}>
      <th scope="row"><a href=${'/c/' + r.id}>${r.name}</a><br /><span class="muted">${r.street_name}</span></th>
      ${r.figures ? html`<${Cells} f=${r.figures} />` : html`<td colspan=${COLUMNS.length}>${t('dashboard.notYet')}</td>`}
    </tr>`)}</tbody>
    <tfoot><tr><th scope="row">${t('dashboard.total')}</th><${Cells} f=${totals} /></tr></tfoot>
  </table></div>`;
}

function Cells({ f }) {
  return html`<td class="num">${f.topics.total}</td>
    <td class="num">${f.overdue}</td>
    <td class="num">${percent(f.cases.closure_rate)}<br /><span class="muted">${f.cases.closed}/${f.cases.total}</span></td>
    <td class="num">${days(f.cases.median_seconds_to_close)}</td>
    <td class="num">${percent(f.ratings.satisfaction_rate)}<br /><span class="muted">${t('dashboard.ratings', { n: f.ratings.count })}</span></td>
    <td class="num">${f.people.active}<br /><span class="muted">/ ${f.people.members}</span></td>
    <td class="num">${f.points.given}<br /><span class="muted">${t('dashboard.redeemed', { n: f.points.redeemed })}</span></td>`;
}
