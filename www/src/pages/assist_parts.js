import { html } from '../html.js';
import { t, has, formatTime } from '../i18n.js';
import { api } from '../api.js';
import { Loaded, useLoad } from '../ui.js';

// "由网格员 钱阿姨 代办 · 本人在场": the mark of an act a helper made for a
// resident (docs/grids.md), in a trace or the resident's own history.
export function assistedText(a) {
  return t('assist.mark', {
    role: t('assist.roles.' + a.role),
    name: a.by.display_name,
    consent: t('assist.consents.' + a.consent),
  }) + (a.note ? ' · ' + a.note : '');
}

function actionText(action) {
  const key = 'assist.actions.' + action.replace('.', '_');
  return has(key) ? t(key) : t('assist.actions.other');
}

// The acts helpers made for the signed-in person, on their home page: shown
// only when there are any.
export function MyAssistedActs({ session }) {
  const acts = useLoad(() => api('GET', '/me/assisted-acts'), [session]);
  return html`<${Loaded} result=${acts}>${(list) =>
    list.items.length === 0
      ? null
      : html`<h2>${t('assist.mineTitle')}</h2>
          <p class="hint">${t('assist.mineHint')}</p>
          <ol class="timeline">${list.items.map(
            (a) => html`<li>
              <span class="when">${formatTime(a.at)}</span>
              <strong>${actionText(a.action)}</strong>
              ${a.subject_kind === 'proposal'
                ? html` <a href=${'/p/' + a.subject_id}>${t('assist.seeTopic')}</a>` : null}
              <p class="reason-text">${assistedText(a)}</p>
            </li>`,
          )}</ol>`}<//>`;
}
