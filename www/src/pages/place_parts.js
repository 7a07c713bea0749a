import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { ErrorBox, Field, FormActions, Loaded, useFocusFirst, useId, useLoad, useSubmit } from '../ui.js';

// Where a topic is (小区 and 网格, docs/grids.md), and for its author or the
// committee a form to say so.
export function Place({ place, communityId, onChange }) {
  const [open, setOpen] = useState(false);
  if (!place) return null;
  const parts = [];
  if (place.estate) parts.push(t('topicPlace.estate', { name: place.estate.name }));
  if (place.grid) {
    parts.push(place.grid.workers.length > 0
      ? t('topicPlace.gridWithWorker', { name: place.grid.name, workers: place.grid.workers.map((w) => w.display_name).join('、') })
      : t('topicPlace.grid', { name: place.grid.name }));
  }
  if (parts.length === 0 && !place.may_change) return null;
  return html`<div class="place">
    ${parts.length > 0 ? html`<p class="meta">${parts.join(' · ')}</p>` : null}
    ${place.may_change && !open
      ? html`<button type="button" class="button secondary" aria-expanded="false" onClick=${() => setOpen(true)}>
          ${t('topicPlace.change')}</button>`
      : null}
    ${open
      ? html`<${PlaceForm} place=${place} communityId=${communityId} onCancel=${() => setOpen(false)}
          onDone=${() => {
            setOpen(false);
            onChange();
          }} />`
      : null}
  </div>`;
}

function PlaceForm({ place, communityId, onCancel, onDone }) {
  const places = useLoad(() => api('GET', `/communities/${communityId}/grids`), [communityId]);
  const [estate, setEstate] = useState(place.estate ? String(place.estate.id) : '');
  const [grid, setGrid] = useState(place.grid ? String(place.grid.id) : '');
  const estateId = useId('estate');
  const gridId = useId('grid');
  const form = useFocusFirst();
  const { busy, error, submit } = useSubmit(async () => {
    await api('PUT', `/proposals/${place.proposal_id}/place`, {
      estate_id: estate ? Number(estate) : null,
      grid_id: grid ? Number(grid) : null,
    });
    onDone();
  });
  return html`<${Loaded} result=${places}>${(p) => html`
    <form class="form panel" ref=${form} onSubmit=${submit} novalidate>
      <${Field} label=${t('topicPlace.estateLabel')} id=${estateId}>
        <select id=${estateId} value=${estate} onChange=${(e) => setEstate(e.currentTarget.value)}>
          <option value="">${t('topicPlace.none')}</option>
          ${p.estates.map((e) => html`<option value=${String(e.id)}>${e.name}</option>`)}
        </select><//>
      <${Field} label=${t('topicPlace.gridLabel')} hint=${t('topicPlace.gridHint')} id=${gridId}>
        <select id=${gridId} value=${grid} aria-describedby=${gridId + '-hint'}
          onChange=${(e) => setGrid(e.currentTarget.value)}>
          <option value="">${t('topicPlace.none')}</option>
          ${p.grids.map((g) => html`<option value=${String(g.id)}>${g.name}</option>`)}
        </select><//>
      <${ErrorBox} error=${error} />
      <${FormActions} busy=${busy} label=${t('topicPlace.save')} onCancel=${onCancel} />
    </form>`}<//>`;
}
