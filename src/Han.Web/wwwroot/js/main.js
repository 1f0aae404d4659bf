// The dashboard's shell: the meters, the pages (#/now, #/history, #/peaks, #/cost, #/meter), the language and
// theme toggles, and what the page says when han asks for its token or does not answer.
import * as api from './api.js';
import * as theme from './theme.js';
import * as format from './format.js';
import { t, language, setLanguage, translate } from './i18n.js';
import { html } from './html.js';

const pages = {
  now: () => import('./live.js'),
  history: () => import('./history.js'),
  peaks: () => import('./peaks.js'),
  cost: () => import('./cost.js'),
  meter: () => import('./meter.js'),
};

const app = { meters: [], history: null, status: null, generation: 0, cleanup: null, retryDelay: 5, retryTimer: null };
const page = document.getElementById('page');
const banner = document.getElementById('banner');

function route() {
  const [, name, argument] = location.hash.match(/^#\/(\w+)\/?(.*)$/) ?? [];
  return pages[name] ? { name, argument: argument || null } : { name: 'now', argument: null };
}

function chosenMeter() {
  const names = app.meters.map(m => m.name);
  let stored = null;
  try { stored = localStorage.getItem('han.meter'); } catch { /* not remembered */ }
  return names.includes(stored) ? stored : names[0];
}

function showBanner(text, retry) {
  clearTimeout(app.retryTimer);
  document.getElementById('banner-text').textContent = text;
  const button = document.getElementById('banner-retry');
  button.hidden = !retry;
  button.onclick = () => { app.retryDelay = 5; retry(); };
  banner.hidden = false;
  if (retry) {
    // Tries again by itself, less often the longer han stays away (5 s, 10 s, ... at most a minute).
    app.retryTimer = setTimeout(retry, app.retryDelay * 1000);
    app.retryDelay = Math.min(60, app.retryDelay * 2);
  }
}

function hideBanner() {
  clearTimeout(app.retryTimer);
  app.retryDelay = 5;
  banner.hidden = true;
}

/** The page asks for the token; the form opens ./?token=..., which han answers with its cookie. */
function showToken() {
  stopPage();
  page.innerHTML = html`<section class="card token"><h2>${t('token.title')}</h2><p>${t('token.text')}</p>
    <form id="token-form"><input type="password" name="token" autocomplete="current-password" required aria-label="${t('token.label')}" placeholder="${t('token.label')}">
    <button type="submit">${t('token.open')}</button></form></section>`;
  document.getElementById('token-form').addEventListener('submit', event => {
    event.preventDefault();
    const token = new FormData(event.target).get('token');
    location.href = `./?token=${encodeURIComponent(token)}${location.hash}`;
  });
}

function fail(problem, retry) {
  if (problem instanceof api.Unauthorized) return showToken();
  if (problem instanceof api.Unreachable) return showBanner(t('banner.down'), retry);
  showBanner(t('banner.failed', { problem: problem.message ?? String(problem) }), retry);
  throw problem; // a mistake of the page itself: the browser's console shows where
}

function stopPage() {
  app.generation++;
  app.cleanup?.();
  app.cleanup = null;
}

async function render() {
  stopPage();
  const generation = app.generation;
  const { name, argument } = route();
  document.querySelectorAll('#tabs a').forEach(a => {
    if (a.dataset.page === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  if (app.meters.length === 0) {
    page.innerHTML = html`<section class="card"><div class="empty"><strong>${t('meters.none')}</strong>${t('meters.noneHint')}</div></section>`;
    return;
  }
  let module;
  try {
    module = await pages[name]();
  } catch (problem) {
    // The page's script could not be fetched: asking the API says why (the token, or han not answering).
    if (generation === app.generation) {
      await api.meters().then(() => fail(new api.Unreachable(String(problem)), render), answer => fail(answer, render));
    }
    return;
  }
  const context = {
    meter: chosenMeter(),
    meters: app.meters,
    history: app.history,
    status: app.status,
    zone: app.history?.zone ?? format.browserZone(),
    argument,
    current: () => generation === app.generation,
    fail: problem => fail(problem, render),
    streamState: (open, closed) => {
      if (open) hideBanner();
      else if (closed) load(); // the stream was refused: find out why (token? han gone?)
      else showBanner(t('banner.stream'));
    },
  };
  page.setAttribute('aria-busy', 'true');
  delete page.dataset.shown;
  try {
    const cleanup = await module.render(page, context);
    if (context.current()) {
      app.cleanup = cleanup;
      hideBanner(); // han answered
      page.dataset.shown = `${name}/${argument ?? ''}`; // which page is drawn (the browser tests wait for it)
      performance.mark('han:shown'); // the first of these is the first load's end (docs/performance.md)
      // The other pages' scripts, fetched now that this page is drawn, so that a tab opens at once.
      (window.requestIdleCallback ?? setTimeout)(() => Object.values(pages).forEach(load => load().catch(() => {})));
    } else {
      cleanup();
    }
  } catch (problem) {
    if (context.current()) fail(problem, render);
  } finally {
    page.removeAttribute('aria-busy');
  }
}

function fillPicker() {
  const picker = document.getElementById('meter-picker');
  picker.hidden = app.meters.length < 2;
  picker.replaceChildren(...app.meters.map(m => new Option(m.name, m.name, false, m.name === chosenMeter())));
}

/** Reads the meters and whether there is history, then shows the page the address names. */
async function load() {
  try {
    [app.meters, app.history, app.status] = await Promise.all([api.meters(), api.historyOrNull(), api.statusOrNull()]);
    // A han without storage answers the history with nothing: say that it keeps none, not "none yet".
    if (app.status?.storage?.kind === 'none') app.history = null;
  } catch (problem) {
    fail(problem, load);
    return;
  }
  hideBanner();
  fillPicker();
  await render();
}

function showLanguage() {
  document.documentElement.lang = language() === 'nb' ? 'nb' : 'en';
  document.getElementById('language-toggle').textContent = language() === 'nb' ? 'EN' : 'NO';
  translate(document);
}

document.getElementById('language-toggle').addEventListener('click', () => {
  setLanguage(language() === 'nb' ? 'en' : 'nb');
  showLanguage();
  render();
});
document.getElementById('theme-toggle').addEventListener('click', theme.toggle);
document.getElementById('meter-picker').addEventListener('change', event => {
  try { localStorage.setItem('han.meter', event.target.value); } catch { /* not remembered */ }
  render();
});
window.addEventListener('hashchange', render);
showLanguage();
load();
