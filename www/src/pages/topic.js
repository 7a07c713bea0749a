import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, has, formatTime } from '../i18n.js';
import { api, standing } from '../api.js';
import { useStore } from '../store.js';
import { ErrorBox, Field, Loaded, OverdueBadges, PageTitle, StateBadge, useId, useLoad, useSubmit } from '../ui.js';

// Actions whose reason is public and required (docs/proposal-lifecycle.md).
const REASON_REQUIRED = new Set([
  'accept', 'request_revision', 'merge', 'reject', 'send_to_vote', 'close_without_vote', 'adopt', 'not_adopt',
]);

// Words for a step of the trace; a step this version has no words for is
// still listed, as another step.
function historyLabel(action) {
  const key = 'history.' + action.replace(/^proposal\./, '');
  return has(key) ? t(key) : t('history.other');
}

export function TopicPage({ params }) {
  const id = params.id;
  const s = useStore();
  const topic = useLoad(async () => {
    const [p, history, comments, supports] = await Promise.all([
      api('GET', `/proposals/${id}`),
      api('GET', `/proposals/${id}/history`),
      api('GET', `/proposals/${id}/comments`),
      api('GET', `/proposals/${id}/supports`),
    ]);
    return { p, history: history.items, comments: comments.items, supports };
  }, [id, s.me && s.me.user.id]);

  return html`<article>
    <${Loaded} result=${topic}>${({ p, history, comments, supports }) => {
      const me = standing(s.me, p.community_id);
      return html`
        <p class="crumbs"><a href=${'/c/' + p.community_id}>${t('common.backToCommunity')}</a></p>
        <${PageTitle}>${p.title}<//>
        <p class="sub"><span class="kind">${t('kinds.' + p.kind)}</span> <${StateBadge} state=${p.state} />
          <${OverdueBadges} overdue=${p.overdue} /></p>
        <p class="meta">${t('topic.raisedBy', { name: p.author.display_name })}
          ${p.submitted_at ? ' · ' + formatTime(p.submitted_at) : ''}</p>
        ${p.reason ? html`<p class="reason"><strong>${t('topic.committeeReason')}</strong> ${p.reason}</p>` : null}
        ${p.body ? html`<div class="body">${p.body}</div>` : null}
        ${p.response_due_at && (p.state === 'submitted' || p.state === 'screening')
          ? html`<p class="meta">${t('topic.answerBy', { time: formatTime(p.response_due_at) })}</p>` : null}
        ${p.project_id ? html`<p><a class="button secondary" href=${'/projects/' + p.project_id}>${t('topic.seeProject')}</a></p>` : null}
        ${p.convention_id ? html`<p><a class="button secondary" href=${'/conventions/' + p.convention_id}>${t('topic.seeConvention')}</a></p>` : null}
        ${p.election_id ? html`<p><a class="button" href=${'/elections/' + p.election_id}>
          ${p.state === 'voting' ? t('topic.goVote') : t('topic.seeVote')}</a></p>` : null}

        <${Support} p=${p} supports=${supports} me=${me} own=${s.me && p.author.id === s.me.user.id}
          onChange=${topic.reload} />
        ${p.allowed_actions && p.allowed_actions.length > 0
          ? html`<${Actions} p=${p} onDone=${topic.reload} />` : null}

        <h2>${t('topic.trace')}</h2>
        <ol class="timeline">
          ${history.map(
            (h) => html`<li>
              <span class="when">${formatTime(h.at)}</span>
              <strong>${historyLabel(h.action)}</strong>
              <span class="who">${h.actor.display_name} (${t('roles.' + h.actor.role)})</span>
              ${h.reason ? html`<p class="reason-text">${h.reason}</p>` : null}
            </li>`,
          )}
        </ol>

        <h2>${t('topic.comments', { n: comments.filter((c) => !c.withdrawn).length })}</h2>
        <${Comments} comments=${comments} me=${me} onChange=${topic.reload} />
        ${me.canTakePart ? html`<${CommentForm} p=${p} onDone=${topic.reload} />`
          : html`<p class="hint">${s.me ? t('topic.verifiedOnly') : t('topic.loginToTakePart')}</p>`}
      `;
    }}<//>
  </article>`;
}

