import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, has, formatTime } from '../i18n.js';
import { api } from '../api.js';
import { useStore, setState } from '../store.js';
import { minutesToTime, timeToMinutes } from '../forms.js';
import { ErrorBox, Field, FormActions, Loaded, PageTitle, SignInFirst, useId, useLoad, useSubmit } from '../ui.js';

// Each person's inbox (docs/notifications.md): what concerns them, newest
// first, 30 at a time; and what they choose to receive.
const PAGE = 30;

// Words for what happened: the item's own (votes, deadlines), else the
// trace's words for the step, else its kind's.
export function detailText(item) {
  const own = 'inbox.details.' + item.detail;
  if (has(own)) return t(own);
  const step = 'history.' + item.detail.replace(/^proposal\./, '');
  if (has(step)) return t(step);
  return t('inbox.kinds.' + item.kind);
}

const PLACES = { election: '/elections/', notice: '/notices/', poll: '/polls/', topic_call: '/topic-calls/' };

function linkOf(item) {
  return (PLACES[item.subject_kind] || '/p/') + item.subject_id;
}

// Tells the header's badge how many are unread.
export function setUnread(n) {
  setState({ unread: n });
}

export function InboxPage() {
  const s = useStore();
  const [more, setMore] = useState([]);
  const [next, setNext] = useState(null);
  const inbox = useLoad(async () => {
    const r = await api('GET', `/me/notifications?limit=${PAGE}`);
    setMore([]);
    setNext(r.next_cursor);
    setUnread(r.unread);
    return r;
  }, [s.session]);
  const loadMore = useSubmit(async () => {
    const r = await api('GET', `/me/notifications?limit=${PAGE}&cursor=${encodeURIComponent(next)}`);
    setMore([...more, ...r.items]);
    setNext(r.next_cursor);
  });
  const allRead = useSubmit(async () => {
    await api('POST', '/me/notifications/read-all');
    inbox.reload();
  });
  if (!s.me) return html`<${SignInFirst} title=${t('inbox.title')} next="/inbox" />`;
  return html`<section>
    <p class="crumbs"><a href="/">${t('common.backHome')}</a></p>
    <${PageTitle}>${t('inbox.title')}<//>
    <${Loaded} result=${inbox}>${(r) => html`
      <p class="sub">${t('inbox.unread', { n: r.unread })}</p>
      <div class="actions">
        ${r.unread > 0 ? html`<button type="button" class="button secondary" disabled=${allRead.busy}
          onClick=${allRead.submit}>${t('inbox.markAllRead')}</button>` : null}
        <a class="button secondary" href="/settings/notifications">${t('inbox.preferences')}</a>
      </div>
      <${ErrorBox} error=${allRead.error} />
      ${r.items.length === 0 ? html`<p class="empty">${t('inbox.empty')}</p>` : html`
        <ul class="cards one inbox">${[...r.items, ...more].map((item) => html`<${Item} key=${item.id} item=${item} />`)}</ul>`}
      ${next ? html`<p><button type="button" class="button secondary" disabled=${loadMore.busy}
        onClick=${loadMore.submit}>${t('inbox.more')}</button></p>` : null}
      <${ErrorBox} error=${loadMore.error} />`}<//>
  </section>`;
}

// One item: opening it marks it read (the mark is not waited for).
function Item({ item }) {
  const [read, setRead] = useState(item.read);
  const open = () => {
    if (read) return;
    setRead(true);
    api('POST', `/me/notifications/${item.id}/read`).then(
      () => api('GET', '/me/notifications/unread').then((u) => setUnread(u.unread)),
      () => {},
    );
  };
  return html`<li><a class=${'card' + (read ? '' : ' unread') + (item.urgent ? ' late' : '')} href=${linkOf(item)} onClick=${open}>
    <span class="card-title">${read ? null : html`<span class="badge new">${t('inbox.new')}</span>`}${detailText(item)}</span>
    <span class="card-sub">${item.title}${item.event_at ? ' · ' + t('inbox.meetingAt', { time: formatTime(item.event_at) }) : ''} · ${formatTime(item.created_at)}${item.urgent ? ' · ' + t('inbox.urgent') : ''}</span>
  </a></li>`;
}

