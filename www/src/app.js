import { useEffect, useState } from 'preact/hooks';
import { html } from './html.js';
import { t, switchLanguage } from './i18n.js';
import { api, logOut } from './api.js';
import { useStore, setState, savePrefs } from './store.js';
import { match, navigate, onLinkClick, useLocation } from './router.js';
import { ErrorBox, Loading } from './ui.js';
import { HomePage } from './pages/home.js';
import { LoginPage } from './pages/login.js';
import { JoinPage } from './pages/join.js';
import { CommunityPage } from './pages/community.js';
import { NewTopicPage } from './pages/new_topic.js';
import { TopicPage } from './pages/topic.js';
import { ProjectPage } from './pages/project.js';
import { ConventionPage } from './pages/convention.js';
import { VotesPage } from './pages/votes.js';
import { ElectionPage } from './pages/election.js';
import { BallotPage } from './pages/ballot.js';
import { CheckPage } from './pages/check.js';
import { NotFoundPage } from './pages/not_found.js';

// Pages for committees, street staff and district admins are chunks of
// their own, fetched when first opened: a resident's first visit does not
// carry them.
function lazy(load) {
  let Page = null;
  let loading = null;
  return function LazyPage(props) {
    const [failed, setFailed] = useState(null);
    const [, setReady] = useState(false);
    useEffect(() => {
      if (Page) return;
      loading = loading || load();
      loading.then(
        (p) => {
          Page = p;
          setReady(true);
        },
        () => {
          loading = null;
          setFailed({ code: 'network.offline' });
        },
      );
    }, [failed]);
    if (Page) return html`<${Page} ...${props} />`;
    if (failed) {
      return html`<div><${ErrorBox} error=${failed} />
        <button type="button" class="button secondary" onClick=${() => setFailed(null)}>${t('common.retry')}</button></div>`;
    }
    return html`<${Loading} />`;
  };
}
const QueuePage = lazy(() => import('./pages/queue.js').then((m) => m.QueuePage));
const MembersPage = lazy(() => import('./pages/members.js').then((m) => m.MembersPage));
const GridsPage = lazy(() => import('./pages/grids.js').then((m) => m.GridsPage));
const AssistPage = lazy(() => import('./pages/assist.js').then((m) => m.AssistPage));
const NewVotePage = lazy(() => import('./pages/new_vote.js').then((m) => m.NewVotePage));
const ModerationPage = lazy(() => import('./pages/moderation.js').then((m) => m.ModerationPage));
const EscalationsPage = lazy(() => import('./pages/escalations.js').then((m) => m.EscalationsPage));
const DashboardPage = lazy(() => import('./pages/dashboard.js').then((m) => m.DashboardPage));
const DistrictSettingsPage = lazy(() => import('./pages/district.js').then((m) => m.DistrictSettingsPage));
const PluginsPage = lazy(() => import('./pages/district.js').then((m) => m.PluginsPage));
const DeliveryPage = lazy(() => import('./pages/delivery.js').then((m) => m.DeliveryPage));
// 积分礼品: the district's reward catalog, kept by its admins.
const RewardsPage = lazy(() => import('./pages/rewards.js').then((m) => m.RewardsPage));
// 公开之栏 and the polls are read by everyone, but not on the first page a
// resident opens: chunks too.
const BoardPage = lazy(() => import('./pages/board.js').then((m) => m.BoardPage));
const NoticePage = lazy(() => import('./pages/board.js').then((m) => m.NoticePage));
const OpinionsPage = lazy(() => import('./pages/polls.js').then((m) => m.OpinionsPage));
const PollPage = lazy(() => import('./pages/polls.js').then((m) => m.PollPage));
const RatingPage = lazy(() => import('./pages/polls.js').then((m) => m.RatingPage));
// 我的积分: the balance, the ledger and the district's catalog; the
// committee's desk where redeemed rewards are handed over.
const PointsPage = lazy(() => import('./pages/points.js').then((m) => m.PointsPage));
const RedemptionsPage = lazy(() => import('./pages/redemptions.js').then((m) => m.RedemptionsPage));
// 议事会: calls for topics, adoption, representatives.
const CouncilPage = lazy(() => import('./pages/council.js').then((m) => m.CouncilPage));
const TopicCallPage = lazy(() => import('./pages/council.js').then((m) => m.TopicCallPage));
// The yearly 民心项目 round: read by everyone, opened from the community's page.
const WishRoundsPage = lazy(() => import('./pages/wish_rounds.js').then((m) => m.WishRoundsPage));
const StreetWishRoundsPage = lazy(() => import('./pages/wish_rounds.js').then((m) => m.StreetWishRoundsPage));
const DistrictWishRoundsPage = lazy(() => import('./pages/wish_rounds.js').then((m) => m.DistrictWishRoundsPage));
const WishRoundPage = lazy(() => import('./pages/wish_rounds.js').then((m) => m.WishRoundPage));
// The inbox and its preferences: a chunk, fetched when first opened.
const InboxPage = lazy(() => import('./pages/inbox.js').then((m) => m.InboxPage));
const NotificationSettingsPage = lazy(() => import('./pages/inbox.js').then((m) => m.NotificationSettingsPage));

