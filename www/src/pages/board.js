import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, formatMoney, formatTime } from '../i18n.js';
import { api, standing } from '../api.js';
import { useStore } from '../store.js';
import { Loaded, PageTitle, Toggle, useLoad } from '../ui.js';
import { AccountForm, NoticeForm, WithdrawNoticeForm } from './board_forms.js';

// 公开之栏 (docs/noticeboard.md): the community's notices, newest first,
// and its accounts: the totals computed by the server, month by month and
// by category, and every entry with its corrections. Read by anyone; those
// who run the community post, correct and withdraw notices and record and
// correct entries here (board_forms.js).
export function BoardPage({ params }) {
  const id = params.id;
  const s = useStore();
  // Raised by each form that changed something: the page loads again.
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);
  const page = useLoad(async () => {
    const [c, notices, totals, entries] = await Promise.all([
      api('GET', `/communities/${id}`),
      api('GET', `/communities/${id}/notices?limit=50`),
      api('GET', `/communities/${id}/accounts/totals`),
      api('GET', `/communities/${id}/accounts?limit=50`),
    ]);
    return { c, notices: notices.items, totals, entries: entries.items };
  }, [id, s.session, changes]);
  const manage = standing(s.me, id).committee;
  return html`<section>
    <${Loaded} result=${page}>${(d) => {
      const current = d.notices.filter((n) => n.status === 'current');
      const past = d.notices.filter((n) => n.status !== 'current');
      return html`
      <p class="crumbs"><a href=${'/c/' + id}>${t('common.backToCommunity')}</a></p>
      <${PageTitle}>${t('board.title', { name: d.c.name })}<//>
      <p class="sub">${t('board.intro')}</p>

      <h2>${t('board.notices')}</h2>
      ${current.length === 0
        ? html`<p class="empty">${t('board.noNotices')}</p>`
        : html`<ul class="cards one">${current.map((n) => html`<${NoticeItem} n=${n} />`)}</ul>`}
      ${manage ? html`<${Toggle} label=${t('board.form.newNotice')}>${(close) =>
        html`<${NoticeForm} communityId=${id} onDone=${() => { close(); changed(); }} onCancel=${close} />`}<//>` : null}
      ${past.length
        ? html`<details class="archive"><summary class="tap">${t('board.archive', { n: past.length })}</summary>
            <ul class="cards one">${past.map((n) => html`<${NoticeItem} n=${n} />`)}</ul></details>`
        : null}

      <h2>${t('board.accounts')}</h2>
      <${Totals} totals=${d.totals} />
      ${manage ? html`<${Toggle} label=${t('board.form.newEntry')}>${(close) =>
        html`<${AccountForm} communityId=${id} onDone=${() => { close(); changed(); }} onCancel=${close} />`}<//>` : null}
      <${Entries} entries=${d.entries} manage=${manage} onChanged=${changed} />
      <p><a class="button secondary" href=${'/api/v1/communities/' + id + '/accounts/export'} download>
        ${t('board.csv')}</a></p>
    `;
    }}<//>
  </section>`;
}

function NoticeBadge({ status }) {
  const style = status === 'current' ? 'state-accepted' : 'state-closed';
  return html`<span class=${'badge ' + style}>${t('board.status.' + status)}</span>`;
}

function NoticeItem({ n }) {
  return html`<li><a class="card" href=${'/notices/' + n.id}>
    <span class="card-title">${n.title}</span>
    <span class="card-sub"><span class="kind">${t('board.kinds.' + n.kind)}</span>
      <${NoticeBadge} status=${n.status} /> ${formatTime(n.published_at, false)}
      ${n.corrections ? html` · ${t('board.corrected')}` : null}</span>
    ${n.status === 'current' ? html`<span class="card-sub">${n.excerpt}</span>` : null}
  </a></li>`;
}

function Totals({ totals }) {
  if (totals.entries === 0) return html`<p class="empty">${t('board.noEntries')}</p>`;
  return html`
    <dl class="facts">
      <div><dt>${t('board.income')}</dt><dd>${formatMoney(totals.income_fen)}</dd></div>
      <div><dt>${t('board.expense')}</dt><dd>${formatMoney(totals.expense_fen)}</dd></div>
      <div><dt>${t('board.balance')}</dt><dd>${formatMoney(totals.balance_fen)}</dd></div>
    </dl>
    <div class="table-wrap"><table class="table stack">
      <caption>${t('board.byMonth')}</caption>
      <thead><tr><th scope="col">${t('board.month')}</th><th scope="col" class="num">${t('board.income')}</th>
        <th scope="col" class="num">${t('board.expense')}</th></tr></thead>
      <tbody>${totals.by_month.map((m) => html`<tr><th scope="row">${monthName(m.month)}</th>
        <td class="num" data-label=${t('board.income')}>${formatMoney(m.income_fen)}</td>
        <td class="num" data-label=${t('board.expense')}>${formatMoney(m.expense_fen)}</td></tr>`)}</tbody>
    </table></div>
    <div class="table-wrap"><table class="table">
      <caption>${t('board.byCategory')}</caption>
      <thead><tr><th scope="col">${t('board.category')}</th><th scope="col" class="num">${t('board.amount')}</th></tr></thead>
      <tbody>${totals.by_category.map((c) => html`<tr>
        <th scope="row">${t('board.directions.' + c.direction)} · ${t('board.categories.' + c.category)}</th>
        <td class="num">${formatMoney(c.amount_fen)}</td></tr>`)}</tbody>
    </table></div>`;
}

