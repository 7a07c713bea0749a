import { render } from 'preact';
import { html } from './html.js';
import { App } from './app.js';
import { getState, loadPrefs, setState } from './store.js';
import { loadLanguage } from './i18n.js';
import { refreshMe } from './api.js';
import './style.css';

loadPrefs();
// Who is signed in is asked at once, beside the page's own requests.
refreshMe();

// index.html's shell (the bar and "loading") is on the screen while the
// script loads. The app first renders off screen and takes the shell's
// place once its page has what it loaded (or after a moment, whatever it
// has then): an old phone lays the page out once, not once for "loading"
// and again for the page.
function start() {
  const root = document.getElementById('app');
  const staged = document.createElement('div');
  let shown = false;
  const show = () => {
    if (shown) return;
    shown = true;
    observer.disconnect();
    clearTimeout(timer);
    root.textContent = '';
    root.appendChild(staged);
  };
  const ready = () => staged.querySelector('main h1') && !staged.querySelector('.loading');
  const observer = new MutationObserver(() => ready() && show());
  observer.observe(staged, { childList: true, subtree: true });
  const timer = setTimeout(show, 1000);
  render(html`<${App} />`, staged);
  if (ready()) show();
}

// English is fetched before the first render for those who chose it.
loadLanguage(getState().lang)
  .catch(() => setState({ lang: 'zh-CN' }))
  .then(start);
