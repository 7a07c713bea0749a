import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t } from '../i18n.js';
import { api, standing } from '../api.js';
import { useStore } from '../store.js';
import { ErrorBox, Field, FormActions, Loaded, PageTitle, useId, useLoad, useSubmit } from '../ui.js';

// The committee names the community's 小区 and 网格, says who works each
// grid and who heads each building (楼栋长), and keeps the roster of where
// residents live (docs/grids.md). 网格员 and 楼栋长 are chosen among the
// verified residents. The roster shows only to those the server lets read it.
// Everyone else reads the page: the controls show only to those who run the
// community, and the roster form also to a 网格员, for their own grids.
export function GridsPage({ params }) {
  const id = params.id;
  const s = useStore();
  const manages = standing(s.me, id).committee;
  const page = useLoad(async () => {
    const [places, members, roster] = await Promise.all([
      api('GET', `/communities/${id}/grids`),
      api('GET', `/communities/${id}/members?status=verified&limit=200`).catch(() => ({ items: [] })),
      api('GET', `/communities/${id}/resident-places`).catch(() => null),
    ]);
    return { ...places, members: members.items, roster: roster && roster.items };
  }, [id]);
  return html`<section>
    <p class="crumbs"><a href=${'/c/' + id}>${t('common.backToCommunity')}</a></p>
    <${PageTitle}>${t('grids.title')}<//>
    <p class="lead">${t('grids.intro')}</p>
    <${Loaded} result=${page}>${(d) => html`
      <h2>${t('grids.estates')}</h2>
      ${d.estates.length === 0
        ? html`<p class="empty">${t('grids.noEstates')}</p>`
        : html`<ul class="cards">${d.estates.map(
            (e) => html`<${EstateCard} key=${e.id} estate=${e} members=${d.members} manages=${manages}
              onDone=${page.reload} />`,
          )}</ul>`}
      ${manages
        ? html`<${NameForm} label=${t('grids.newEstate')} submitLabel=${t('grids.addEstate')}
            onSubmit=${(name) => api('POST', `/communities/${id}/estates`, { name }).then(page.reload)} />`
        : null}
      <h2>${t('grids.grids')}</h2>
      ${d.grids.length === 0
        ? html`<p class="empty">${t('grids.noGrids')}</p>`
        : html`<ul class="cards">${d.grids.map(
            (g) => html`<${GridCard} key=${g.id} grid=${g} members=${d.members} manages=${manages}
              onDone=${page.reload} />`,
          )}</ul>`}
      ${manages
        ? html`<${NameForm} label=${t('grids.newGrid')} submitLabel=${t('grids.addGrid')}
            onSubmit=${(name) => api('POST', `/communities/${id}/grids`, { name }).then(page.reload)} />`
        : null}
      ${d.roster
        ? html`<${Roster} communityId=${id} data=${d} onDone=${page.reload}
            recordGrids=${manages ? d.grids : d.grids.filter((g) => s.me && g.workers.some((w) => w.id === s.me.user.id))}
            anyGrid=${manages} />`
        : null}
    `}<//>
  </section>`;
}

function NameForm({ label, submitLabel, onSubmit }) {
  const [name, setName] = useState('');
  const fieldId = useId('name');
  const { busy, error, submit } = useSubmit(async () => {
    await onSubmit(name.trim());
    setName('');
  });
  return html`<form class="form" onSubmit=${submit} novalidate>
    <${Field} label=${label} id=${fieldId}>
      <input id=${fieldId} type="text" maxlength="60" value=${name} onInput=${(e) => setName(e.currentTarget.value)} /><//>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${submitLabel} />
  </form>`;
}

