import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { t } from '../i18n.js';
import { api, logIn, refreshMe } from '../api.js';
import { useStore } from '../store.js';
import { ErrorBox, Field, Loaded, PageTitle, useId, useLoad, useSubmit } from '../ui.js';
import { CommunityList, districtId } from './home.js';

// Joining a community with its 社区码: a visitor signs up at the same time;
// a signed-in person just asks to join. The committee then verifies them.
export function JoinPage({ params, query }) {
  if (!params.id) {
    return html`<section>
      <${PageTitle}>${t('join.title')}<//>
      <p class="lead">${t('join.pickCommunity')}</p>
      <${CommunityList} district=${districtId(query)} hrefFor=${(c) => '/c/' + c.id + '/join'} />
    </section>`;
  }
  return html`<${JoinForm} id=${params.id} code=${query.get('code') || ''} />`;
}

function JoinForm({ id, code: initialCode }) {
  const s = useStore();
  const community = useLoad(() => api('GET', `/communities/${id}`), [id]);
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const ids = { code: useId('code'), name: useId('name'), login: useId('login'), password: useId('password') };
  const { busy, error, submit } = useSubmit(async () => {
    const join_code = code.trim().toUpperCase();
    if (s.me) {
      await api('POST', `/communities/${id}/join`, { join_code });
      await refreshMe();
    } else {
      await api('POST', `/communities/${id}/join`, {
        join_code,
        login: login.trim().toLowerCase(),
        display_name: name.trim(),
        password,
      });
      await logIn(login.trim().toLowerCase(), password);
    }
    setDone(true);
  });
  return html`<section>
    <${Loaded} result=${community}>${(c) => html`
      <${PageTitle}>${t('join.titleFor', { name: c.name })}<//>
      ${done
        ? html`<div class="notice" role="status">
            <h2>${t('join.sentTitle')}</h2>
            <p>${t('join.sentText')}</p>
          </div>
          <p><a class="button" href=${'/c/' + id}>${t('join.seeCommunity')}</a></p>`
        : html`<form class="form" onSubmit=${submit} novalidate>
            <${Field} label=${t('join.code')} hint=${t('join.codeHint')} id=${ids.code}>
              <input id=${ids.code} name="join_code" required autocomplete="off" autocapitalize="characters"
                spellcheck="false" aria-describedby=${ids.code + '-hint'} class="code-input"
                value=${code} onInput=${(e) => setCode(e.currentTarget.value)} />
            <//>
            ${s.me
              ? html`<p>${t('join.asYou', { name: s.me.user.display_name })}</p>`
              : html`
                <${Field} label=${t('join.displayName')} hint=${t('join.displayNameHint')} id=${ids.name}>
                  <input id=${ids.name} name="display_name" required maxlength="40" autocomplete="nickname"
                    aria-describedby=${ids.name + '-hint'}
                    value=${name} onInput=${(e) => setName(e.currentTarget.value)} />
                <//>
                <${Field} label=${t('join.login')} hint=${t('join.loginHint')} id=${ids.login}>
                  <input id=${ids.login} name="login" required autocomplete="username" autocapitalize="none"
                    spellcheck="false" aria-describedby=${ids.login + '-hint'}
                    value=${login} onInput=${(e) => setLogin(e.currentTarget.value)} />
                <//>
                <${Field} label=${t('join.password')} hint=${t('join.passwordHint')} id=${ids.password}>
                  <input id=${ids.password} name="password" type="password" required autocomplete="new-password"
                    aria-describedby=${ids.password + '-hint'}
                    value=${password} onInput=${(e) => setPassword(e.currentTarget.value)} />
                <//>`}
            <${ErrorBox} error=${error} />
            <button class="button" type="submit" disabled=${busy}>${busy ? t('common.working') : t('join.submit')}</button>
          </form>`}
    `}<//>
  </section>`;
}

// Shown on a community's page to a person who asked to join.
export function MembershipNotice({ member, communityId }) {
  if (!member) return null;
  if (member.status === 'pending') {
    return html`<div class="notice" role="status"><strong>${t('membership.pending')}</strong>
      <p>${t('membership.pendingText')}</p></div>`;
  }
  if (member.status === 'rejected') {
    return html`<div class="notice warn" role="status"><strong>${t('membership.rejected')}</strong>
      ${member.reason ? html`<p>${t('membership.reasonGiven', { reason: member.reason })}</p>` : null}
      <p><a href=${'/c/' + communityId + '/join'}>${t('membership.askAgain')}</a></p></div>`;
  }
  return null;
}

