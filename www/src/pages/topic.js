import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, has, formatTime } from '../i18n.js';
import { api, standing } from '../api.js';
import { useStore } from '../store.js';
import { ErrorBox, Field, Loaded, OverdueBadges, PageTitle, StateBadge, nameWithRole, useId, useLoad, useSubmit } from '../ui.js';
import { Escalations, Meetings, Moderate } from './topic_parts.js';
import { OwnCommentTools, Revisions, useEditWindow } from './comment_parts.js';
import { AdoptionForm } from './council_forms.js';
import { AdoptionNote } from './council_parts.js';
import { CasePanel, CaseStateBadge, loadCase } from './case_parts.js';
import { Place } from './place_parts.js';
import { assistedText } from './assist_parts.js';

// Comments fetched at a time: the first page answers fast on an old phone;
// the rest come when the resident asks (docs/api.md, the thread in pages).
const COMMENT_PAGE = 50;

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

// A meeting's scheduling is stored as "<mode> <place>": the mode in words.
function historyReason(h) {
  const m = h.action === 'meeting.scheduled' && /^(online|offline|hybrid) ([\s\S]*)$/.exec(h.reason);
  return m ? t('meeting.modes.' + m[1]) + ' · ' + m[2] : h.reason;
}

export function TopicPage({ params }) {
  const id = params.id;
  const s = useStore();
  const topic = useLoad(async () => {
    const [p, history, comments, supports, meetings, escalations, kase, place, adoptions] = await Promise.all([
      api('GET', `/proposals/${id}`),
      api('GET', `/proposals/${id}/history`),
      api('GET', `/proposals/${id}/comments?limit=${COMMENT_PAGE}`),
      api('GET', `/proposals/${id}/supports`),
      api('GET', `/proposals/${id}/meetings`),
      api('GET', `/proposals/${id}/escalations`),
      loadCase(id),
      api('GET', `/proposals/${id}/place`),
      api('GET', `/proposals/${id}/adoptions`),
    ]);
    const marks = {};
    for (const m of adoptions.items) marks[m.comment_id] = m;
    return { p, history: history.items, comments, supports, meetings: meetings.items,
      escalations: escalations.items, kase, place, marks };
  }, [id, s.session]);

  return html`<article>
    <${Loaded} result=${topic}>${({ p, history, comments, supports, meetings, escalations, kase, place, marks }) => {
      const me = standing(s.me, p.community_id);
      return html`
        <p class="crumbs"><a href=${'/c/' + p.community_id}>${t('common.backToCommunity')}</a></p>
        <${PageTitle}>${p.title}<//>
        <p class="sub"><span class="kind">${t('kinds.' + p.kind)}</span>
          ${p.state === 'accepted' && kase ? html`<${CaseStateBadge} c=${kase} />` : html`<${StateBadge} state=${p.state} />`}
          <${OverdueBadges} overdue=${p.overdue} /></p>
        <p class="meta">${t('topic.raisedBy', { name: p.author.display_name })}
          ${p.submitted_at ? ' · ' + formatTime(p.submitted_at) : ''}</p>
        <${Place} place=${place} communityId=${p.community_id} onChange=${topic.reload} />
        ${p.reason && p.reason_election_id ? html`<p class="reason"><strong>${p.reason}</strong></p>`
          : p.reason ? html`<p class="reason"><strong>${t('topic.committeeReason')}</strong> ${p.reason}</p>` : null}
        ${p.body ? html`<div class="body">${p.body}</div>` : null}
        ${p.response_due_at && (p.state === 'submitted' || p.state === 'screening')
          ? html`<p class="meta">${t('topic.answerBy', { time: formatTime(p.response_due_at) })}</p>` : null}
        ${p.project_id ? html`<p><a class="button secondary" href=${'/projects/' + p.project_id}>${t('topic.seeProject')}</a></p>` : null}
        ${p.convention_id ? html`<p><a class="button secondary" href=${'/conventions/' + p.convention_id}>${t('topic.seeConvention')}</a></p>` : null}
        ${p.election_id ? html`<p><a class="button" href=${'/elections/' + p.election_id}>
          ${p.state === 'voting' ? t('topic.goVote') : t('topic.seeVote')}</a></p>` : null}

        <${Support} p=${p} supports=${supports} me=${me} own=${s.me && p.author.id === s.me.user.id}
          onChange=${topic.reload} />
        ${s.me ? html`<${Follow} p=${p} session=${s.session} />` : null}
        ${p.allowed_actions && p.allowed_actions.length > 0
          ? html`<${Actions} p=${p} onDone=${topic.reload} />` : null}
        ${kase ? html`<${CasePanel} c=${kase} onChange=${topic.reload} />` : null}
        <${Meetings} p=${p} meetings=${meetings} me=${me} onChange=${topic.reload} />
        <${Escalations} p=${p} escalations=${escalations} me=${me} onChange=${topic.reload} />

        <h2>${t('topic.trace')}</h2>
        ${kase ? html`<p class="hint">${t('topic.caseStepsAbove')}</p>` : null}
        <ol class="timeline">
          ${(kase ? history.filter((h) => !h.action.startsWith('case.')) : history).map(
            (h) => html`<li>
              <span class="when">${formatTime(h.at)}</span>
              <strong>${historyLabel(h.action)}</strong>
              <span class="who">${nameWithRole(h.actor.display_name, h.actor.role)}</span>
              ${h.assisted ? html`<p class="assisted">${assistedText(h.assisted)}</p>` : null}
              ${h.reason ? html`<p class="reason-text">${historyReason(h)}
                ${h.election_id ? html` <a href=${'/elections/' + h.election_id}>${t('topic.seeVote')}</a>` : null}</p>` : null}
            </li>`,
          )}
        </ol>

        <${Thread} p=${p} first=${comments} marks=${marks} me=${me} myId=${s.me ? s.me.user.id : null} onChange=${topic.reload} />
        ${me.canTakePart ? html`<${CommentForm} p=${p} onDone=${topic.reload} />`
          : !s.meLoaded ? null : html`<p class="hint">${!s.me ? t('topic.loginToTakePart')
            : me.member ? t('topic.verifiedOnly') : t('topic.otherCommunity')}</p>`}
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
    ${me.member && me.member.status === 'verified' && !own
      ? html`<button type="button" class=${supports.mine ? 'button secondary' : 'button'} disabled=${busy}
          aria-pressed=${supports.mine ? 'true' : 'false'} onClick=${submit}>
          ${supports.mine ? t('topic.withdrawSupport') : t('topic.support')}</button>`
      : null}
    <${ErrorBox} error=${error} />
  </div>`;
}

// Supporting is a resident's voice: the server counts verified residents of
// the topic's community only, so staff are not offered the button.

// Following a topic brings its changes to the inbox (docs/notifications.md);
// raising or commenting follows it already.
function Follow({ p, session }) {
  const state = useLoad(() => api('GET', `/proposals/${p.id}/follow`), [p.id, session]);
  const { busy, error, submit } = useSubmit(async () => {
    await api(state.data.following ? 'DELETE' : 'POST', `/proposals/${p.id}/follow`);
    state.reload();
  });
  if (!state.data) return null;
  const on = state.data.following;
  return html`<div class="follow">
    <button type="button" class=${on ? 'button secondary' : 'button'} disabled=${busy} aria-pressed=${on ? 'true' : 'false'}
      onClick=${submit}>${on ? t('topic.unfollow') : t('topic.follow')}</button>
    <p class="hint">${on ? t('topic.followingHint') : t('topic.followHint')}</p>
    <${ErrorBox} error=${error} />
  </div>`;
}

function Actions({ p, onDone }) {
  const [action, setAction] = useState('');
  const [reason, setReason] = useState('');
  const [extra, setExtra] = useState({});
  const reasonId = useId('reason');
  const extraId = useId('extra');
  // The consultation was announced to run until consultation_ends_at:
  // ending it sooner needs its own public reason.
  const endsEarly = p.state === 'consultation' && p.consultation_ends_at && p.consultation_ends_at * 1000 > Date.now();
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
    if (action === 'send_to_vote') {
      body.vote = extra.vote || 'ballot';
      if (body.vote === 'ballot') {
        const days = Number(extra.vote_days || 7);
        if (!Number.isInteger(days) || days < 1 || days > 60) {
          setError({ code: 'proposal.vote_closes_at' });
          return;
        }
        body.vote_closes_at = Math.floor(Date.now() / 1000) + days * 86400;
      }
    }
    if (endsEarly && (action === 'send_to_vote' || action === 'close_without_vote')) {
      if (!(extra.early || '').trim()) {
        setError({ code: 'proposal.early_end_reason' });
        return;
      }
      body.early_end_reason = extra.early.trim();
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
      ? html`<form class="form" onSubmit=${submit} onInput=${() => setError(null)} novalidate>
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
          ${action === 'send_to_vote'
            ? html`<fieldset class="choices">
                <legend>${t('topic.voteHow')}</legend>
                ${['ballot', 'meeting'].map((v) => html`<label class="choice">
                  <input type="radio" name="vote" value=${v} checked=${(extra.vote || 'ballot') === v}
                    onChange=${() => setExtra({ ...extra, vote: v })} />
                  <span><strong>${t('topic.voteBy.' + v)}</strong><br /><span class="hint">${t('topic.voteByHint.' + v)}</span></span>
                </label>`)}
              </fieldset>
              ${(extra.vote || 'ballot') === 'ballot'
                ? html`<${Field} label=${t('topic.voteDays')} id=${extraId + '-d'}>
                    <input id=${extraId + '-d'} class="short" inputmode="numeric" value=${extra.vote_days || '7'}
                      onInput=${set('vote_days')} /><//>`
                : null}`
            : null}
          ${endsEarly && (action === 'send_to_vote' || action === 'close_without_vote')
            ? html`<${Field} label=${t('topic.earlyEndReason')}
                hint=${t('topic.earlyEndHint', { time: formatTime(p.consultation_ends_at) })} id=${extraId + '-e'}>
                <textarea id=${extraId + '-e'} rows="2" maxlength="1000" required aria-describedby=${extraId + '-e-hint'}
                  value=${extra.early || ''} onInput=${set('early')}></textarea><//>`
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

// The thread, its first page loaded with the topic, and the next pages on
// request ("load more"): replies come after what they answer, so each page
// adds to the end.
function Thread({ p, first, marks, me, myId, onChange }) {
  const [more, setMore] = useState({ items: [], cursor: first.next_cursor });
  useEffect(() => setMore({ items: [], cursor: first.next_cursor }), [first]);
  const { busy, error, submit } = useSubmit(async () => {
    const page = await api('GET', `/proposals/${p.id}/comments?limit=${COMMENT_PAGE}&cursor=${more.cursor}`);
    setMore({ items: more.items.concat(page.items), cursor: page.next_cursor });
  });
  const comments = first.items.concat(more.items);
  const n = comments.filter((c) => !c.withdrawn).length;
  return html`
    <h2>${more.cursor ? t('topic.commentsSoFar', { n }) : t('topic.comments', { n })}</h2>
    <${Comments} comments=${comments} marks=${marks} me=${me} myId=${myId} communityId=${p.community_id} onChange=${onChange} />
    ${more.cursor
      ? html`<p><button type="button" class="button secondary load-more" disabled=${busy} onClick=${submit}>
          ${t('topic.loadMoreComments')}</button></p>` : null}
    <${ErrorBox} error=${error} />`;
}

function Comments({ comments, marks, me, myId, communityId, onChange }) {
  const authored = myId != null && comments.some((c) => c.author.id === myId && !c.withdrawn);
  const editWindow = useEditWindow(communityId, authored);
  if (comments.length === 0) return html`<p class="empty">${t('topic.noComments')}</p>`;
  return html`<ul class="comments">
    ${comments.map((c) => html`<${Comment} c=${c} mark=${marks[c.id]} me=${me} own=${c.author.id === myId}
      editWindow=${editWindow.data} onChange=${onChange} />`)}
  </ul>`;
}

function Comment({ c, mark, me, own, editWindow, onChange }) {
  const [reporting, setReporting] = useState(false);
  const [marking, setMarking] = useState(false);
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
      <span class="when">${formatTime(c.created_at)}</span>
      ${c.edited_at && !c.withdrawn ? html`<span class="when">${t('comment.edited')}</span>` : null}</p>
    ${c.assisted ? html`<p class="assisted">${assistedText(c.assisted)}</p>` : null}
    ${c.withdrawn
      ? html`<p class="muted">${t('topic.commentWithdrawn')}</p>`
      : c.hidden && c.body == null
        ? html`<p class="muted">${t('topic.commentHidden', { reason: c.hidden_reason || '' })}</p>`
        : html`${c.hidden ? html`<p class="muted">${t('topic.commentHiddenForYou', { reason: c.hidden_reason || '' })}</p>` : null}
            <p class="comment-body">${c.body}</p>`}
    ${mark ? html`<${AdoptionNote} mark=${mark} />` : null}
    ${me.committee && !c.withdrawn
      ? marking
        ? html`<${AdoptionForm} path=${`/comments/${c.id}/adoption`} name=${'c' + c.id} mark=${mark} onDone=${() => { setMarking(false); onChange(); }} onCancel=${() => setMarking(false)} />`
        : html`<button type="button" class="link-button" onClick=${() => setMarking(true)}>
            ${t(mark ? 'council.adoption.change' : 'council.adoption.mark')}</button>`
      : null}
    ${me.committee && c.edited_at && !c.withdrawn ? html`<${Revisions} c=${c} />` : null}
    ${own && !c.withdrawn ? html`<${OwnCommentTools} c=${c} editWindow=${editWindow} onDone=${onChange} />` : null}
    ${me.committee && !c.withdrawn ? html`<${Moderate} c=${c} onDone=${onChange} />` : null}
    ${me.canTakePart && !own && !c.withdrawn && !c.hidden
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