// A button's handler that deletes `path(id)`, then reloads; its error shown by the card.
function useRemove(path, onDone) {
  const [error, setError] = useState(null);
  const remove = (id) => async () => {
    setError(null);
    try {
      await api('DELETE', path(id));
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  return [error, remove];
}

function GridCard({ grid, members, manages, onDone }) {
  const [worker, setWorker] = useState('');
  const selectId = useId('worker');
  const add = useSubmit(async () => {
    if (!worker) return;
    await api('POST', `/grids/${grid.id}/workers`, { user_id: Number(worker) });
    setWorker('');
    onDone();
  });
  const [removeError, remove] = useRemove((userId) => `/grids/${grid.id}/workers/${userId}`, onDone);
  const candidates = members.filter((m) => !grid.workers.some((w) => w.id === m.user_id));
  return html`<li class="card static">
    <span class="card-title">${grid.name}</span>
    <span class="card-sub">${grid.workers.length === 0
      ? t('grids.noWorker')
      : t('grids.workers', { names: grid.workers.map((w) => w.display_name).join('、') })}</span>
    ${manages && grid.workers.length > 0
      ? html`<div class="actions">${grid.workers.map(
          (w) => html`<button type="button" class="button secondary" onClick=${remove(w.id)}>
            ${t('grids.removeWorker', { name: w.display_name })}</button>`,
        )}</div>`
      : null}
    <${ErrorBox} error=${removeError} />
    ${manages ? html`<form class="form" onSubmit=${add.submit} novalidate>
      <${Field} label=${t('grids.addWorkerLabel')} id=${selectId}>
        <select id=${selectId} value=${worker} onChange=${(e) => setWorker(e.currentTarget.value)}>
          <option value="">${t('grids.choosePerson')}</option>
          ${candidates.map((m) => html`<option value=${String(m.user_id)}>${m.display_name}</option>`)}
        </select><//>
      <${ErrorBox} error=${add.error} />
      <${FormActions} busy=${add.busy} label=${t('grids.addWorker')} />
    </form>` : null}
  </li>`;
}

function EstateCard({ estate, members, manages, onDone }) {
  const [building, setBuilding] = useState('');
  const [person, setPerson] = useState('');
  const ids = { building: useId('building'), person: useId('head') };
  const add = useSubmit(async () => {
    if (!person) return;
    await api('POST', `/estates/${estate.id}/building-heads`, { building: building.trim(), user_id: Number(person) });
    setBuilding('');
    setPerson('');
    onDone();
  });
  const [removeError, remove] = useRemove((headId) => `/building-heads/${headId}`, onDone);
  const heads = estate.building_heads || [];
  return html`<li class="card static">
    <span class="card-title">${estate.name}</span>
    <span class="card-sub">${heads.length === 0
      ? t('grids.noHeads')
      : t('grids.heads', { list: heads.map((h) => t('grids.headEntry', { building: h.building, name: h.user.display_name })).join('、') })}</span>
    ${manages && heads.length > 0
      ? html`<div class="actions">${heads.map(
          (h) => html`<button type="button" class="button secondary" onClick=${remove(h.id)}>
            ${t('grids.removeHead', { building: h.building, name: h.user.display_name })}</button>`,
        )}</div>`
      : null}
    <${ErrorBox} error=${removeError} />
    ${manages ? html`<form class="form" onSubmit=${add.submit} novalidate>
      <${Field} label=${t('grids.buildingLabel')} id=${ids.building}>
        <input id=${ids.building} type="text" maxlength="30" value=${building}
          onInput=${(e) => setBuilding(e.currentTarget.value)} /><//>
      <${Field} label=${t('grids.headLabel')} id=${ids.person}>
        <select id=${ids.person} value=${person} onChange=${(e) => setPerson(e.currentTarget.value)}>
          <option value="">${t('grids.choosePerson')}</option>
          ${members.map((m) => html`<option value=${String(m.user_id)}>${m.display_name}</option>`)}
        </select><//>
      <${ErrorBox} error=${add.error} />
      <${FormActions} busy=${add.busy} label=${t('grids.addHead')} />
    </form>` : null}
  </li>`;
}

// Where a recorded resident lives, in words: "一网格 · 阳光小区 3号楼".
function placeText(place, data) {
  const grid = data.grids.find((g) => g.id === place.grid_id);
  const estate = data.estates.find((e) => e.id === place.estate_id);
  const parts = [];
  if (grid) parts.push(grid.name);
  if (estate) parts.push(estate.name + (place.building ? ' ' + place.building : ''));
  return parts.join(' · ') || t('grids.notRecorded');
}

// The roster; its form for the committee (any grid, or none) and for a
// 网格员 (`recordGrids`: their own grids only); a 楼栋长 does not record.
function Roster({ communityId, data, recordGrids, anyGrid, onDone }) {
  const [resident, setResident] = useState('');
  const [grid, setGrid] = useState(anyGrid || recordGrids.length === 0 ? '' : String(recordGrids[0].id));
  const [estate, setEstate] = useState('');
  const [building, setBuilding] = useState('');
  const [saved, setSaved] = useState(false);
  const ids = { resident: useId('resident'), grid: useId('grid'), estate: useId('estate'), building: useId('building'),
    list: useId('buildings') };
  const { busy, error, submit } = useSubmit(async () => {
    setSaved(false);
    await api('PUT', `/communities/${communityId}/resident-places/${Number(resident) || 0}`, {
      grid_id: grid ? Number(grid) : null, estate_id: estate ? Number(estate) : null, building: building.trim() });
    setSaved(true);
    setResident('');
    setBuilding('');
    onDone();
  });
  // The labels the heads were appointed for, offered so that both spell them alike.
  const labels = [...new Set(data.estates.flatMap((e) => (e.building_heads || []).map((h) => h.building)))];
  const select = (id, value, set, options) => html`<select id=${id} value=${value}
    onChange=${(e) => set(e.currentTarget.value)}>
    ${options.map(([v, label]) => html`<option value=${String(v)}>${label}</option>`)}</select>`;
  return html`<h2>${t('grids.rosterTitle')}</h2>
    <p class="hint">${t('grids.rosterIntro')}</p>
    ${data.roster.length === 0
      ? html`<p class="empty">${t('grids.rosterEmpty')}</p>`
      : html`<ul class="cards">${data.roster.map((p) => html`<li key=${p.user.id} class="card static">
          <span class="card-title">${p.user.display_name}</span>
          <span class="card-sub">${placeText(p, data)}</span></li>`)}</ul>`}
    ${anyGrid || recordGrids.length > 0 ? html`<form class="form" onSubmit=${submit} novalidate>
      <${Field} label=${t('grids.residentLabel')} id=${ids.resident}>
        ${select(ids.resident, resident, setResident,
          [['', t('grids.choosePerson')], ...data.members.map((m) => [m.user_id, m.display_name])])}<//>
      <${Field} label=${t('grids.gridLabel')} id=${ids.grid}>
        ${select(ids.grid, grid, setGrid,
          [...(anyGrid ? [['', t('grids.none')]] : []), ...recordGrids.map((g) => [g.id, g.name])])}<//>
      <${Field} label=${t('grids.estateLabel')} id=${ids.estate}>
        ${select(ids.estate, estate, setEstate, [['', t('grids.none')], ...data.estates.map((e) => [e.id, e.name])])}<//>
      <${Field} label=${t('grids.buildingLabel')} id=${ids.building}>
        <input id=${ids.building} type="text" maxlength="30" list=${ids.list} value=${building}
          onInput=${(e) => setBuilding(e.currentTarget.value)} />
        <datalist id=${ids.list}>${labels.map((l) => html`<option value=${l} />`)}</datalist><//>
      <${ErrorBox} error=${error} />
      ${saved ? html`<p class="notice" role="status">${t('grids.recorded')}</p>` : null}
      <${FormActions} busy=${busy} label=${t('grids.record')} />
    </form>` : null}`;
}
