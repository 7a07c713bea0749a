import { html } from '../html.js';
import { t, formatTime } from '../i18n.js';
import { api, offices } from '../api.js';
import { useStore } from '../store.js';
import { Loaded, OverdueBadges, PageTitle, StateBadge, useLoad } from '../ui.js';
import { CaseStateBadge } from './case_parts.js';

// The cases of the communities whose committee the person sits on that wait
// for them (docs/cases.md): nobody responsible yet, or reopened by the
// resident and not done again.
async function casesWaiting(me) {
  const communities = (me.roles || [])
    .filter((r) => r.role === 'committee' && r.scope && r.scope.kind === 'community').map((r) => r.scope.id);
  const lists = await Promise.all(communities.flatMap((id) => [
    api('GET', `/communities/${id}/cases?state=open&limit=50`),
    api('GET', `/communities/${id}/cases?state=in_progress&limit=50`),
  ]));
  return lists.flatMap((l) => l.items).filter((c) => c.state === 'open' || c.reopened > 0);
}

// What waits for the signed-in official, the late first.
export function QueuePage() {
  const s = useStore();
  const queue = useLoad(async () => {
    if (!s.me) return null;
    const [q, cases] = await Promise.all([api('GET', '/me/queue'), casesWaiting(s.me)]);
    return { ...q, cases };
  }, [s.session]);
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
        ${q.cases.length > 0
          ? html`<h2>${t('queue.cases')}</h2>
              <ul class="cards">${q.cases.map(
                (c) => html`<li><a class="card" href=${'/p/' + c.proposal_id}>
                  <span class="card-title">${c.title}</span>
                  <span class="card-sub"><${CaseStateBadge} c=${c} /></span>
                </a></li>`,
              )}</ul>`
          : null}
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