export function NotificationSettingsPage() {
  const s = useStore();
  const prefs = useLoad(() => api('GET', '/me/notification-preferences'), [s.session]);
  if (!s.me) return html`<${SignInFirst} title=${t('inbox.prefsTitle')} next="/settings/notifications" />`;
  return html`<section>
    <p class="crumbs"><a href="/inbox">${t('inbox.backToInbox')}</a></p>
    <${PageTitle}>${t('inbox.prefsTitle')}<//>
    <p class="lead">${t('inbox.prefsIntro')}</p>
    <${Loaded} result=${prefs}>${(p) => html`<${PreferencesForm} initial=${p} />`}<//>
  </section>`;
}

function PreferencesForm({ initial }) {
  const [muted, setMuted] = useState(new Set(initial.muted));
  const [webhook, setWebhook] = useState(initial.webhook);
  const [email, setEmail] = useState(initial.email);
  const [ownQuiet, setOwnQuiet] = useState(!!initial.quiet);
  const [start, setStart] = useState(minutesToTime(initial.quiet ? initial.quiet.start : 1320));
  const [end, setEnd] = useState(minutesToTime(initial.quiet ? initial.quiet.end : 420));
  const [done, setDone] = useState(false);
  const ids = useId('prefs');
  const { busy, error, submit, setError } = useSubmit(async () => {
    setDone(false);
    let quiet = null;
    if (ownQuiet) {
      const a = timeToMinutes(start);
      const b = timeToMinutes(end);
      if (a === null || b === null) {
        setError({ code: 'notification.quiet_hours' });
        return;
      }
      quiet = { start: a, end: b };
    }
    await api('PUT', '/me/notification-preferences', { muted: [...muted], webhook, email: email.trim(), quiet });
    setDone(true);
  });
  const toggle = (k) => {
    const next = new Set(muted);
    if (next.has(k)) next.delete(k);
    else next.add(k);
    setMuted(next);
  };
  return html`<form class="form" onSubmit=${submit} onInput=${() => setDone(false)} novalidate>
    <fieldset class="choices">
      <legend>${t('inbox.receive')}</legend>
      ${initial.kinds.map((k) => html`<label class="choice">
        <input type="checkbox" checked=${!muted.has(k)} onChange=${() => toggle(k)} />
        <span>${t('inbox.kinds.' + k)}<span class="meta"> · ${t('inbox.kindHints.' + k)}</span></span>
      </label>`)}
    </fieldset>
    <fieldset class="choices">
      <legend>${t('inbox.channels')}</legend>
      <p class="hint">${t('inbox.channelsHint')}</p>
      <label class="choice"><input type="checkbox" checked=${webhook} onChange=${() => setWebhook(!webhook)} />
        <span>${t('inbox.webhook')}</span></label>
    </fieldset>
    <${Field} label=${t('inbox.email')} hint=${t('inbox.emailHint')} id=${ids + '-email'}>
      <input id=${ids + '-email'} type="email" autocomplete="email" value=${email} maxlength="254"
        aria-describedby=${ids + '-email-hint'} onInput=${(e) => setEmail(e.currentTarget.value)} />
    <//>
    <fieldset class="choices">
      <legend>${t('inbox.quiet')}</legend>
      <p class="hint">${t('inbox.quietHint')}</p>
      <label class="choice"><input type="checkbox" checked=${ownQuiet} onChange=${() => setOwnQuiet(!ownQuiet)} />
        <span>${t('inbox.ownQuiet')}</span></label>
    </fieldset>
    ${ownQuiet ? html`<div>
      <${Field} label=${t('inbox.quietStart')} id=${ids + '-start'}>
        <input id=${ids + '-start'} type="time" class="short" value=${start} onInput=${(e) => setStart(e.currentTarget.value)} /><//>
      <${Field} label=${t('inbox.quietEnd')} id=${ids + '-end'}>
        <input id=${ids + '-end'} type="time" class="short" value=${end} onInput=${(e) => setEnd(e.currentTarget.value)} /><//>
    </div>` : null}
    <${ErrorBox} error=${error} />
    ${done ? html`<p class="notice ok" role="status">${t('inbox.saved')}</p>` : null}
    <${FormActions} busy=${busy} label=${t('inbox.save')} />
  </form>`;
}
