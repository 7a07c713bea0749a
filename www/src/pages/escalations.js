import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, formatTime } from '../i18n.js';
import { api, offices } from '../api.js';
import { useStore } from '../store.js';
import { Loaded, PageTitle, ReasonForm, SignInFirst, useLoad } from '../ui.js';
import { EscalationStatus } from './topic_parts.js';

const STATUSES = ['open', 'forwarded', 'resolved'];

// 一键派单, the receiving end: street staff resolve what committees sent
// them or send it on to the district; district admins resolve what reached
// the district. Late items first, each with its deadline.
export function EscalationsPage() {
  const s = useStore();
  if (!s.me) return html`<${SignInFirst} title=${t('escalation.pageTitle')} next="/escalations" />`;
  const mine = offices(s.me);
  const none = mine.streets.length === 0 && mine.districts.length === 0;
  return html`<section>
    <${PageTitle}>${t('escalation.pageTitle')}<//>
    <p class="lead">${t('escalation.pageIntro')}</p>
    ${none ? html`<p class="notice">${t('escalation.noOffice')}</p>` : null}
    ${mine.streets.map((id) => html`<${Queue} key=${'s' + id} level="street" id=${id} />`)}
    ${mine.districts.map((id) => html`<${Queue} key=${'d' + id} level="district" id=${id} />`)}
  </section>`;
}

function Queue({ level, id }) {
  const [status, setStatus] = useState('open');
  const path = level === 'street' ? `/streets/${id}/escalations` : `/districts/${id}/escalations`;
  const list = useLoad(() => api('GET', `${path}?status=${status}&limit=200`), [path, status]);
  const heading = 'queue-' + level + '-' + id;
  return html`<section aria-labelledby=${heading}>
    <h2 id=${heading}>${t('escalation.queue.' + level)}</h2>
    <div class="chips" role="group" aria-labelledby=${heading}>
      ${STATUSES.filter((st) => level === 'street' || st !== 'forwarded').map((st) => html`<button type="button" class="chip" aria-pressed=${status === st ? 'true' : 'false'}
        onClick=${() => setStatus(st)}>${t('escalation.filter.' + st)}</button>`)}
    </div>
    <${Loaded} result=${list}>${(l) => {
      const items = [...l.items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due_at - b.due_at);
      const late = items.filter((e) => e.overdue).length;
      return items.length === 0
        ? html`<p class="empty">${t('escalation.empty.' + status)}</p>`
        : html`${status === 'open' ? html`<p>${t('escalation.summary', { n: items.length, late })}</p>` : null}
          <ul class="cards one">${items.map((e) => html`<${Item} key=${e.id} e=${e} onDone=${list.reload} />`)}</ul>`;
    }}<//>
  </section>`;
}

function Item({ e, onDone }) {
  const [doing, setDoing] = useState(null);
  const act = async (text) => {
    if (doing === 'resolve') await api('POST', `/escalations/${e.id}/resolution`, { resolution: text });
    else await api('POST', `/escalations/${e.id}/forward`, { reason: text });
    setDoing(null);
    onDone();
  };
  return html`<li class=${'card static' + (e.overdue ? ' late' : '')}>
    <a class="card-title" href=${'/p/' + e.proposal_id}>${e.proposal_title || t('escalation.topicN', { id: e.proposal_id })}</a>
    <span class="card-sub">${e.community_name || ''} · <${EscalationStatus} e=${e} /></span>
    <p><strong>${t('escalation.whySent')}</strong> ${e.reason}</p>
    <p class="meta">${t('escalation.sentAt', { time: formatTime(e.escalated_at) })}
      ${e.status === 'open' ? html`<br />${t('queue.dueAt', { time: formatTime(e.due_at) })}` : null}</p>
    ${e.resolution ? html`<p><strong>${t('escalation.resolutionLabel')}</strong> ${e.resolution}</p>` : null}
    ${e.status === 'open'
      ? doing
        ? html`<${ReasonForm}
            label=${t(doing === 'resolve' ? 'escalation.resolution' : 'escalation.forwardReason')}
            hint=${t(doing === 'resolve' ? 'escalation.resolutionHint' : 'escalation.forwardHint')}
            submitLabel=${t(doing === 'resolve' ? 'escalation.resolveConfirm' : 'escalation.forwardConfirm')}
            requiredCode=${doing === 'resolve' ? 'escalation.resolution_required' : 'escalation.reason_required'}
            maxLength=${doing === 'resolve' ? 2000 : 1000}
            onCancel=${() => setDoing(null)} onSubmit=${act} />`
        : html`<div class="actions">
            <button type="button" class="button" onClick=${() => setDoing('resolve')}>${t('escalation.resolve')}</button>
            ${e.level === 'street'
              ? html`<button type="button" class="button secondary" onClick=${() => setDoing('forward')}>${t('escalation.forward')}</button>`
              : null}
          </div>`
      : null}
  </li>`;
}
