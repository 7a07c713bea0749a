import { useRef, useState } from 'preact/hooks';
import { html } from '../html.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { navigate } from '../router.js';
import { ErrorBox, Field, PageTitle, useId, useSubmit } from '../ui.js';

const KINDS = ['problem', 'wish', 'rule'];

export function NewTopicPage({ params }) {
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
        <input id=${titleId} name="title" required maxlength="100" aria-describedby=${titleId + '-hint'}
          value=${title} onInput=${(e) => setTitle(e.currentTarget.value)} />
      <//>
      <${Field} label=${t('newTopic.body')} hint=${t('newTopic.bodyHint')} id=${bodyId}>
        <textarea id=${bodyId} name="body" rows="6" maxlength="5000" aria-describedby=${bodyId + '-hint'}
          value=${body} onInput=${(e) => setBody(e.currentTarget.value)}></textarea>
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