const pages = {
  home: HomePage,
  login: LoginPage,
  join: JoinPage,
  community: CommunityPage,
  newTopic: NewTopicPage,
  topic: TopicPage,
  project: ProjectPage,
  convention: ConventionPage,
  board: BoardPage,
  notice: NoticePage,
  opinions: OpinionsPage,
  poll: PollPage,
  rating: RatingPage,
  points: PointsPage,
  redemptions: RedemptionsPage,
  rewards: RewardsPage,
  council: CouncilPage,
  topicCall: TopicCallPage,
  wishRounds: WishRoundsPage,
  streetWishRounds: StreetWishRoundsPage,
  districtWishRounds: DistrictWishRoundsPage,
  wishRound: WishRoundPage,
  inbox: InboxPage,
  notificationSettings: NotificationSettingsPage,
  queue: QueuePage,
  members: MembersPage,
  grids: GridsPage,
  assist: AssistPage,
  votes: VotesPage,
  election: ElectionPage,
  ballot: BallotPage,
  check: CheckPage,
  newVote: NewVotePage,
  moderation: ModerationPage,
  escalations: EscalationsPage,
  dashboard: DashboardPage,
  districtSettings: DistrictSettingsPage,
  plugins: PluginsPage,
  delivery: DeliveryPage,
  notFound: NotFoundPage,
};

const PUBLIC = new Set(['login', 'community', 'topic', 'project', 'convention', 'votes', 'election', 'notFound']);

function Header() {
  const s = useStore();
  const toggleLang = () =>
    switchLanguage(s.lang === 'zh-CN' ? 'en' : 'zh-CN').then(savePrefs, () => setState({ online: false }));
  const toggleSize = () => {
    setState({ largeText: !s.largeText });
    savePrefs();
  };
  const out = async () => {
    await logOut().catch(() => {});
    navigate('/');
  };
  const committee = s.me && (s.me.roles || []).some((r) => r.role !== 'resident');
  return html`<header class="top">
    <div class="bar">
      <a class="brand" href="/">${t('app.name')}</a>
      <div class="tools">
        <button type="button" class="tool" onClick=${toggleSize} aria-pressed=${s.largeText ? 'true' : 'false'}>
          ${t('settings.largeText')}
        </button>
        <button type="button" class="tool" onClick=${toggleLang} lang=${s.lang === 'zh-CN' ? 'en' : 'zh-CN'}>
          ${t('settings.otherLanguage')}
        </button>
      </div>
    </div>
    <nav class="bar nav" aria-label=${t('nav.label')}>
      ${!s.meLoaded ? null : s.me
        ? html`<span class="who">${t('nav.signedInAs', { name: s.me.user.display_name })}</span>
            <a class="navlink" href="/inbox">${t('nav.inbox')}${s.unread > 0
              ? html` <span class="count" aria-label=${t('nav.unread', { n: s.unread })}>${s.unread > 99 ? '99+' : s.unread}</span>`
              : null}</a>
            ${committee ? html`<a class="navlink" href="/queue">${t('nav.queue')}</a>` : null}
            <button type="button" class="navlink" onClick=${out}>${t('nav.logout')}</button>`
        : html`<a class="navlink" href="/login">${t('nav.login')}</a>
            <a class="navlink" href="/join">${t('nav.join')}</a>`}
    </nav>
  </header>`;
}

function OfflineBanner() {
  const s = useStore();
  if (s.online) return null;
  return html`<p class="offline" role="alert">${t('common.offline')}</p>`;
}

export function App() {
  const s = useStore();
  const where = useLocation();
  useEffect(() => {
    const on = () => setState({ online: true });
    const off = () => setState({ online: false });
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  useEffect(() => {
    document.documentElement.lang = s.lang;
    document.documentElement.classList.toggle('large-text', s.largeText);
  }, [s.lang, s.largeText]);

  // The header's unread count, asked again on each page opened (never
  // before /me said who is signed in, and never for a visitor).
  const signedIn = !!s.me;
  useEffect(() => {
    if (!signedIn) return;
    api('GET', '/me/notifications/unread').then((u) => setState({ unread: u.unread }), () => {});
  }, [signedIn, where.path]);

  const { name, params } = match(where.path);
  const Page = pages[name];
  // Public pages draw at once and learn who is signed in when /me answers
  // (the first render does not wait for it); pages for a signed-in person
  // wait for it.
  const ready = s.meLoaded || PUBLIC.has(name);
  return html`<div class="app" onClick=${onLinkClick}>
    <a class="skip" href="#main">${t('nav.skip')}</a>
    <${Header} />
    <${OfflineBanner} />
    <main id="main" tabindex="-1">
      ${ready ? html`<${Page} key=${where.path} params=${params} query=${where.query} />` : html`<${Loading} />`}
    </main>
  </div>`;
}
