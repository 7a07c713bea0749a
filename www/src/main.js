import { render } from 'preact';
import { html } from './html.js';
import { App } from './app.js';
import { loadPrefs } from './store.js';
import './style.css';

loadPrefs();
render(html`<${App} />`, document.getElementById('app'));
