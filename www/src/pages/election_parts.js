import { html } from '../html.js';
import { t, formatMoney, formatTime } from '../i18n.js';

// Pieces the election pages share: the crypto (loaded on demand), the
// phase badge, the window, the demo notice, the options and the results.

export const loadCrypto = () => import('../election/client.js');

export function PhaseBadge({ phase }) {
  const done = phase === 'published';
  return html`<span class=${'badge' + (done ? ' state-adopted' : '')}>${t('election.phases.' + phase)}</span>`;
}

export function Window({ e }) {
  return html`<p class="meta">${t('election.window', {
    from: formatTime(e.window.opens_at), to: formatTime(e.window.closes_at) })}</p>`;
}

export function DemoNotice({ e }) {
  if (!e.demo) return null;
  return html`<p class="notice warn">${t('election.demoNotice')}</p>`;
}

export function TrackingCode({ code }) {
  return html`<p class="tracking-code" aria-label=${code.split('').join(' ')}>${code}</p>`;
}

// What the ballot may select, in words.
export function Bounds({ e }) {
  if (e.kind === 'referendum') return html`<p>${t('election.referendumHow')}</p>`;
  // With no least number, "choose 0 to 2" reads as a riddle: say the most.
  return html`<p>${e.min === e.max ? t('election.chooseExactly', { n: e.max })
    : e.min === 0 ? t('election.chooseAtMost', { max: e.max })
    : t('election.chooseBetween', { min: e.min, max: e.max })}
    ${e.budget ? ' ' + t('election.budget', { money: formatMoney(e.budget) }) : ''}</p>`;
}

export function optionLabel(e, i) {
  return e.kind === 'referendum' ? t('election.referendumOptions.' + ['yes', 'no', 'abstain'][i]) : e.options[i].label;
}

// The published counts as bars (CSS widths), and what was decided.
export function Results({ e }) {
  if (e.phase !== 'published' || !e.counts) return null;
  const total = e.counts.reduce((a, b) => a + b, 0);
  const top = Math.max(1, ...e.counts);
  const selected = e.selected || [];
  return html`<section aria-labelledby="results-heading">
    <h2 id="results-heading">${t('election.results')}</h2>
    ${e.kind === 'referendum'
      ? html`<p class=${'outcome ' + (selected.length ? 'adopted' : 'not-adopted')}>
          ${selected.length ? t('election.adopted') : t('election.notAdopted')}</p>
          <p class="meta">${t('election.referendumRule')}</p>`
      : null}
    <ul class="bars">
      ${e.counts.map((n, i) => html`<li>
        <span class="bar-label">${optionLabel(e, i)}${e.kind === 'approval' && selected.includes(i) ? html` <span class="badge state-adopted">${t('election.selectedBadge')}</span>` : null}</span>
        <span class="bar-track" aria-hidden="true"><span class="bar-fill" style=${'width:' + Math.round((100 * n) / top) + '%'}></span></span>
        <span class="bar-count">${t('election.votes', { n })}${e.kind === 'referendum' && total
          ? ' (' + Math.round((100 * n) / total) + '%)' : ''}</span>
      </li>`)}
    </ul>
    ${e.kind === 'approval'
      ? html`<h3>${t('election.selectedTitle')}</h3>
        ${selected.length === 0 ? html`<p class="empty">${t('election.noneSelected')}</p>`
          : html`<ol class="selected">${selected.map((i) => html`<li>${e.options[i].label}
            ${e.options[i].cost ? ' · ' + formatMoney(e.options[i].cost) : ''}</li>`)}</ol>`}
        <p class="meta">${t('election.rules.' + (e.rule || 'none'), { budget: formatMoney(e.budget), n: e.rule_param || 0 })}</p>`
      : null}
  </section>`;
}
