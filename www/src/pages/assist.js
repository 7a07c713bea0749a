import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { useStore } from '../store.js';
import { ErrorBox, Field, FormActions, Loaded, PageTitle, useId, useLoad, useSubmit } from '../ui.js';

const KINDS = ['raise', 'comment', 'support', 'not_solved'];
const CONSENTS = ['present', 'consent', 'paper'];

// 帮办代办 (docs/grids.md): a 网格员, a 楼栋长 or a committee member acts for
// a resident who is with them, who agreed, or whose opinion came on paper.
export function AssistPage({ params }) {
  const id = params.id;
  const s = useStore();
  const page = useLoad(async () => {
    const [residents, places, topics] = await Promise.all([
      api('GET', `/communities/${id}/assistable-residents`),
      api('GET', `/communities/${id}/grids`),
      api('GET', `/communities/${id}/proposals?limit=50`),
    ]);
    return { residents: residents.items, grids: places.grids, estates: places.estates, topics: topics.items };
  }, [id, s.session]);
  return html`<section>
    <p class="crumbs"><a href=${'/c/' + id}>${t('common.backToCommunity')}</a></p>
    <${PageTitle}>${t('assist.title')}<//>
    <p class="lead">${t('assist.intro')}</p>
    <${Loaded} result=${page}>${(d) => html`<${AssistForm} communityId=${id} data=${d} meId=${s.me && s.me.user.id} />`}<//>
  </section>`;
}

function AssistForm({ communityId, data, meId }) {
  const mine = data.grids.filter((g) => g.workers.some((w) => w.id === meId));
  // A 网格员 (not on the committee) chooses among their own grids only.
  const grids = mine.length > 0 ? mine : data.grids;
  // A 楼栋长 who works no grid names none: the roster says where the resident lives.
  const buildings = data.estates.flatMap((e) => (e.building_heads || [])
    .filter((h) => h.user.id === meId).map((h) => e.name + ' ' + h.building));
  const headOnly = mine.length === 0 && buildings.length > 0;
  const [kind, setKind] = useState('raise');
  const [resident, setResident] = useState('');
  const [grid, setGrid] = useState(mine.length > 0 ? String(mine[0].id) : '');
  const [consent, setConsent] = useState('present');
  const [note, setNote] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [topic, setTopic] = useState('');
  const [done, setDone] = useState(null);
  const ids = { kind: useId('kind'), resident: useId('resident'), grid: useId('grid'), consent: useId('consent'),
    note: useId('note'), title: useId('title'), body: useId('body'), topic: useId('topic') };
  const { busy, error, submit } = useSubmit(async () => {
    setDone(null);
    const request = { kind, resident_id: Number(resident) || 0, consent, consent_note: note.trim(),
      grid_id: grid ? Number(grid) : null };
    if (kind === 'raise') Object.assign(request, { community_id: Number(communityId), title: title.trim(), body: body.trim() });
    else if (kind === 'not_solved') {
      // The case of the chosen problem: the resident says its 办结 did not solve it.
      const c = await api('GET', `/proposals/${Number(topic) || 0}/case`);
      Object.assign(request, { case_id: c.id, body: body.trim() });
    } else Object.assign(request, { proposal_id: Number(topic) || 0 });
    if (kind === 'comment') request.body = body.trim();
    const answer = await api('POST', '/assisted-acts', request);
    setDone({ ...answer, topic: kind === 'not_solved' ? Number(topic) : answer.subject_id });
    setTitle('');
    setBody('');
  });
  const select = (id, value, set, options, empty) => html`<select id=${id} value=${value}
    onChange=${(e) => set(e.currentTarget.value)}>
    ${empty ? html`<option value="">${empty}</option>` : null}
    ${options.map(([v, label]) => html`<option value=${String(v)}>${label}</option>`)}</select>`;
  return html`<form class="form" onSubmit=${submit} novalidate>
    <${Field} label=${t('assist.kindLabel')} id=${ids.kind}>
      ${select(ids.kind, kind, setKind, KINDS.map((k) => [k, t('assist.kinds.' + k)]))}<//>
    <${Field} label=${t('assist.residentLabel')} id=${ids.resident}>
      ${select(ids.resident, resident, setResident, data.residents.map((p) => [p.id, p.display_name]), t('assist.choose'))}<//>
    ${headOnly
      ? html`<p class="notice">${t('assist.headOf', { buildings: buildings.join('、') })}</p>`
      : html`<${Field} label=${t('assist.gridLabel')} id=${ids.grid}>
          ${select(ids.grid, grid, setGrid, grids.map((g) => [g.id, g.name]), mine.length > 0 ? null : t('assist.noGrid'))}<//>`}
    <${Field} label=${t('assist.consentLabel')} id=${ids.consent}>
      ${select(ids.consent, consent, setConsent, CONSENTS.map((c) => [c, t('assist.consents.' + c)]))}<//>
    <${Field} label=${t('assist.noteLabel')} hint=${t('assist.noteHint')} id=${ids.note}>
      <input id=${ids.note} type="text" maxlength="500" aria-describedby=${ids.note + '-hint'} value=${note}
        onInput=${(e) => setNote(e.currentTarget.value)} /><//>
    ${kind === 'raise'
      ? html`<${Field} label=${t('assist.titleLabel')} id=${ids.title}>
          <input id=${ids.title} type="text" maxlength="100" value=${title} onInput=${(e) => setTitle(e.currentTarget.value)} /><//>`
      : html`<${Field} label=${kind === 'not_solved' ? t('assist.problemLabel') : t('assist.topicLabel')} id=${ids.topic}>
          ${select(ids.topic, topic, setTopic, data.topics.map((p) => [p.id, p.title]), t('assist.choose'))}<//>`}
    ${kind !== 'support'
      ? html`<${Field} label=${t(kind === 'raise' ? 'assist.detailLabel' : kind === 'not_solved' ? 'assist.reasonLabel' : 'assist.opinionLabel')} id=${ids.body}>
          <textarea id=${ids.body} rows="4" maxlength="5000" value=${body}
            onInput=${(e) => setBody(e.currentTarget.value)}></textarea><//>`
      : null}
    <${ErrorBox} error=${error} />
    ${done
      ? html`<p class="notice" role="status">${t('assist.done')}
          ${done.kind !== 'comment' ? html` <a href=${'/p/' + done.topic}>${t('assist.seeTopic')}</a>` : null}</p>`
      : null}
    <${FormActions} busy=${busy} label=${t('assist.submit')} />
  </form>`;
}
