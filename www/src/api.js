import { getState, setState } from './store.js';

// A failed call: `code` is the API's stable error code (or network.offline
// when the server could not be reached), `status` the HTTP status.
// `said` is the server's own message in the page's language (words for
// residents); `details` its English message, which alone carries details
// such as a refused plugin's file and line (docs/api.md, Languages).
export class ApiError extends Error {
  constructor(status, code, said, details) {
    super(said || code);
    this.status = status;
    this.code = code;
    this.said = said || '';
    this.details = details || '';
  }
}

// Calls the JSON API with the session cookie; writes carry the CSRF token
// that came with the login (or with /api/v1/me after a reload).
export async function api(method, path, body) {
  const headers = { Accept: 'application/json', 'Accept-Language': getState().lang === 'en' ? 'en' : 'zh-CN' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const me = getState().me;
  if (method !== 'GET' && me && me.csrf_token) headers['X-CSRF-Token'] = me.csrf_token;
  let response;
  try {
    response = await fetch('/api/v1' + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    setState({ online: false });
    throw new ApiError(0, 'network.offline');
  }
  if (!getState().online) setState({ online: true });
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) {
    const error = data && data.error ? data.error : {};
    const failure = new ApiError(response.status, error.code || 'http.' + response.status, error.message, error.message_en);
    if (response.status === 401 && path !== '/sessions') setState({ me: null });
    throw failure;
  }
  return data;
}

// Reads who is signed in (null for a visitor).
export async function refreshMe() {
  try {
    const me = await api('GET', '/me');
    setState({ me, meLoaded: true });
  } catch (e) {
    if (e.status === 401) setState({ me: null, meLoaded: true });
    else setState({ meLoaded: true });
  }
}

export async function logIn(login, password) {
  await api('POST', '/sessions', { login, password });
  await refreshMe();
  setState({ session: getState().session + 1 });
}

export async function logOut() {
  try {
    await api('DELETE', '/sessions/current');
  } finally {
    setState({ me: null, session: getState().session + 1 });
  }
}

// The streets and districts whose queues the signed-in person works.
export function offices(me) {
  const roles = (me && me.roles) || [];
  const ids = (role, kind) =>
    roles.filter((r) => r.role === role && r.scope && r.scope.kind === kind).map((r) => r.scope.id);
  return { streets: ids('street_staff', 'street'), districts: ids('district_admin', 'district') };
}

// What the signed-in person may do in community `id`.
export function standing(me, communityId) {
  const id = Number(communityId);
  if (!me) return { signedIn: false, member: null, committee: false, canTakePart: false };
  const member = (me.memberships || []).find((m) => m.community_id === id) || null;
  const committee = (me.roles || []).some(
    (r) => r.role === 'committee' && r.scope && r.scope.kind === 'community' && r.scope.id === id,
  );
  const admin = (me.roles || []).some((r) => r.role === 'district_admin');
  return {
    signedIn: true,
    member,
    committee: committee || admin,
    canTakePart: committee || admin || (member && member.status === 'verified'),
  };
}
