import { html } from '../html.js';
import { t } from '../i18n.js';
import { PageTitle } from '../ui.js';

// The place for the voting pages: elections with ballots anyone can check
// are being built; until then the committee records the outcome.
export function VotesPage({ params }) {
  return html`<section>
    <${PageTitle}>${t('votes.title')}<//>
    <p class="notice">${t('votes.comingSoon')}</p>
    <p><a class="button secondary" href=${'/c/' + params.id}>${t('common.backToCommunity')}</a></p>
  </section>`;
}
