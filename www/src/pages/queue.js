import { html } from '../html.js';
import { t, formatTime } from '../i18n.js';
import { api, offices } from '../api.js';
import { useStore } from '../store.js';
import { Loaded, OverdueBadges, PageTitle, StateBadge, useLoad } from '../ui.js';

// What waits for the signed-in official, the late first.
export function QueuePage() {
  const s = useStore();
  const queue = useLoad(() => (s.me ? api('GET', '/me/queue') : Promise.resolve(null)), [s.session]);
  if (!s.me) {
    return html`<section><${PageTitle}>${t('queue.title')}<//>
      <p><a class="button" href="/login?next=/queue">${t('nav.login')}</a></p></section>`;
  }
  return html`<section>
    <${PageTitle}>${t('queue.title')}<//>
    <${Loaded} result=${queue}>${(q) => {
      const proposals = [...q.proposals].sort((a, b) => (b.overdue || []).length - (a.overdue || []).length);
      const late = proposals.filter((p) => p.overdue && p.overdue.length > 0).length;
      const work = offices(s.me);
      return html`
        <p class="lead">${t('queue.summary', { n: proposals.length, late })}</p>
        ${work.streets.length || work.districts.length
          ? html`<p><a class="button" href="/escalations">${t('escalation.pageTitle')}</a></p>` : null}
        <h2>${t('queue.topics')}</h2>
        ${proposals.length === 0
          ? html`<p class="empty">${t('queue.nothing')}</p>`
          : html`<ul class="cards">${proposals.map(
              (p) => html`<li><a class=${'card' + (p.overdue && p.overdue.length ? ' late' : '')} href=${'/p/' + p.id}>
                <span class="card-title">${p.title}</span>
                <span class="card-sub"><${StateBadge} state=${p.state} /> <${OverdueBadges} overdue=${p.overdue} />
                  ${t('queue.submittedAt', { time: formatTime(p.submitted_at) })}</span>
              </a></li>`,
            )}</ul>`}
        ${q.escalations.length > 0
          ? html`<h2>${t('queue.escalations')}</h2>
              <ul class="cards">${q.escalations.map(
                (e) => html`<li><a class=${'card' + (e.overdue ? ' late' : '')} href="/escalations">
                  <span class="card-title">${e.proposal_title || e.reason}</span>
                  <span class="card-sub">${e.community_name ? e.community_name + ' · ' : ''}${t('queue.dueAt', { time: formatTime(e.due_at) })}
                    ${e.overdue ? html` <span class="badge overdue">${t('overdue.escalation')}</span>` : null}</span>
                </a></li>`,
              )}</ul>`
          : null}
      `;
    }}<//>
  </section>`;
}
