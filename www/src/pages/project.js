import { html } from '../html.js';
import { t, formatMoney, formatTime } from '../i18n.js';
import { api } from '../api.js';
import { Loaded, PageTitle, useLoad } from '../ui.js';

export function ProjectPage({ params }) {
  const project = useLoad(() => api('GET', `/projects/${params.id}`), [params.id]);
  return html`<article>
    <${Loaded} result=${project}>${(p) => html`
      <p class="crumbs"><a href=${'/c/' + p.community_id}>${t('common.backToCommunity')}</a></p>
      <${PageTitle}>${p.title}<//>
      <dl class="facts">
        <div><dt>${t('project.budget')}</dt><dd>${formatMoney(p.budget_fen)}</dd></div>
        <div><dt>${t('project.spent')}</dt><dd>${formatMoney(p.spent_fen)}</dd></div>
        <div><dt>${t('project.responsible')}</dt><dd>${p.responsible}</dd></div>
        <div><dt>${t('project.status')}</dt><dd>${p.completed ? t('project.completed') : t('project.underway')}</dd></div>
      </dl>
      <p><a href=${'/p/' + p.proposal_id}>${t('project.fromTopic')}</a></p>
      <h2>${t('project.progress')}</h2>
      <div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow=${p.progress_percent}
        aria-label=${t('project.progress')}>
        <span style=${{ width: p.progress_percent + '%' }}></span>
      </div>
      <p class="progress-text">${t('project.progressShort', { n: p.progress_percent })}</p>
      ${p.progress.length === 0
        ? html`<p class="empty">${t('project.noProgress')}</p>`
        : html`<ol class="timeline">${p.progress.map(
            (r) => html`<li><span class="when">${formatTime(r.date, false)}</span>
              <strong>${r.percent}%</strong> <span>${r.text}</span></li>`,
          )}</ol>`}
      <h2>${t('project.expenses')}</h2>
      ${p.expenses.length === 0
        ? html`<p class="empty">${t('project.noExpenses')}</p>`
        : html`<table class="table">
            <caption class="sr-only">${t('project.expenses')}</caption>
            <thead><tr><th scope="col">${t('project.date')}</th><th scope="col">${t('project.purpose')}</th>
              <th scope="col" class="num">${t('project.amount')}</th></tr></thead>
            <tbody>${p.expenses.map(
              (e) => html`<tr><td>${formatTime(e.date, false)}</td><td>${e.purpose}</td>
                <td class="num">${formatMoney(e.amount_fen)}</td></tr>`,
            )}</tbody>
            <tfoot><tr><th scope="row" colspan="2">${t('project.total')}</th>
              <td class="num">${formatMoney(p.spent_fen)}</td></tr></tfoot>
          </table>`}
      ${p.completed && p.ratings.count > 0
        ? html`<p>${t('project.rating', { avg: p.ratings.average.toFixed(1), n: p.ratings.count })}</p>` : null}
    `}<//>
  </article>`;
}