function Support({ p, supports, me, own, onChange }) {
  const { busy, error, submit } = useSubmit(async () => {
    if (supports.mine) await api('DELETE', `/proposals/${p.id}/supports/mine`);
    else await api('POST', `/proposals/${p.id}/supports`);
    onChange();
  });
  return html`<div class="support">
    <p class="support-count">${t('topic.supports', { n: supports.count })}</p>
    ${me.canTakePart && !own
      ? html`<button type="button" class=${supports.mine ? 'button secondary' : 'button'} disabled=${busy}
          aria-pressed=${supports.mine ? 'true' : 'false'} onClick=${submit}>
          ${supports.mine ? t('topic.withdrawSupport') : t('topic.support')}</button>`
      : null}
    <${ErrorBox} error=${error} />
  </div>`;
}

function Actions({ p, onDone }) {
  const [action, setAction] = useState('');
  const [reason, setReason] = useState('');
  const [extra, setExtra] = useState({});
  const reasonId = useId('reason');
  const extraId = useId('extra');
  const { busy, error, submit, setError } = useSubmit(async () => {
    const needs = REASON_REQUIRED.has(action);
    if (needs && !reason.trim()) {
      setError({ code: 'proposal.reason_required' });
      return;
    }
    const body = { action, reason: reason.trim() };
    if (action === 'merge') body.target_id = Number(extra.target_id);
    if (action === 'open_consultation') {
      const days = Number(extra.days || 14);
      body.consultation_ends_at = Math.floor(Date.now() / 1000) + days * 86400;
    }
    if (action === 'form_project') {
      body.budget_fen = Math.round(Number(extra.budget_yuan || 0) * 100);
      body.responsible = (extra.responsible || '').trim();
    }
    await api('POST', `/proposals/${p.id}/actions`, body);
    setAction('');
    setReason('');
    onDone();
  });
  const set = (k) => (e) => setExtra({ ...extra, [k]: e.currentTarget.value });
  return html`<section class="panel" aria-labelledby=${reasonId + '-h'}>
    <h2 id=${reasonId + '-h'}>${t('topic.whatNext')}</h2>
    <div class="actions" role="group">
      ${p.allowed_actions.map(
        (a) => html`<button type="button" class=${action === a ? 'button' : 'button secondary'}
          aria-pressed=${action === a ? 'true' : 'false'} onClick=${() => setAction(a)}>${t('actions.' + a)}</button>`,
      )}
    </div>
    ${action
      ? html`<form class="form" onSubmit=${submit} novalidate>
          <${Field} label=${REASON_REQUIRED.has(action) ? t('topic.reasonRequired') : t('topic.reasonOptional')}
            hint=${t('topic.reasonPublic')} id=${reasonId}>
            <textarea id=${reasonId} name="reason" rows="3" maxlength="500" aria-describedby=${reasonId + '-hint'}
              required=${REASON_REQUIRED.has(action)} value=${reason}
              onInput=${(e) => setReason(e.currentTarget.value)}></textarea>
          <//>
          ${action === 'merge'
            ? html`<${Field} label=${t('topic.mergeTarget')} id=${extraId}>
                <input id=${extraId} inputmode="numeric" value=${extra.target_id || ''} onInput=${set('target_id')} /><//>`
            : null}
          ${action === 'open_consultation'
            ? html`<${Field} label=${t('topic.consultationDays')} id=${extraId}>
                <input id=${extraId} inputmode="numeric" value=${extra.days || '14'} onInput=${set('days')} /><//>`
            : null}
          ${action === 'form_project'
            ? html`<${Field} label=${t('topic.budgetYuan')} id=${extraId}>
                  <input id=${extraId} inputmode="decimal" value=${extra.budget_yuan || ''} onInput=${set('budget_yuan')} /><//>
                <${Field} label=${t('topic.responsible')} id=${extraId + '-r'}>
                  <input id=${extraId + '-r'} value=${extra.responsible || ''} onInput=${set('responsible')} /><//>`
            : null}
          <${ErrorBox} error=${error} />
          <button class="button" type="submit" disabled=${busy}>
            ${busy ? t('common.working') : t('topic.confirm', { action: t('actions.' + action) })}</button>
        </form>`
      : null}
  </section>`;
}

