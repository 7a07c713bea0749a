import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, formatTime } from '../i18n.js';
import { api, standing } from '../api.js';
import { useStore } from '../store.js';
import { ErrorBox, Loaded, PageTitle, useLoad, useSubmit } from '../ui.js';

export function ConventionPage({ params }) {
  const s = useStore();
  const [version, setVersion] = useState(null);
  const convention = useLoad(() => api('GET', `/conventions/${params.id}`), [params.id, s.me && s.me.user.id]);
  const shown = useLoad(
    () => (version ? api('GET', `/conventions/${params.id}/versions/${version}`) : Promise.resolve(null)),
    [params.id, version],
  );
  const { busy, error, submit } = useSubmit(async () => {
    await api('POST', `/conventions/${params.id}/acknowledgements`);
    convention.reload();
  });
  return html`<article>
    <${Loaded} result=${convention}>${(c) => {
      const me = standing(s.me, c.community_id);
      const text = version && shown.data ? shown.data.text : c.text;
      const current = !version || version === c.current_version;
      return html`
        <p class="crumbs"><a href=${'/c/' + c.community_id}>${t('common.backToCommunity')}</a></p>
        <${PageTitle}>${c.title}<//>
        <p class="sub">${t('convention.versionN', { n: version || c.current_version })}
          ${current ? ' · ' + t('convention.current') : ''}</p>
        <div class="body convention-text">${text}</div>
        <p>${t('convention.acknowledgements', { n: c.acknowledgements })}</p>
        ${me.canTakePart && current
          ? c.acknowledged_by_me
            ? html`<p class="notice">${t('convention.acknowledged')}</p>`
            : html`<button type="button" class="button" disabled=${busy} onClick=${submit}>${t('convention.acknowledge')}</button>`
          : null}
        <${ErrorBox} error=${error} />
        <h2>${t('convention.versions')}</h2>
        <ol class="timeline">
          ${c.versions.map(
            (v) => html`<li>
              <span class="when">${formatTime(v.adopted_at, false)}</span>
              <button type="button" class="link-button" aria-current=${(version || c.current_version) === v.version ? 'true' : undefined}
                onClick=${() => setVersion(v.version)}>${t('convention.versionN', { n: v.version })}</button>
              <a href=${'/p/' + v.proposal_id}>${t('convention.fromTopic')}</a>
            </li>`,
          )}
        </ol>
      `;
    }}<//>
  </article>`;
}
