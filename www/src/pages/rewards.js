import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t } from '../i18n.js';
import { api, offices } from '../api.js';
import { useStore } from '../store.js';
import { wholeNumber } from '../forms.js';
import { ErrorBox, Field, FormActions, Loaded, PageTitle, Toggle, useFocusFirst, useId, useLoad, useSubmit } from '../ui.js';

// 积分礼品: the district's redemption catalog (docs/api.md, "Points (积分)
// and rewards"). Everyone may read it; the district's admins add a reward,
// change its name, cost or stock, take it off the list and put it back.
// Nothing is deleted: redemptions already made keep naming their reward.

// The API's limits (POST /districts/{id}/rewards).
const NAME_MAX = 60;
const COST_MAX = 1e9;
const STOCK_MAX = 1e6;

export function RewardsPage({ params }) {
  const s = useStore();
  const id = params.id;
  const admin = offices(s.me).districts.includes(Number(id));
  const [changes, setChanges] = useState(0);
  const list = useLoad(() => api('GET', `/districts/${id}/rewards`), [id, changes]);
  const changed = () => setChanges((n) => n + 1);
  return html`<section>
    <p class="crumbs"><a href=${admin ? '/d/' + id + '/settings' : '/'}>
      ${admin ? t('district.backToSettings') : t('common.backHome')}</a></p>
    <${PageTitle}>${t('rewards.title')}<//>
    <p class="lead">${t('rewards.intro')}</p>
    <${Loaded} result=${list}>${(l) => html`
      ${admin ? html`<${Toggle} label=${t('rewards.add')}>${(close) => html`
        <${RewardForm} districtId=${id} onDone=${() => { close(); changed(); }} onCancel=${close} />`}<//>` : null}
      ${l.items.length === 0 ? html`<p class="empty">${t('rewards.none')}</p>` : html`
        <ul class="cards one">${l.items.map((r) => html`<${Reward} key=${r.id} r=${r} admin=${admin} onDone=${changed} />`)}</ul>`}
    `}<//>
  </section>`;
}

function Reward({ r, admin, onDone }) {
  const [editing, setEditing] = useState(false);
  const toggle = useSubmit(async () => {
    await api('PATCH', `/rewards/${r.id}`, { active: !r.active });
    onDone();
  });
  if (editing) {
    return html`<li><${RewardForm} reward=${r} onDone=${() => { setEditing(false); onDone(); }}
      onCancel=${() => setEditing(false)} /></li>`;
  }
  return html`<li class="card static">
    <span class="card-title">${r.name}</span>
    <span class="card-sub">${t('points.cost', { n: r.cost })} · ${t('points.stock', { n: r.stock })} <span
      class=${'badge ' + (r.active && r.stock > 0 ? 'state-accepted' : 'state-closed')}>${!r.active ? t('rewards.inactive')
        : r.stock > 0 ? t('rewards.active') : t('rewards.soldOut')}</span></span>
    ${admin ? html`<div class="actions">
      <button type="button" class="button secondary" onClick=${() => setEditing(true)}
        aria-label=${t('rewards.changeThis', { name: r.name })}>${t('rewards.change')}</button>
      <button type="button" class="button secondary" disabled=${toggle.busy} onClick=${toggle.submit}
        aria-label=${t(r.active ? 'rewards.deactivateThis' : 'rewards.activateThis', { name: r.name })}>
        ${toggle.busy ? t('common.working') : r.active ? t('rewards.deactivate') : t('rewards.activate')}</button>
    </div>` : null}
    <${ErrorBox} error=${toggle.error} />
  </li>`;
}

// Adds a reward to district `districtId`, or changes `reward`.
function RewardForm({ districtId, reward, onDone, onCancel }) {
  const [name, setName] = useState(reward ? reward.name : '');
  const [cost, setCost] = useState(reward ? String(reward.cost) : '');
  const [stock, setStock] = useState(reward ? String(reward.stock) : '');
  const ids = useId('reward');
  const form = useFocusFirst();
  const { busy, error, submit, setError } = useSubmit(async () => {
    if (!name.trim()) return setError({ code: 'reward.name.invalid' });
    const points = wholeNumber(cost, 1, COST_MAX);
    const pieces = wholeNumber(stock, 0, STOCK_MAX);
    if (points === null) return setError({ code: 'reward.cost' });
    if (pieces === null) return setError({ code: 'reward.stock' });
    const body = { name: name.trim(), cost: points, stock: pieces };
    if (reward) await api('PATCH', `/rewards/${reward.id}`, body);
    else await api('POST', `/districts/${districtId}/rewards`, body);
    onDone();
  });
  const wrong = (code) => (error && error.code === code ? 'true' : undefined);
  return html`<form class="form panel" ref=${form} onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <h2>${reward ? t('rewards.changeTitle', { name: reward.name }) : t('rewards.add')}</h2>
    <${Field} label=${t('rewards.name')} hint=${t('rewards.nameHint', { max: NAME_MAX })} id=${ids + 'name'}>
      <input id=${ids + 'name'} maxlength=${NAME_MAX} required aria-describedby=${ids + 'name-hint'}
        aria-invalid=${wrong('reward.name.invalid')} value=${name} onInput=${(e) => setName(e.currentTarget.value)} /><//>
    <${Field} label=${t('rewards.cost')} hint=${t('rewards.costHint')} id=${ids + 'cost'}>
      <div class="with-unit"><input id=${ids + 'cost'} class="short" inputmode="numeric" required
        aria-describedby=${ids + 'cost-hint'} aria-invalid=${wrong('reward.cost')} value=${cost}
        onInput=${(e) => setCost(e.currentTarget.value)} /><span>${t('rewards.points')}</span></div><//>
    <${Field} label=${t('rewards.stock')} hint=${t('rewards.stockHint')} id=${ids + 'stock'}>
      <div class="with-unit"><input id=${ids + 'stock'} class="short" inputmode="numeric" required
        aria-describedby=${ids + 'stock-hint'} aria-invalid=${wrong('reward.stock')} value=${stock}
        onInput=${(e) => setStock(e.currentTarget.value)} /><span>${t('rewards.pieces')}</span></div><//>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${reward ? t('rewards.save') : t('rewards.addButton')} onCancel=${onCancel} />
  </form>`;
}
