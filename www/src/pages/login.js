import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t } from '../i18n.js';
import { logIn } from '../api.js';
import { navigate } from '../router.js';
import { ErrorBox, Field, PageTitle, useId, useSubmit } from '../ui.js';

export function LoginPage({ query }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const loginId = useId('login');
  const passwordId = useId('password');
  const { busy, error, submit } = useSubmit(async () => {
    await logIn(login.trim(), password);
    const next = query.get('next');
    navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
  });
  return html`<section>
    <${PageTitle}>${t('login.title')}<//>
    <form onSubmit=${submit} class="form" novalidate>
      <${Field} label=${t('login.login')} id=${loginId}>
        <input id=${loginId} name="login" autocomplete="username" autocapitalize="none" spellcheck="false" required
          value=${login} onInput=${(e) => setLogin(e.currentTarget.value)} />
      <//>
      <${Field} label=${t('login.password')} id=${passwordId}>
        <input id=${passwordId} name="password" type="password" autocomplete="current-password" required
          value=${password} onInput=${(e) => setPassword(e.currentTarget.value)} />
      <//>
      <${ErrorBox} error=${error} />
      <button class="button" type="submit" disabled=${busy}>${busy ? t('common.working') : t('login.submit')}</button>
    </form>
    <p>${t('login.noAccount')} <a href="/join">${t('nav.join')}</a></p>
  </section>`;
}
