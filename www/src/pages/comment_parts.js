import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, formatTime } from '../i18n.js';
import { api } from '../api.js';
import { ErrorBox, Field, FormActions, Loaded, useFocusFirst, useId, useLoad, useSubmit } from '../ui.js';

const STANCES = ['for', 'neutral', 'against'];

// The seconds after posting in which its author may still change a
// comment: the district's setting (GET /districts/{id}/settings), asked
// only by authors, once per thread.
export function useEditWindow(communityId, wanted) {
  return useLoad(async () => {
    if (!wanted) return null;
    const community = await api('GET', `/communities/${communityId}`);
    const settings = await api('GET', `/districts/${community.district.id}/settings`);
    return settings.comment_edit_window_seconds;
  }, [communityId, wanted]);
}

// The author's own tools on a comment: change it while the district's
// window is open, or withdraw it (the thread keeps that it was there).
export function OwnCommentTools({ c, editWindow, onDone }) {
  const [mode, setMode] = useState(null);
  const canEdit = editWindow != null && Date.now() / 1000 < c.created_at + editWindow && !c.hidden;
  if (mode === 'edit') {
    return html`<${CommentEditForm} c=${c} onCancel=${() => setMode(null)}
      onDone=${() => { setMode(null); onDone(); }} />`;
  }
  if (mode === 'withdraw') {
    return html`<${WithdrawForm} c=${c} onCancel=${() => setMode(null)}
      onDone=${() => { setMode(null); onDone(); }} />`;
  }
  return html`<div class="actions compact">
    ${canEdit ? html`<button type="button" class="button secondary" onClick=${() => setMode('edit')}>
      ${t('comment.edit')}</button>` : null}
    <button type="button" class="link-button" onClick=${() => setMode('withdraw')}>${t('comment.withdraw')}</button>
  </div>`;
}

function CommentEditForm({ c, onCancel, onDone }) {
  const [body, setBody] = useState(c.body || '');
  const [stance, setStance] = useState(c.stance);
  const bodyId = useId('edit');
  const form = useFocusFirst();
  const { busy, error, submit, setError } = useSubmit(async () => {
    if (!body.trim()) return setError({ code: 'comment.empty' });
    await api('PUT', `/comments/${c.id}`, { body: body.trim(), stance });
    onDone();
  });
  return html`<form class="form panel" ref=${form} onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <h3>${t('comment.edit')}</h3>
    <p class="hint">${t('comment.editHint')}</p>
    <${Field} label=${t('topic.commentText')} id=${bodyId}>
      <textarea id=${bodyId} rows="4" maxlength="2000" value=${body}
        onInput=${(e) => setBody(e.currentTarget.value)}></textarea>
    <//>
    <fieldset class="choices row">
      <legend>${t('topic.yourStance')}</legend>
      ${STANCES.map((st) => html`<label class="choice">
        <input type="radio" name=${bodyId + '-stance'} value=${st} checked=${stance === st}
          onChange=${() => setStance(st)} />
        <span>${t('stances.' + st)}</span></label>`)}
    </fieldset>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('comment.saveEdit')} onCancel=${onCancel} />
  </form>`;
}

function WithdrawForm({ c, onCancel, onDone }) {
  const { busy, error, submit } = useSubmit(async () => {
    await api('DELETE', `/comments/${c.id}`);
    onDone();
  });
  return html`<form class="form panel" onSubmit=${submit} novalidate>
    <p>${t('comment.withdrawConfirm')}</p>
    <${ErrorBox} error=${error} />
    <${FormActions} busy=${busy} label=${t('comment.withdraw')} onCancel=${onCancel} danger=${true} />
  </form>`;
}

// The texts an edited comment had before, for those who run the
// community (the API gives them to no one else).
export function Revisions({ c }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return html`<button type="button" class="link-button" aria-expanded="false" onClick=${() => setOpen(true)}>
      ${t('comment.showRevisions')}</button>`;
  }
  return html`<div class="panel revisions">
    <h3>${t('comment.revisions')}</h3>
    <${RevisionList} id=${c.id} />
    <button type="button" class="link-button" aria-expanded="true" onClick=${() => setOpen(false)}>
      ${t('comment.hideRevisions')}</button>
  </div>`;
}

function RevisionList({ id }) {
  const revisions = useLoad(() => api('GET', `/comments/${id}/revisions`), [id]);
  return html`<${Loaded} result=${revisions}>${(r) => html`<ol class="timeline">
    ${r.items.map((v) => html`<li>
      <span class="when">${t('comment.revisionTime', { from: formatTime(v.written_at), to: formatTime(v.replaced_at) })}</span>
      <span class=${'stance stance-' + v.stance}>${t('stances.' + v.stance)}</span>
      <p class="reason-text">${v.body}</p>
    </li>`)}
  </ol>`}<//>`;
}
