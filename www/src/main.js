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
// English is fetched before the first render for those who chose it.
const lang = getState().lang;
loadLanguage(lang)
  .catch(() => setState({ lang: 'zh-CN' }))
  .then(() => {
    // index.html's shell (the bar and "loading", painted while the script
    // loads) gives way to the app.
    const root = document.getElementById('app');
    root.textContent = '';
    render(html`<${App} />`, root);
  });