function monthName(month) {
  const [y, m] = month.split('-');
  return t('board.monthName', { y, m: Number(m) });
}

// Every entry, newest first; a corrected one is struck through and names
// its correction, which carries the reason. Those who run the community
// correct an entry that counts in its place.
function Entries({ entries, manage, onChanged }) {
  const [correcting, setCorrecting] = useState(null);
  if (entries.length === 0) return null;
  const editing = entries.find((e) => e.id === correcting);
  if (editing) {
    return html`<${AccountForm} entry=${editing} onDone=${() => { setCorrecting(null); onChanged(); }}
      onCancel=${() => setCorrecting(null)} />`;
  }
  return html`<div class="table-wrap"><table class="table expenses">
    <caption>${t('board.entries')}</caption>
    <thead><tr><th scope="col">${t('board.date')}</th><th scope="col">${t('board.what')}</th>
      <th scope="col" class="num">${t('board.amount')}</th></tr></thead>
    <tbody>${entries.map((e) => html`<tr>
      <td class="date">${formatTime(e.date, false)}</td>
      <td>${t('board.directions.' + e.direction)} · ${t('board.categories.' + e.category)}
        ${e.counterparty ? html`<br />${e.counterparty}` : null}
        ${e.note ? html`<br /><span class="muted">${e.note}</span>` : null}
        ${e.corrects != null ? html`<p class="correction">${t('board.correction', { reason: e.reason })}</p>` : null}
        ${e.corrected_by != null ? html`<p class="correction">${t('board.wasCorrected')}</p>` : null}
        ${manage && e.counts ? html`<p><button type="button" class="button secondary"
          aria-label=${t('board.form.correctThis', { money: formatMoney(e.amount_fen) })}
          onClick=${() => setCorrecting(e.id)}>${t('board.form.correct')}</button></p>` : null}</td>
      <td class="num">${e.counts ? formatMoney(e.amount_fen)
        : html`<del aria-label=${t('board.notCounted', { money: formatMoney(e.amount_fen) })}>${formatMoney(e.amount_fen)}</del>`}</td>
    </tr>`)}</tbody>
  </table></div>`;
}

// One notice with every version it had.
export function NoticePage({ params }) {
  const s = useStore();
  const notice = useLoad(() => api('GET', `/notices/${params.id}`), [params.id, s.session]);
  // The forms answer with the notice as it is now.
  const [fresh, setFresh] = useState(null);
  const shown = fresh && fresh.id === Number(params.id) ? { ...notice, data: fresh } : notice;
  return html`<article>
    <${Loaded} result=${shown}>${(n) => html`
      <p class="crumbs"><a href=${'/c/' + n.community_id + '/board'}>${t('board.back')}</a></p>
      <${PageTitle}>${n.title}<//>
      <p class="sub"><span class="kind">${t('board.kinds.' + n.kind)}</span> <${NoticeBadge} status=${n.status} />
        ${t('board.publishedAt', { time: formatTime(n.published_at) })}
        ${n.expires_at ? html` · ${t('board.expiresAt', { time: formatTime(n.expires_at) })}` : null}</p>
      ${n.status === 'withdrawn'
        ? html`<p class="notice warn">${t('board.withdrawnBecause', { reason: n.withdrawal_reason })}</p>` : null}
      <div class="body">${n.body}</div>
      ${n.attachments.length ? html`<h2>${t('board.attachments')}</h2><${Attachments} list=${n.attachments} />` : null}
      ${n.status === 'current' && standing(s.me, n.community_id).committee ? html`
        <${Toggle} label=${t('board.form.correctNotice')} secondary>${(close) =>
          html`<${NoticeForm} notice=${n} onDone=${(v) => { setFresh(v); close(); }} onCancel=${close} />`}<//>
        <${Toggle} label=${t('board.form.withdraw')} secondary>${(close) =>
          html`<${WithdrawNoticeForm} notice=${n} onDone=${(v) => { setFresh(v); close(); }} onCancel=${close} />`}<//>` : null}
      ${n.versions.length > 1 ? html`<h2>${t('board.versions')}</h2>
        <ol class="timeline">${n.versions.map((v) => html`<li>
          <span class="when">${formatTime(v.at)}</span>
          <strong>${t('board.versionKinds.' + v.kind)}</strong>
          <span class="who">${v.by.display_name}</span>
          ${v.reason ? html`<p class="reason-text">${t('board.reason', { reason: v.reason })}</p>` : null}
          ${v.kind !== 'withdrawn' ? html`<details><summary class="tap">${t('board.showVersion')}</summary>
            <p><strong>${v.title}</strong></p><div class="body">${v.body}</div></details>` : null}
        </li>`)}</ol>` : null}
    `}<//>
  </article>`;
}

function Attachments({ list }) {
  return html`<p class="hint">${t('board.hashHint')}</p>
    <ul class="attachments">${list.map((a) => html`<li>
      <strong>${a.file_name}</strong> <span class="muted">${a.media_type} · ${sizeText(a.size_bytes)}</span>
      <br /><span class="hash">SHA-256 <code>${a.sha256}</code></span></li>`)}</ul>`;
}

function sizeText(bytes) {
  if (bytes < 1024) return t('board.bytes', { n: bytes });
  if (bytes < 1024 * 1024) return t('board.kib', { n: Math.round(bytes / 1024) });
  return t('board.mib', { n: Math.round((bytes / 1024 / 1024) * 10) / 10 });
}
