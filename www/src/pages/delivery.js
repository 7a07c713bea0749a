import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, formatTime } from '../i18n.js';
import { api, offices } from '../api.js';
import { useStore } from '../store.js';
import { minutesToTime, timeToMinutes, wholeNumber } from '../forms.js';
import { ErrorBox, Field, FormActions, Loaded, PageTitle, useId, useLoad, useSubmit } from '../ui.js';

// For district admins (docs/notifications.md): where the district sends
// messages besides the inbox (a signed webhook, mail), its quiet hours, and
// the delivery queue with each message's attempts.
export function DeliveryPage({ params }) {
  const s = useStore();
  const id = params.id;
  const admin = offices(s.me).districts.includes(Number(id));
  const page = useLoad(async () => {
    if (!admin) return null;
    const [settings, queue] = await Promise.all([
      api('GET', `/districts/${id}/notification-delivery`),
      api('GET', `/districts/${id}/notification-deliveries?limit=50`),
    ]);
    return { settings, queue: queue.items };
  }, [id, admin]);
  return html`<section>
    <p class="crumbs"><a href=${'/d/' + id + '/settings'}>${t('district.backToSettings')}</a></p>
    <${PageTitle}>${t('delivery.title')}<//>
    <p class="lead">${t('delivery.intro')}</p>
    ${!admin ? html`<p class="notice warn">${t('errors.delivery.forbidden')}</p>` : html`
    <${Loaded} result=${page}>${(d) => html`
      <${DeliveryForm} id=${id} initial=${d.settings} onSaved=${page.reload} />
      <h2>${t('delivery.queue')}</h2>
      ${d.queue.length === 0 ? html`<p class="empty">${t('delivery.none')}</p>` : html`<div class="table-wrap"><table class="table">
        <thead><tr><th scope="col">${t('delivery.when')}</th><th scope="col">${t('delivery.channel')}</th>
          <th scope="col">${t('delivery.status')}</th><th scope="col" class="num">${t('delivery.attempts')}</th></tr></thead>
        <tbody>${d.queue.map((q) => html`<tr>
          <td>${formatTime(q.created_at)}</td>
          <td>${t('delivery.channels.' + q.channel)}${q.target ? html`<br /><span class="meta">${q.target}</span>` : null}</td>
          <td>${t('delivery.statuses.' + q.status)}${q.status === 'pending'
            ? html`<br /><span class="meta">${t('delivery.nextAt', { time: formatTime(q.next_attempt_at) })}</span>` : null}
            ${q.last_error ? html`<br /><span class="meta">${q.last_error}</span>` : null}</td>
          <td class="num">${q.attempts}</td></tr>`)}</tbody></table></div>`}`}<//>`}
  </section>`;
}

function DeliveryForm({ id, initial, onSaved }) {
  const [form, setForm] = useState({
    webhook_url: initial.webhook_url, smtp_host: initial.smtp_host, smtp_port: String(initial.smtp_port),
    smtp_from: initial.smtp_from, start: minutesToTime(initial.quiet.start), end: minutesToTime(initial.quiet.end),
    webhook_ca_pem: initial.webhook_ca_pem, smtp_user: initial.smtp_user, smtp_password: '',
  });
  const [starttls, setStarttls] = useState(initial.smtp_starttls);
  const [newSecret, setNewSecret] = useState(false);
  const [done, setDone] = useState(false);
  const ids = useId('delivery');
  const { busy, error, submit, setError } = useSubmit(async () => {
    setDone(false);
    const start = timeToMinutes(form.start);
    const end = timeToMinutes(form.end);
    if (start === null || end === null) {
      setError({ code: 'notification.quiet_hours' });
      return;
    }
    const port = wholeNumber(form.smtp_port, 1, 65535);
    if (port === null) {
      setError({ code: 'delivery.smtp_port' });
      return;
    }
    if (form.smtp_host.trim() && !form.smtp_from.trim()) {
      setError({ code: 'delivery.smtp_from_missing' });
      return;
    }
    const body = {
      webhook_url: form.webhook_url.trim(), webhook_ca_pem: form.webhook_ca_pem.trim(),
      smtp_host: form.smtp_host.trim(), smtp_port: port, smtp_from: form.smtp_from.trim(),
      smtp_starttls: starttls, smtp_user: form.smtp_user.trim(), quiet: { start, end }, new_secret: newSecret,
    };
    // The password is write-only: sent only when typed, else the saved one stays.
    if (form.smtp_password) body.smtp_password = form.smtp_password;
    await api('PUT', `/districts/${id}/notification-delivery`, body);
    setForm({ ...form, smtp_password: '' });
    setDone(true);
    onSaved();
  });
  const field = (f, type = 'text', extra = {}) => html`<${Field} label=${t('delivery.fields.' + f)}
      hint=${t('delivery.hints.' + f)} id=${ids + f}>
    <input id=${ids + f} type=${type} aria-describedby=${ids + f + '-hint'} value=${form[f]} ...${extra}
      onInput=${(e) => setForm({ ...form, [f]: e.currentTarget.value })} /><//>`;
  return html`<form class="form panel" onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <h2>${t('delivery.webhook')}</h2>
    ${field('webhook_url', 'url', { inputmode: 'url', maxlength: 500 })}
    ${initial.webhook_secret ? html`<p>${t('delivery.secret')} <code class="secret">${initial.webhook_secret}</code></p>
      <label class="choice"><input type="checkbox" checked=${newSecret} onChange=${() => setNewSecret(!newSecret)} />
        <span>${t('delivery.newSecret')}</span></label>` : null}
    <h2>${t('delivery.mail')}</h2>
    ${field('smtp_host')}
    ${field('smtp_port', 'text', { inputmode: 'numeric', class: 'short' })}
    ${field('smtp_from', 'email')}
    <label class="choice"><input type="checkbox" id=${ids + 'starttls'} checked=${starttls}
        onChange=${() => setStarttls(!starttls)} />
      <span>${t('delivery.fields.smtp_starttls')}</span></label>
    ${field('smtp_user', 'text', { autocomplete: 'off', maxlength: 200 })}
    ${field('smtp_password', 'password', { autocomplete: 'new-password', maxlength: 200 })}
    <p class="meta">${initial.smtp_password_set ? t('delivery.passwordSet') : t('delivery.passwordNone')}</p>
    <h2>${t('delivery.certificates')}</h2>
    <${Field} label=${t('delivery.fields.webhook_ca_pem')} hint=${t('delivery.hints.webhook_ca_pem')}
        id=${ids + 'webhook_ca_pem'}>
      <textarea id=${ids + 'webhook_ca_pem'} rows="5" class="mono" spellcheck="false" maxlength="20000"
        aria-describedby=${ids + 'webhook_ca_pem-hint'} value=${form.webhook_ca_pem}
        placeholder="-----BEGIN CERTIFICATE-----"
        onInput=${(e) => setForm({ ...form, webhook_ca_pem: e.currentTarget.value })}></textarea><//>
    <h2>${t('delivery.quiet')}</h2>
    ${field('start', 'time', { class: 'short' })}
    ${field('end', 'time', { class: 'short' })}
    <${ErrorBox} error=${error} />
    ${done ? html`<p class="notice ok" role="status">${t('delivery.saved')}</p>` : null}
    <${FormActions} busy=${busy} label=${t('delivery.save')} />
  </form>`;
}
