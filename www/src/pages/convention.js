import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, formatTime } from '../i18n.js';
import { api, standing } from '../api.js';
import { useStore } from '../store.js';
import { readableDiff } from '../diff.js';
import { ErrorBox, Loaded, PageTitle, useLoad, useSubmit } from '../ui.js';

// A convention (公约): its current text, acknowledging it, its versions,
// any version's text, and what changed between two versions.
export function ConventionPage({ params }) {
  const s = useStore();
  // { version } shows a version's text; { from, to } what changed.
  const [view, setView] = useState(null);
  const convention = useLoad(() => api('GET', `/conventions/${params.id}`), [params.id, s.session]);
  const { busy, error, submit } = useSubmit(async () => {
    await api('POST', `/conventions/${params.id}/acknowledgements`);
    convention.reload();
  });
  return html`<article>
    <${Loaded} result=${convention}>${(c) => {
      const me = standing(s.me, c.community_id);
      const version = view && view.version ? view.version : c.current_version;
      const current = version === c.current_version;
      const show = (v) => () => setView(v);
      return html`
        <p class="crumbs"><a href=${'/c/' + c.community_id}>${t('common.backToCommunity')}</a></p>
        <${PageTitle}>${c.title}<//>
        ${view && view.from
          ? html`<${Changes} id=${c.id} from=${view.from} to=${view.to} onClose=${show(null)} />`
          : html`
            <p class="sub">${t('convention.versionN', { n: version })}${current ? ' · ' + t('convention.current') : ''}</p>
            ${current ? html`<div class="body convention-text">${c.text}</div>` : html`<${VersionText} id=${c.id} version=${version} />`}
            ${!current
              ? html`<p><button type="button" class="button secondary" onClick=${show(null)}>${t('convention.backToCurrent')}</button></p>`
              : null}`}
        <p>${t('convention.acknowledgements', { n: c.acknowledgements })}</p>
        ${!view && me.member && me.member.status === 'verified'
          ? c.acknowledged_by_me
            ? html`<p class="notice">${t('convention.acknowledged', { n: c.current_version })}</p>`
            : html`<p class="hint">${t('convention.acknowledgeHint', { n: c.current_version })}</p>
                <button type="button" class="button" disabled=${busy} onClick=${submit}>${t('convention.acknowledge')}</button>`
          : null}
        <${ErrorBox} error=${error} />
        <h2>${t('convention.versions')}</h2>
        <ol class="timeline">
          ${[...c.versions].reverse().map(
            (v) => html`<li>
              <span class="when">${formatTime(v.adopted_at, false)}</span>
              <strong>${t('convention.versionN', { n: v.version })}</strong>
              ${v.version === c.current_version ? html` <span class="badge state-adopted">${t('convention.current')}</span>` : null}
              <div class="actions compact">
                <button type="button" class="button secondary" aria-current=${!view && version === v.version ? 'true' : undefined}
                  onClick=${show(v.version === c.current_version ? null : { version: v.version })}>
                  ${t('convention.readVersion', { n: v.version })}</button>
                ${v.version > 1
                  ? html`<button type="button" class="button secondary"
                      onClick=${show({ from: v.version - 1, to: v.version })}>${t('convention.whatChanged', { n: v.version })}</button>`
                  : null}
              </div>
              <a class="tap" href=${'/p/' + v.proposal_id}>${t('convention.fromTopic')}</a>
            </li>`,
          )}
        </ol>
      `;
    }}<//>
  </article>`;
}

function VersionText({ id, version }) {
  const text = useLoad(() => api('GET', `/conventions/${id}/versions/${version}`), [id, version]);
  return html`<${Loaded} result=${text}>${(v) => html`<div class="body convention-text">${v.text}</div>`}<//>`;
}

// What changed from one version to another: removed words struck through
// in red, added ones underlined in green, and both said in words for
// screen readers.
function Changes({ id, from, to, onClose }) {
  const texts = useLoad(async () => {
    const [a, b] = await Promise.all([
      api('GET', `/conventions/${id}/versions/${from}`),
      api('GET', `/conventions/${id}/versions/${to}`),
    ]);
    return readableDiff(a.text, b.text);
  }, [id, from, to]);
  const piece = (p) =>
    p.op === '-' ? html`<del><span class="sr-only">${t('convention.removedSr')}</span>${p.text}</del>`
      : p.op === '+' ? html`<ins><span class="sr-only">${t('convention.addedSr')}</span>${p.text}</ins>`
        : p.text;
  return html`<section aria-labelledby="changes-heading">
    <h2 id="changes-heading">${t('convention.changesTitle', { from, to })}</h2>
    <p class="legend"><del>${t('convention.legendRemoved')}</del> <ins>${t('convention.legendAdded')}</ins></p>
    <${Loaded} result=${texts}>${(rows) => {
      const changed = rows.filter((r) => r.op !== ' ').length;
      return html`
      <p class="meta">${changed === 0 ? t('convention.noChanges') : t('convention.changedLines', { n: changed })}</p>
      <div class="diff">
        ${rows.map((r) => r.op === '~'
          ? html`<p class="diff-line changed">${r.parts.map(piece)}</p>`
          : r.op === ' '
            ? html`<p class="diff-line">${r.text || '\u00a0'}</p>`
            : html`<p class=${'diff-line ' + (r.op === '-' ? 'removed' : 'added')}>${piece(r)}</p>`)}
      </div>`;
    }}<//>
    <p><button type="button" class="button secondary" onClick=${onClose}>${t('convention.backToCurrent')}</button></p>
  </section>`;
}
