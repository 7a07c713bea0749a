import { html } from '../html.js';
import { t } from '../i18n.js';
import { PageTitle } from '../ui.js';

export function NotFoundPage() {
  return html`<section>
    <${PageTitle}>${t('notFound.title')}<//>
    <p>${t('notFound.text')}</p>
    <p><a class="button" href="/">${t('common.backHome')}</a></p>
  </section>`;
}