function Comments({ comments, me, onChange }) {
  if (comments.length === 0) return html`<p class="empty">${t('topic.noComments')}</p>`;
  return html`<ul class="comments">
    ${comments.map((c) => html`<${Comment} c=${c} me=${me} onChange=${onChange} />`)}
  </ul>`;
}

function Comment({ c, me, onChange }) {
  const [reporting, setReporting] = useState(false);
  const [reason, setReason] = useState('');
  const reasonId = useId('report');
  const { busy, error, submit } = useSubmit(async () => {
    await api('POST', `/comments/${c.id}/reports`, { reason: reason.trim() });
    setReporting(false);
    onChange();
  });
  return html`<li class=${'comment depth-' + Math.min(c.depth || 1, 3)}>
    <p class="comment-head"><strong>${c.author.display_name}</strong>
      <span class=${'stance stance-' + c.stance}>${t('stances.' + c.stance)}</span>
      <span class="when">${formatTime(c.created_at)}</span></p>
    ${c.withdrawn
      ? html`<p class="muted">${t('topic.commentWithdrawn')}</p>`
      : c.hidden && c.body == null
        ? html`<p class="muted">${t('topic.commentHidden', { reason: c.hidden_reason || '' })}</p>`
        : html`<p class="comment-body">${c.body}</p>`}
    ${me.canTakePart && !c.withdrawn && !c.hidden
      ? reporting
        ? html`<form class="form inline" onSubmit=${submit} novalidate>
            <${Field} label=${t('topic.reportReason')} id=${reasonId}>
              <input id=${reasonId} value=${reason} maxlength="500" onInput=${(e) => setReason(e.currentTarget.value)} /><//>
            <${ErrorBox} error=${error} />
            <div class="actions">
              <button class="button" type="submit" disabled=${busy}>${t('topic.sendReport')}</button>
              <button class="button secondary" type="button" onClick=${() => setReporting(false)}>${t('common.cancel')}</button>
            </div>
          </form>`
        : html`<button type="button" class="link-button" onClick=${() => setReporting(true)}>
            ${t('topic.report')}</button>`
      : null}
  </li>`;
}

const STANCES = ['for', 'neutral', 'against'];

function CommentForm({ p, onDone }) {
  const [stance, setStance] = useState('neutral');
  const [body, setBody] = useState('');
  const bodyId = useId('comment');
  const { busy, error, submit } = useSubmit(async () => {
    await api('POST', `/proposals/${p.id}/comments`, { body: body.trim(), stance });
    setBody('');
    setStance('neutral');
    onDone();
  });
  return html`<form class="form panel" onSubmit=${submit} novalidate>
    <h3>${t('topic.addComment')}</h3>
    <fieldset class="choices row">
      <legend>${t('topic.yourStance')}</legend>
      ${STANCES.map(
        (st) => html`<label class="choice">
          <input type="radio" name="stance" value=${st} checked=${stance === st} onChange=${() => setStance(st)} />
          <span>${t('stances.' + st)}</span></label>`,
      )}
    </fieldset>
    <${Field} label=${t('topic.commentText')} id=${bodyId}>
      <textarea id=${bodyId} name="comment" rows="4" maxlength="2000" value=${body}
        onInput=${(e) => setBody(e.currentTarget.value)}></textarea>
    <//>
    <${ErrorBox} error=${error} />
    <button class="button" type="submit" disabled=${busy}>${busy ? t('common.working') : t('topic.sendComment')}</button>
  </form>`;
}
