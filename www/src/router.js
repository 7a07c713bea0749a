import { useEffect, useState } from 'preact/hooks';

// Paths of the app (deep links: the server answers index.html for each).
const routes = [
  ['/', 'home'],
  ['/login', 'login'],
  ['/join', 'join'],
  ['/queue', 'queue'],
  ['/inbox', 'inbox'],
  ['/points', 'points'],
  ['/settings/notifications', 'notificationSettings'],
  ['/escalations', 'escalations'],
  ['/dashboard', 'dashboard'],
  ['/d/:id/settings', 'districtSettings'],
  ['/d/:id/plugins', 'plugins'],
  ['/d/:id/delivery', 'delivery'],
  ['/d/:id/rewards', 'rewards'],
  ['/c/:id', 'community'],
  ['/c/:id/join', 'join'],
  ['/c/:id/new', 'newTopic'],
  ['/c/:id/members', 'members'],
  ['/c/:id/grids', 'grids'],
  ['/c/:id/assist', 'assist'],
  ['/c/:id/redemptions', 'redemptions'],
  ['/c/:id/votes', 'votes'],
  ['/c/:id/votes/new', 'newVote'],
  ['/c/:id/moderation', 'moderation'],
  ['/c/:id/board', 'board'],
  ['/c/:id/polls', 'opinions'],
  ['/c/:id/council', 'council'],
  ['/topic-calls/:id', 'topicCall'],
  ['/c/:id/wish-rounds', 'wishRounds'],
  ['/s/:id/wish-rounds', 'streetWishRounds'],
  ['/d/:id/wish-rounds', 'districtWishRounds'],
  ['/wish-rounds/:id', 'wishRound'],
  ['/notices/:id', 'notice'],
  ['/polls/:id', 'poll'],
  ['/ratings/:id', 'rating'],
  ['/p/:id', 'topic'],
  ['/projects/:id', 'project'],
  ['/conventions/:id', 'convention'],
  ['/elections/:id', 'election'],
  ['/elections/:id/vote', 'ballot'],
  ['/elections/:id/check', 'check'],
];

export function match(pathname) {
  const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  for (const [pattern, name] of routes) {
    const want = pattern.split('/').filter(Boolean);
    if (want.length !== parts.length) continue;
    const params = {};
    let ok = true;
    for (let i = 0; i < want.length && ok; i++) {
      if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(parts[i]);
      else ok = want[i] === parts[i];
    }
    if (ok) return { name, params };
  }
  return { name: 'notFound', params: {} };
}

let navigated = false;
// Whether the app has changed page since the browser loaded it.
export const hasNavigated = () => navigated;

export function navigate(to, { replace = false } = {}) {
  navigated = true;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event('yishi:navigate'));
  window.scrollTo(0, 0);
}

// The current location, updated on navigation and the back button.
export function useLocation() {
  const read = () => ({ path: location.pathname, query: new URLSearchParams(location.search) });
  const [where, setWhere] = useState(read);
  useEffect(() => {
    const update = () => {
      navigated = true;
      setWhere(read());
    };
    window.addEventListener('popstate', update);
    window.addEventListener('yishi:navigate', update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('yishi:navigate', update);
    };
  }, []);
  return where;
}

// Links inside the app change the page without reloading it; a click with a
// modifier (new tab) is left to the browser.
export function onLinkClick(event) {
  const a = event.target.closest && event.target.closest('a[href]');
  if (!a || a.target || a.origin !== location.origin || a.hasAttribute('download')) return;
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  if (a.pathname.startsWith('/api/')) return;
  event.preventDefault();
  navigate(a.pathname + a.search);
}
