import { html } from '../html.js';
import { t, formatTime } from '../i18n.js';
import { api, standing } from '../api.js';
import { useStore } from '../store.js';
import { Loaded, PageTitle, useLoad } from '../ui.js';
import { Moderate } from './topic_parts.js';

// Moderation (意见管理): the committee's queue of reported comments, where it
// hides or restores each with a public reason; and, for everyone, the
// public log of every hiding and restoring (never who reported).
export function ModerationPage({ params }) {
  const id = params.id;
  const s = useStore();
  const me = standing(s.me, id);
  const log = useLoad(() => api('GET', `/communities/${id}/moderation-log`), [id]);
  return html`<section>
    <p class="crumbs"><a href=${'/c/' + id}>${t('common.backToCommunity')}</a></p>
    <${PageTitle}>${me.committee ? t('moderation.title') : t('moderation.logTitle')}<//>
    ${me.committee ? html`<${Queue} id=${id} onChange=${log.reload} />` : html`<p class="lead">${t('moderation.publicIntro')}</p>`}
    <h2 id="log-heading">${t('moderation.logTitle')}</h2>
    <${Loaded} result=${log}>${(l) => html`
      ${Object.keys(l.counts || {}).length
        ? html`<p class="meta">${Object.entries(l.counts).map(([k, n]) => t('moderation.countOf', { what: logLabel(k), n })).join(' · ')}</p>`
        : null}
      ${l.items.length === 0
        ? html`<p class="empty">${t('moderation.logEmpty')}</p>`
        : html`<ol class="timeline" aria-labelledby="log-heading">${l.items.map((x) => html`<li>
            <span class="when">${formatTime(x.at)}</span>
            <strong>${logLabel(x.action)}</strong>
            <span class="who">${t('common.inBrackets', { text: t('roles.' + (x.by === 'automatic' ? 'automatic' : x.by)) })}</span>
            <p class="reason-text">${x.reason}</p>
            <a class="tap" href=${'/p/' + x.proposal_id}>${t('moderation.seeTopic')}</a>
          </li>`)}</ol>`}
    `}<//>
  </section>`;
}

const logLabel = (action) => t('history.moderation.' + action.replace(/^moderation\./, ''));

function Queue({ id, onChange }) {
  const queue = useLoad(() => api('GET', `/communities/${id}/moderation-queue?limit=100`), [id]);
  const done = () => {
    queue.reload();
    onChange();
  };
  return html`<p class="lead">${t('moderation.intro')}</p>
    <h2>${t('moderation.queueTitle')}</h2>
    <${Loaded} result=${queue}>${(q) => q.items.length === 0
      ? html`<p class="empty">${t('moderation.queueEmpty')}</p>`
      : html`<ul class="cards one">${q.items.map((c) => html`<li key=${c.id} class="card static">
          <p class="comment-head"><strong>${c.author.display_name}</strong>
            <span class=${'stance stance-' + c.stance}>${t('stances.' + c.stance)}</span>
            <span class="when">${formatTime(c.created_at)}</span></p>
          <p class="meta">${t('moderation.reports', { n: c.reports })}
            ${c.hidden ? html` · <span class="badge overdue">${t('moderation.hiddenNow')}</span>` : null}</p>
          <p class="comment-body quoted">${c.body}</p>
          <p><a class="tap" href=${'/p/' + c.proposal_id}>${t('moderation.seeTopic')}</a></p>
          <${Moderate} c=${c} onDone=${done} />
        </li>`)}</ul>`}<//>`;
}
