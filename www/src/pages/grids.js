import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { ErrorBox, Field, FormActions, Loaded, PageTitle, useId, useLoad, useSubmit } from '../ui.js';

// The committee names the community's 小区 and 网格 and says who works each
// grid (docs/grids.md). 网格员 are chosen among the verified residents.
export function GridsPage({ params }) {
  const id = params.id;
  const page = useLoad(async () => {
    const [places, members] = await Promise.all([
      api('GET', `/communities/${id}/grids`),
      api('GET', `/communities/${id}/members?status=verified&limit=200`),
    ]);
    return { ...places, members: members.items };
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
            (e) => html`<li key=${e.id} class="card static"><span class="card-title">${e.name}</span></li>`,
          )}</ul>`}
      <${NameForm} label=${t('grids.newEstate')} submitLabel=${t('grids.addEstate')}
        onSubmit=${(name) => api('POST', `/communities/${id}/estates`, { name }).then(page.reload)} />
      <h2>${t('grids.grids')}</h2>
      ${d.grids.length === 0
        ? html`<p class="empty">${t('grids.noGrids')}</p>`
        : html`<ul class="cards">${d.grids.map(
            (g) => html`<${GridCard} key=${g.id} grid=${g} members=${d.members} onDone=${page.reload} />`,
          )}</ul>`}
      <${NameForm} label=${t('grids.newGrid')} submitLabel=${t('grids.addGrid')}
        onSubmit=${(name) => api('POST', `/communities/${id}/grids`, { name }).then(page.reload)} />
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

function GridCard({ grid, members, onDone }) {
  const [worker, setWorker] = useState('');
  const selectId = useId('worker');
  const add = useSubmit(async () => {
    if (!worker) return;
    await api('POST', `/grids/${grid.id}/workers`, { user_id: Number(worker) });
    setWorker('');
    onDone();
  });
  const [removeError, setRemoveError] = useState(null);
  const remove = (userId) => async () => {
    setRemoveError(null);
    try {
      await api('DELETE', `/grids/${grid.id}/workers/${userId}`);
      onDone();
    } catch (e) {
      setRemoveError(e);
    }
  };
  const candidates = members.filter((m) => !grid.workers.some((w) => w.id === m.user_id));
  return html`<li class="card static">
    <span class="card-title">${grid.name}</span>
    <span class="card-sub">${grid.workers.length === 0
      ? t('grids.noWorker')
      : t('grids.workers', { names: grid.workers.map((w) => w.display_name).join('、') })}</span>
    ${grid.workers.length > 0
      ? html`<div class="actions">${grid.workers.map(
          (w) => html`<button type="button" class="button secondary" onClick=${remove(w.id)}>
            ${t('grids.removeWorker', { name: w.display_name })}</button>`,
        )}</div>`
      : null}
    <${ErrorBox} error=${removeError} />
    <form class="form" onSubmit=${add.submit} novalidate>
      <${Field} label=${t('grids.addWorkerLabel')} id=${selectId}>
        <select id=${selectId} value=${worker} onChange=${(e) => setWorker(e.currentTarget.value)}>
          <option value="">${t('grids.choosePerson')}</option>
          ${candidates.map((m) => html`<option value=${String(m.user_id)}>${m.display_name}</option>`)}
        </select><//>
      <${ErrorBox} error=${add.error} />
      <${FormActions} busy=${add.busy} label=${t('grids.addWorker')} />
    </form>
  </li>`;
}
