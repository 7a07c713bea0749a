import { html } from '../html.js';
import { t, formatTime } from '../i18n.js';

// What the community's home shows of 议事会 (docs/council.md) too: a list of
// calls for topics and the adoption rate.

export function CallList({ calls }) {
  if (calls.length === 0) return html`<p class="empty">${t('council.noCalls')}</p>`;
  return html`<ul class="cards one">${calls.map((c) => html`<li><a class="card" href=${'/topic-calls/' + c.id}>
    <span class="card-title">${c.title}</span>
    <span class="card-sub"><span class=${'badge ' + (c.closed ? 'state-closed' : 'state-accepted')}>
      ${t(c.closed ? 'council.closed' : 'council.open')}</span>
      ${t('council.deadline', { time: formatTime(c.deadline) })} · ${t('council.topicCount', { n: c.topic_count })}</span></a></li>`)}</ul>`;
}

// The share adopted, as "33.3%", from the server's per mille.
export function rateText(period) {
  return period.rate_permille == null ? t('council.noRate') : (period.rate_permille / 10).toFixed(1) + '%';
}

// A standing mark (采纳 / 部分采纳 / 不采纳) and its public reason, on a
// thread's comment or a meeting's suggestion.
export function AdoptionNote({ mark }) {
  return html`<p class=${'adoption adoption-' + mark.decision}><strong>${t('council.adoption.' + mark.decision)}</strong>
    ${t('council.adoption.because', { reason: mark.reason })}</p>`;
}
