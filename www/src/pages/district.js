import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t, has, formatTime } from '../i18n.js';
import { api, offices } from '../api.js';
import { useStore } from '../store.js';
import { ErrorBox, Field, Loaded, PageTitle, errorText, useId, useLoad, useSubmit } from '../ui.js';

// For district admins: the district's deadlines and moderation settings,
// and the plugin (积分 and 民心项目 rules) serving it, reloaded from disk.

const NUMBERS = [
  // field, unit shown, range
  ['first_response_hours', 'hours', 1, 720],
  ['decision_working_days', 'workingDays', 1, 30],
  ['escalation_working_days', 'workingDays', 1, 60],
  ['auto_hide_reports', 'reports', 1, 100],
  ['comment_edit_minutes', 'minutes', 0, 1440],
];

function isAdminOf(me, id) {
  return offices(me).districts.includes(Number(id));
}

export function DistrictSettingsPage({ params }) {
  const s = useStore();
  const settings = useLoad(() => api('GET', `/districts/${params.id}/settings`), [params.id]);
  const admin = isAdminOf(s.me, params.id);
  return html`<section>
    <p class="crumbs"><a href="/">${t('common.backHome')}</a></p>
    <${PageTitle}>${t('district.settingsTitle')}<//>
    <p class="lead">${t('district.settingsIntro')}</p>
    <${Loaded} result=${settings}>${(v) => admin
      ? html`<${SettingsForm} id=${params.id} initial=${v} />`
      : html`<${SettingsView} v=${v} />`}<//>
    ${admin ? html`<p class="actions"><a class="button secondary" href=${'/d/' + params.id + '/plugins'}>${t('district.pluginsTitle')}</a>
      <a class="button secondary" href=${'/d/' + params.id + '/delivery'}>${t('district.deliveryTitle')}</a>
      <a class="button secondary" href=${'/d/' + params.id + '/rewards'}>${t('rewards.title')}</a></p>` : null}
  </section>`;
}

function SettingsView({ v }) {
  return html`<dl class="facts">
    ${NUMBERS.map(([f, unit]) => html`<div><dt>${t('district.fields.' + f)}</dt>
      <dd>${t('district.units.' + unit, { n: f === 'comment_edit_minutes' ? Math.round(v.comment_edit_window_seconds / 60) : v[f] })}</dd></div>`)}
  </dl>`;
}

const asForm = (v) => ({
  first_response_hours: String(v.first_response_hours),
  decision_working_days: String(v.decision_working_days),
  escalation_working_days: String(v.escalation_working_days),
  auto_hide_reports: String(v.auto_hide_reports),
  comment_edit_minutes: String(Math.round(v.comment_edit_window_seconds / 60)),
  holidays: v.holidays.join('\n'),
});

