import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, formatTime } from '../i18n.js';
import { api } from '../api.js';
import { ErrorBox, Field, Loaded, PageTitle, useId, useLoad, useSubmit } from '../ui.js';

// The committee verifies those who asked to join.
export function MembersPage({ params }) {
  const id = params.id;
  const pending = useLoad(() => api('GET', `/communities/${id}/members?status=pending`), [id]);
  return html`<section>
    <p class="crumbs"><a href=${'/c/' + id}>${t('common.backToCommunity')}</a></p>
    <${PageTitle}>${t('members.title')}<//>
    <p class="lead">${t('members.intro')}</p>
    <${Loaded} result=${pending}>${(list) =>
      list.items.length === 0
        ? html`<p class="empty">${t('members.nobody')}</p>`
        : html`<ul class="cards">${list.items.map(
            (m) => html`<${Applicant} key=${m.user_id} m=${m} communityId=${id} onDone=${pending.reload} />`,
          )}</ul>`}<//>
  </section>`;
}

function Applicant({ m, communityId, onDone }) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const reasonId = useId('reject');
  const decide = (decision) => async () => {
    await api('POST', `/communities/${communityId}/members/${m.user_id}/verification`, {
      decision,
      reason: reason.trim(),
    });
    onDone();
  };
  const verify = useSubmit(decide('verify'));
  const reject = useSubmit(decide('reject'));
  return html`<li class="card static">
    <span class="card-title">${m.display_name}</span>
    <span class="card-sub">${t('members.askedAt', { time: formatTime(m.joined_at) })}</span>
    <div class="actions">
      <button type="button" class="button" disabled=${verify.busy} onClick=${verify.submit}>
        ${t('members.verify', { name: m.display_name })}</button>
      <button type="button" class="button secondary" aria-expanded=${rejecting ? 'true' : 'false'}
        onClick=${() => setRejecting(!rejecting)}>${t('members.reject')}</button>
    </div>
    <${ErrorBox} error=${verify.error} />
    ${rejecting
      ? html`<form class="form" onSubmit=${reject.submit} novalidate>
          <${Field} label=${t('members.rejectReason')} hint=${t('members.rejectReasonHint')} id=${reasonId}>
            <textarea id=${reasonId} rows="2" maxlength="500" required aria-describedby=${reasonId + '-hint'}
              value=${reason} onInput=${(e) => setReason(e.currentTarget.value)}></textarea><//>
          <${ErrorBox} error=${reject.error} />
          <button class="button danger" type="submit" disabled=${reject.busy}>${t('members.confirmReject')}</button>
        </form>`
      : null}
  </li>`;
}
