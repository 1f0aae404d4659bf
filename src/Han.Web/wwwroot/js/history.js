// The "History" page: a day (hours or quarters), a month (days) or a year (months), with previous and
// next; the bars zoom by dragging across them. The address keeps the view (#/history/day/2026-03-02), so
// it can be bookmarked and the browser's back button works.
import * as api from './api.js';
import * as format from './format.js';
import * as energy from './energy.js';
import { t } from './i18n.js';
import { powerLine } from './charts.js';
import { html } from './html.js';
import { noHistory } from './peaks.js';

const views = {
  day: { resolution: 'hour', pattern: /^\d{4}-\d{2}-\d{2}$/, step: format.addDays, of: day => day },
  month: { resolution: 'day', pattern: /^\d{4}-\d{2}$/, step: format.addMonths, of: day => day.slice(0, 7) },
  year: { resolution: 'month', pattern: /^\d{4}$/, step: format.addYears, of: day => day.slice(0, 4) },
};

/** The view and period the address names, or this month. */
function parse(argument, today) {
  const [name, period, quarters] = (argument ?? '').split('/');
  const view = views[name] ? name : 'month';
  return {
    view,
    period: views[view].pattern.test(period ?? '') ? period : views[view].of(today),
    quarters: view === 'day' && quarters === '15min',
  };
}

const address = (view, period, quarters) => `#/history/${view}/${period}${quarters ? '/15min' : ''}`;

/** A day's export power, or nothing to draw for a meter that exported nothing that day (no line along zero). */
const exported = minutes => minutes.export_mean.some(w => w > 0) ? minutes.export_mean : minutes.export_mean.map(() => null);

export async function render(root, ctx) {
  if (!ctx.history || !ctx.history.first) {
    root.innerHTML = html`<section class="card">${noHistory(ctx.history)}</section>`;
    return () => {};
  }
  const today = format.today(ctx.zone);
  const { view, period, quarters } = parse(ctx.argument, today);
  const spec = views[view];
  const resolution = quarters ? '15min' : spec.resolution;
  // A day also shows its minutes of power, when the store has them (asked for together with the energy).
  const [answer, power] = await Promise.all([
    api.energy(ctx.meter, resolution, period, spec.step(period, 1)),
    view === 'day' ? api.powerOrNull(ctx.meter, period, spec.step(period, 1)) : null,
  ]);
  const minutes = power && power.time.length > 0 ? power : null;
  const button = (name, label, pressed) => html`<button type="button" data-view="${name}" aria-pressed="${pressed}">${t(label)}</button>`;
  const current = spec.of(today);
  root.innerHTML = html`<div class="toolbar">
      <div class="seg" role="group">${button('day', 'history.day', view === 'day')}${button('month', 'history.month', view === 'month')}${button('year', 'history.year', view === 'year')}</div>
      <div class="nav"><button type="button" data-step="-1" aria-label="${t('history.previous')}">‹</button>
        <span class="label" id="period">${format.calendarLabel(period)}</span>
        <button type="button" data-step="1" aria-label="${t('history.next')}">›</button></div>
      ${period === current ? '' : html`<button type="button" class="tool" data-step="0">${t(`history.current.${view}`)}</button>`}
      ${view === 'day' ? html`<div class="seg" role="group"><button type="button" data-quarters="0" aria-pressed="${!quarters}">${t('history.hours')}</button><button type="button" data-quarters="1" aria-pressed="${quarters}">${t('history.quarters')}</button></div>` : ''}
    </div>
    ${minutes ? html`<section class="card" id="power-card"><h2>${t('history.title.power')}</h2><div class="chart"></div></section>` : ''}
    <section class="card" id="history-card"><h2>${t(`history.title.${view}`)}</h2><div class="body"></div></section>`;
  const stops = [energy.show(root.querySelector('#history-card .body'), answer, ctx.zone)];
  if (minutes) {
    const range = [Date.parse(answer.from) / 1000, Date.parse(answer.to) / 1000];
    const line = powerLine(root.querySelector('#power-card .chart'), [minutes.time, minutes.import_mean, exported(minutes)], ctx.zone, range);
    stops.push(() => line.destroy());
  }
  const go = hash => { location.hash = hash; };
  root.querySelectorAll('[data-view]').forEach(b => b.addEventListener('click', () => {
    const next = b.dataset.view;
    // The new view holds today when the period shown does, and else the period's first day.
    const reference = today.startsWith(period) ? today : `${period}-01-01`.slice(0, 10);
    go(address(next, views[next].of(reference)));
  }));
  root.querySelectorAll('[data-step]').forEach(b => b.addEventListener('click', () => {
    const step = Number(b.dataset.step);
    go(address(view, step === 0 ? current : spec.step(period, step), quarters));
  }));
  root.querySelectorAll('[data-quarters]').forEach(b => b.addEventListener('click', () => go(address(view, period, b.dataset.quarters === '1'))));
  return () => stops.forEach(stop => stop());
}
