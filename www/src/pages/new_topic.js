import { useRef, useState } from 'preact/hooks';
import { html } from '../html.js';
import { t } from '../i18n.js';
import { api, standing } from '../api.js';
import { navigate } from '../router.js';
import { useStore } from '../store.js';
import { CharCount, ErrorBox, Field, PageTitle, SignInFirst, useId, useSubmit } from '../ui.js';
import { MembershipNotice } from './join.js';

const KINDS = ['problem', 'wish', 'rule'];
// The API's limits (docs/api.md, POST /communities/{id}/proposals).
const TITLE_MAX = 100;
const BODY_MAX = 5000;

// Only a verified resident raises a topic: anyone else learns why, and
// what to do, before typing anything (a visitor signs in and comes back).
export function NewTopicPage({ params }) {
  const s = useStore();
  if (!s.meLoaded) return null;
  const here = location.pathname + location.search;
  if (!s.me) return html`<${SignInFirst} title=${t('newTopic.title')} next=${here} />`;
  const { member } = standing(s.me, params.id);
  if (!member || member.status !== 'verified') {
    return html`<section>
      <p class="crumbs"><a href=${'/c/' + params.id}>${t('common.backToCommunity')}</a></p>
      <${PageTitle}>${t('newTopic.title')}<//>
      ${member && member.status !== 'left'
        ? html`<${MembershipNotice} member=${member} communityId=${params.id} />`
        : html`<div class="notice" role="status"><p>${t('errors.membership.none')}</p>
            <p><a class="button secondary" href=${'/c/' + params.id + '/join'}>${t('community.join')}</a></p></div>`}
    </section>`;
  }
  return html`<${TopicForm} params=${params} />`;
}

function TopicForm({ params }) {
  const [kind, setKind] = useState('problem');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  // Which button sent the form (read in the same event, so not a state).
  const asDraft = useRef(false);
  const titleId = useId('title');
  const bodyId = useId('body');
  const { busy, error, submit } = useSubmit(async () => {
    const p = await api('POST', `/communities/${params.id}/proposals`, {
      kind,
      title: title.trim(),
      body: body.trim(),
      submit: !asDraft.current,
    });
    // Raised in answer to a call for topics (议题征集): link it. Should the
    // call have closed meanwhile, the topic is kept and opened all the same.
    const call = new URLSearchParams(location.search).get('call');
    if (call) {
      try {
        await api('POST', `/topic-calls/${call}/topics`, { proposal_id: p.id });
        return navigate('/topic-calls/' + call, { replace: true });
      } catch {
        // the topic page shows the topic; the call page says it closed
      }
    }
    navigate('/p/' + p.id, { replace: true });
  });
  return html`<section>
    <${PageTitle}>${t('newTopic.title')}<//>
    ${new URLSearchParams(location.search).get('call') ? html`<p class="notice">${t('council.answering')}</p>` : null}
    <form class="form" onSubmit=${submit} novalidate>
      <fieldset class="choices">
        <legend>${t('newTopic.kind')}</legend>
        ${KINDS.map(
          (k) => html`<label class="choice">
            <input type="radio" name="kind" value=${k} checked=${kind === k} onChange=${() => setKind(k)} />
            <span><strong>${t('kinds.' + k)}</strong><br /><span class="hint">${t('newTopic.kindHint.' + k)}</span></span>
          </label>`,
        )}
      </fieldset>
      <${Field} label=${t('newTopic.topicTitle')} hint=${t('newTopic.topicTitleHint')} id=${titleId}>
        <input id=${titleId} name="title" required maxlength=${TITLE_MAX} aria-describedby=${titleId + '-hint ' + titleId + '-count'}
          value=${title} onInput=${(e) => setTitle(e.currentTarget.value)} />
        <${CharCount} id=${titleId + '-count'} value=${title} max=${TITLE_MAX} />
      <//>
      <${Field} label=${t('newTopic.body')} hint=${t('newTopic.bodyHint')} id=${bodyId}>
        <textarea id=${bodyId} name="body" rows="6" maxlength=${BODY_MAX} aria-describedby=${bodyId + '-hint ' + bodyId + '-count'}
          value=${body} onInput=${(e) => setBody(e.currentTarget.value)}></textarea>
        <${CharCount} id=${bodyId + '-count'} value=${body} max=${BODY_MAX} />
      <//>
      <${ErrorBox} error=${error} />
      <p class="hint">${t('newTopic.publicNote')}</p>
      <div class="actions">
        <button class="button" type="submit" disabled=${busy} onClick=${() => (asDraft.current = false)}>
          ${t('newTopic.submit')}</button>
        <button class="button secondary" type="submit" disabled=${busy} onClick=${() => (asDraft.current = true)}>
          ${t('newTopic.saveDraft')}</button>
      </div>
    </form>
  </section>`;
}