function SettingsForm({ id, initial }) {
  const [saved, setSaved] = useState(initial);
  const [form, setForm] = useState(() => asForm(initial));
  const [done, setDone] = useState(false);
  const ids = useId('setting');
  // The field an error names (settings.<field> or body.holidays) is marked.
  const { busy, error, submit, setError } = useSubmit(async () => {
    setDone(false);
    const body = {};
    for (const [f, , min, max] of NUMBERS) {
      const n = Number(form[f]);
      if (!/^\d+$/.test(form[f].trim()) || n < min || n > max) {
        setError({ code: 'settings.' + (f === 'comment_edit_minutes' ? 'comment_edit_window_seconds' : f) });
        return;
      }
      if (f === 'comment_edit_minutes') body.comment_edit_window_seconds = n * 60;
      else body[f] = n;
    }
    body.holidays = form.holidays.split(/[\s,，]+/).filter(Boolean);
    const v = await api('PUT', `/districts/${id}/settings`, body);
    setSaved(v);
    setForm(asForm(v));
    setDone(true);
  });
  const wrong = error && error.code ? error.code.replace(/^settings\./, '').replace('body.holidays', 'holidays') : '';
  const set = (f) => (e) => {
    setForm({ ...form, [f]: e.currentTarget.value });
    setDone(false);
  };
  const invalid = (f) => wrong === f || (f === 'comment_edit_minutes' && wrong === 'comment_edit_window_seconds');
  return html`<form class="form panel" onSubmit=${submit} onInput=${() => setError(null)} novalidate>
    <p class="meta">${saved.source === 'district' ? t('district.ownSettings') : t('district.defaultSettings')}</p>
    ${NUMBERS.map(([f, unit, min, max]) => html`<${Field} label=${t('district.fields.' + f)}
        hint=${t('district.hints.' + f, { min, max })} id=${ids + f}>
      <div class="with-unit">
        <input id=${ids + f} class="short" inputmode="numeric" required aria-describedby=${ids + f + '-hint'}
          aria-invalid=${invalid(f) ? 'true' : undefined} value=${form[f]} onInput=${set(f)} />
        <span>${t('district.unitWords.' + unit)}</span>
      </div><//>`)}
    <${Field} label=${t('district.fields.holidays')} hint=${t('district.hints.holidays')} id=${ids + 'holidays'}>
      <textarea id=${ids + 'holidays'} rows="5" aria-describedby=${ids + 'holidays-hint'}
        aria-invalid=${invalid('holidays') ? 'true' : undefined} value=${form.holidays} onInput=${set('holidays')}></textarea><//>
    <${ErrorBox} error=${error} />
    ${done ? html`<p class="notice ok" role="status">${t('district.saved')}</p>` : null}
    <div class="actions">
      <button class="button" type="submit" disabled=${busy}>${busy ? t('common.working') : t('district.save')}</button>
    </div>
    <p class="hint">${t('district.appliesFromNow')}</p>
  </form>`;
}

export function PluginsPage({ params }) {
  const s = useStore();
  const info = useLoad(() => api('GET', `/districts/${params.id}/plugins`), [params.id]);
  const [refused, setRefused] = useState(null);
  const [reloadedAt, setReloadedAt] = useState(null);
  const admin = isAdminOf(s.me, params.id);
  const reload = useSubmit(async () => {
    setRefused(null);
    setReloadedAt(null);
    try {
      await api('POST', `/districts/${params.id}/plugins/reload`);
      setReloadedAt(Math.floor(Date.now() / 1000));
      info.reload();
    } catch (e) {
      if (e.code === 'plugin.refused') setRefused(e);
      else throw e;
    }
  });
  return html`<section>
    <p class="crumbs"><a href=${'/d/' + params.id + '/settings'}>${t('district.backToSettings')}</a></p>
    <${PageTitle}>${t('district.pluginsTitle')}<//>
    <p class="lead">${t('district.pluginsIntro')}</p>
    <${Loaded} result=${info}>${(p) => html`
      <h2>${t('district.serving')}</h2>
      <dl class="facts">
        <div><dt>${t('district.pluginName')}</dt><dd>${p.name}</dd></div>
        <div><dt>${t('district.pluginVersion')}</dt><dd>${p.version}</dd></div>
        <div><dt>${t('district.pluginSource')}</dt><dd>${t('district.sources.' + p.source)}</dd></div>
        <div><dt>${t('district.pluginHooks')}</dt><dd>${p.hooks.map((h) => (has('district.hooks.' + h) ? t('district.hooks.' + h) : h)).join(t('district.listSeparator'))}</dd></div>
      </dl>
      <p class="meta">${t('district.pluginHash')} <code class="hash">${p.hash}</code></p>
    `}<//>
    ${admin
      ? html`<h2>${t('district.reloadTitle')}</h2>
        <p>${t('district.reloadIntro')}</p>
        ${refused
          ? html`<div class="error-panel" role="alert">
              <p class="error">${errorText(refused)}</p>
              <p>${t('district.refusedKept')}</p>
              <p><strong>${t('district.refusedCause')}</strong></p>
              <pre class="details">${refused.details}</pre>
            </div>`
          : null}
        ${reloadedAt ? html`<p class="notice ok" role="status">${t('district.reloaded', { time: formatTime(reloadedAt) })}</p>` : null}
        <${ErrorBox} error=${reload.error} />
        <button type="button" class="button" disabled=${reload.busy} onClick=${reload.submit}>
          ${reload.busy ? t('district.reloading') : t('district.reload')}</button>`
      : null}
  </section>`;
}
