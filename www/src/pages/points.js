import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, formatTime } from '../i18n.js';
import { api } from '../api.js';
import { useStore } from '../store.js';
import { ErrorBox, Loaded, PageTitle, SignInFirst, useLoad } from '../ui.js';

// 我的积分: the signed-in resident's points in their community's district,
// the ledger newest first (awards by the district's rule and redemptions),
// and the district's catalog, where a verified resident redeems a reward.
// The server checks the balance and the stock in one transaction. The first
// press asks to confirm; the key is drawn then, so a second press of 确认兑换
// is the same one redemption.
export function PointsPage() {
  const s = useStore();
  const membership = s.me && (s.me.memberships || []).find((m) => m.status === 'verified');
  const anyMembership = membership || (s.me && (s.me.memberships || [])[0]);
  const [changes, setChanges] = useState(0);
  const [older, setOlder] = useState({ items: [], next: null });
  const page = useLoad(async () => {
    if (!anyMembership) return null;
    const c = await api('GET', `/communities/${anyMembership.community_id}`);
    const [mine, rewards] = await Promise.all([
      api('GET', `/districts/${c.district.id}/points/mine?limit=20`),
      api('GET', `/districts/${c.district.id}/rewards`),
    ]);
    setOlder({ items: [], next: mine.next_cursor });
    return { c, mine, rewards: rewards.items.filter((r) => r.active) };
  }, [s.session, changes]);
  if (!s.me) return html`<${SignInFirst} title=${t('points.title')} next="/points" />`;
  return html`<section>
    <p class="crumbs"><a href="/">${t('points.back')}</a></p>
    <${PageTitle}>${t('points.title')}<//>
    ${!anyMembership ? html`<p class="empty">${t('points.noCommunity')}</p>` : html`
    <${Loaded} result=${page}>${(d) => html`
      <dl class="facts"><div><dt>${t('points.balance')}</dt><dd>${t('points.n', { n: d.mine.balance })}</dd></div></dl>
      <h2>${t('points.catalog')}</h2>
      ${d.rewards.length === 0 ? html`<p class="empty">${t('points.noRewards')}</p>` : html`
        <ul class="cards one">${d.rewards.map((r) => html`<li><${Reward} r=${r} balance=${d.mine.balance}
          verified=${!!membership} onDone=${() => setChanges((n) => n + 1)} /></li>`)}</ul>`}
      <h2>${t('points.history')}</h2>
      <${Ledger} items=${[...d.mine.items, ...older.items]} />
      ${older.next ? html`<p><button type="button" class="button secondary" onClick=${async () => {
        const more = await api('GET', `/districts/${d.c.district.id}/points/mine?limit=20&cursor=${older.next}`);
        setOlder({ items: [...older.items, ...more.items], next: more.next_cursor });
      }}>${t('points.more')}</button></p>` : null}
    `}<//>`}
  </section>`;
}

function Reward({ r, balance, verified, onDone }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [done, setDone] = useState(false);
  // The idempotency key of the redemption being confirmed (null: not asked).
  const [key, setKey] = useState(null);
  const ask = () => {
    setDone(false);
    setError(null);
    setKey(Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(''));
  };
  const redeem = async () => {
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/rewards/${r.id}/redemptions`, { idempotency_key: key });
      setKey(null);
      setDone(true);
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return html`<div class="card static">
    <span class="card-title">${r.name}</span>
    <span class="card-sub">${t('points.cost', { n: r.cost })} · ${t('points.stock', { n: r.stock })}</span>
    ${done ? html`<p class="notice ok" role="status">${t('points.redeemed')}</p>` : null}
    ${verified && r.stock > 0 && balance >= r.cost && key
      ? html`<p class="notice" role="status">${t('points.confirm', { name: r.name, n: r.cost })}</p>
        <div class="actions"><button type="button" class="button" disabled=${busy} onClick=${redeem}>
          ${busy ? t('common.working') : t('points.confirmRedeem')}</button>
        <button type="button" class="button secondary" disabled=${busy} onClick=${() => setKey(null)}>
          ${t('common.cancel')}</button></div>`
      : verified && r.stock > 0 && balance >= r.cost
      ? html`<p><button type="button" class="button" onClick=${ask}
          aria-label=${t('points.redeemThis', { name: r.name, n: r.cost })}>${t('points.redeem')}</button></p>`
      : html`<p class="hint">${!verified ? t('points.onlyVerified')
        : r.stock <= 0 ? t('points.outOfStock') : t('points.notEnough', { n: r.cost - balance })}</p>`}
    <${ErrorBox} error=${error} />
  </div>`;
}

// The default plugin's rules (plugins/default/points.lua) by name, in the
// reader's language; another plugin's rule shows the reason it gave.
const RULES = ['proposal', 'proposal.accepted', 'comment', 'support', 'rating', 'convention', 'volunteer'];

export function ledgerReason(i) {
  if (i.redemption_id != null) return t('points.redemption');
  if (RULES.includes(i.rule)) return t('points.rules.' + i.rule.replace('.', '_'));
  return i.reason || i.rule;
}

function Ledger({ items }) {
  if (items.length === 0) return html`<p class="empty">${t('points.noHistory')}</p>`;
  return html`<div class="table-wrap"><table class="table">
    <caption class="sr-only">${t('points.history')}</caption>
    <thead><tr><th scope="col">${t('points.when')}</th><th scope="col">${t('points.why')}</th>
      <th scope="col" class="num">${t('points.change')}</th></tr></thead>
    <tbody>${items.map((i) => html`<tr>
      <td class="date">${formatTime(i.at, false)}</td>
      <td>${i.reward_name ? t('points.redemptionOf', { name: i.reward_name }) : ledgerReason(i)}
        ${i.redemption_state ? html`<br /><span class="muted">${i.redemption_state === 'handed_over'
          ? t('points.collected', { date: formatTime(i.handed_over_at, false) }) : t('points.toCollect')}</span>` : null}</td>
      <td class="num">${i.delta > 0 ? '+' + i.delta : i.delta}</td></tr>`)}</tbody>
  </table></div>`;
}
