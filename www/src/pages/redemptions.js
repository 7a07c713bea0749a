import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, formatTime } from '../i18n.js';
import { api } from '../api.js';
import { ErrorBox, Failure, Loaded, PageTitle, retryable, useLoad, useSubmit } from '../ui.js';

// 积分兑换发放: the committee hands over the rewards its residents redeemed.
// Waiting ones first (oldest first, as they queue at the desk), each with
// one button; those handed over below (oldest first, paged), so a resident who says "I never got
// it" can be answered from the record.
export function RedemptionsPage({ params }) {
  const id = params.id;
  const [changes, setChanges] = useState(0);
  const [more, setMore] = useState({ items: [], next: null });
  const waiting = useLoad(() => api('GET', `/communities/${id}/redemptions?state=requested&limit=200`), [id, changes]);
  const given = useLoad(async () => {
    const first = await api('GET', `/communities/${id}/redemptions?state=handed_over&limit=50`);
    setMore({ items: [], next: first.next_cursor });
    return first;
  }, [id, changes]);
  const showMore = async () => {
    const next = await api('GET', `/communities/${id}/redemptions?state=handed_over&limit=50&cursor=${more.next}`);
    setMore({ items: [...more.items, ...next.items], next: next.next_cursor });
  };
  const head = html`<p class="crumbs"><a href=${'/c/' + id}>${t('common.backToCommunity')}</a></p>
    <${PageTitle}>${t('redemptions.title')}<//>`;
  // Refused (not this community's committee) or no such community: both
  // lists would say so; the page says it once.
  if (waiting.error && !retryable(waiting.error)) return html`<section>${head}<${Failure} error=${waiting.error} /></section>`;
  return html`<section>
    ${head}
    <p class="lead">${t('redemptions.intro')}</p>
    <h2>${t('redemptions.waiting')}</h2>
    <${Loaded} result=${waiting}>${(list) =>
      list.items.length === 0
        ? html`<p class="empty">${t('redemptions.noneWaiting')}</p>`
        : html`<ul class="cards">${list.items.map(
            (r) => html`<${Waiting} key=${r.id} r=${r} onDone=${() => setChanges((n) => n + 1)} />`,
          )}</ul>`}<//>
    <h2>${t('redemptions.given')}</h2>
    <${Loaded} result=${given} quiet=${!!waiting.error}>${(list) =>
      list.items.length === 0
        ? html`<p class="empty">${t('redemptions.noneGiven')}</p>`
        : html`<div class="table-wrap"><table class="table stack">
            <caption class="sr-only">${t('redemptions.given')}</caption>
            <thead><tr><th scope="col">${t('redemptions.who')}</th><th scope="col">${t('redemptions.what')}</th>
              <th scope="col">${t('redemptions.givenAt')}</th></tr></thead>
            <tbody>${[...list.items, ...more.items].map((r) => html`<tr>
              <th scope="row">${r.user.display_name}</th><td data-label=${t('redemptions.what')}>${r.reward.name}</td>
              <td class="date" data-label=${t('redemptions.givenAt')}>${formatTime(r.handed_over_at)}</td></tr>`)}</tbody>
          </table></div>
          ${more.next ? html`<p><button type="button" class="button secondary" onClick=${showMore}>
            ${t('redemptions.more')}</button></p>` : null}`}<//>
  </section>`;
}

function Waiting({ r, onDone }) {
  const give = useSubmit(async () => {
    await api('POST', `/redemptions/${r.id}/handover`);
    onDone();
  });
  return html`<li class="card static">
    <span class="card-title">${r.user.display_name} · ${r.reward.name}</span>
    <span class="card-sub">${t('redemptions.askedAt', { time: formatTime(r.created_at), n: r.cost })}</span>
    <div class="actions">
      <button type="button" class="button" disabled=${give.busy} onClick=${give.submit}
        aria-label=${t('redemptions.handOverThis', { name: r.user.display_name, reward: r.reward.name })}>
        ${give.busy ? t('common.working') : t('redemptions.handOver')}</button>
    </div>
    <${ErrorBox} error=${give.error} />
  </li>`;
}
