// The "Now" page: power with every list the meter sends (server-sent events) over the last hour, the
// phases, the registers; and from the history, this hour against the month's peaks, today's hours and
// the month's days.
import * as api from './api.js';
import * as format from './format.js';
import * as energy from './energy.js';
import { powerLine } from './charts.js';
import { t } from './i18n.js';
import { html } from './html.js';
import { currentHour, noHistory } from './peaks.js';

const hour = 3600;
const phases = ['l1', 'l2', 'l3'];

function bigPower(watts, className, id) {
  const text = format.power(watts);
  const cut = text.lastIndexOf('\u00a0');
  return html`<div class="big ${className}" id="${id}" data-watts="${watts ?? ''}">${text.slice(0, cut)}<small>${text.slice(cut + 1)}</small></div>`;
}

function powerCard(state, zone) {
  const received = state.received ? format.clockSeconds(new Date(state.received), zone) : null;
  const exported = state.active_power_export != null
    ? html`<div>${bigPower(state.active_power_export, 'export-value', 'power-export')}<div class="sub">${t('power.export')}</div></div>` : '';
  return html`<h2>${t('now.power')}<span class="aside">${received ? t('now.at', { time: received }) : t('now.waiting')}</span></h2>
    <div class="pair"><div>${bigPower(state.active_power_import, 'import-value', 'power-import')}<div class="sub">${t('power.import')}</div></div>${exported}</div>`;
}

function phasesCard(state) {
  const present = phases.filter(p => state[`current_${p}`] != null || state[`voltage_${p}`] != null);
  const perPhasePower = present.some(p => state[`active_power_import_${p}`] != null);
  const rows = present.map(p => html`<tr><td>${p.toUpperCase()}</td><td>${format.number(state[`current_${p}`], 2)}</td><td>${format.number(state[`voltage_${p}`], 1)}</td>
    ${perPhasePower ? html`<td>${format.power(state[`active_power_import_${p}`])}</td>` : ''}</tr>`);
  const facts = [
    ['power_factor', 'now.powerFactor', v => format.number(v, 3)],
    ['frequency', 'now.frequency', v => format.withUnit(format.number(v, 2), 'Hz')],
    ['reactive_power_import', 'now.reactiveImport', v => format.withUnit(format.number(v), 'var')],
    ['reactive_power_export', 'now.reactiveExport', v => format.withUnit(format.number(v), 'var')],
  ].filter(([key]) => state[key] != null).map(([key, label, show]) => html`<dt>${t(label)}</dt><dd>${show(state[key])}</dd>`);
  const table = present.length === 0 ? html`<p class="sub">${t('now.noPhases')}</p>`
    : html`<table class="values"><thead><tr><th>${t('now.phase')}</th><th>A</th><th>V</th>${perPhasePower ? html`<th>W</th>` : ''}</tr></thead><tbody>${rows}</tbody></table>`;
  return html`<h2>${t('now.phases')}</h2>${table}${facts.length ? html`<dl class="facts" style="margin-top:10px">${facts}</dl>` : ''}`;
}

function registersCard(state, zone) {
  const kwh = v => format.energy(v, 3);
  const rows = [
    ['active_energy_import', 'now.registerImport', kwh],
    ['active_energy_export', 'now.registerExport', kwh],
    ['active_energy_import_estimate', 'now.estimateImport', kwh],
    ['active_energy_export_estimate', 'now.estimateExport', kwh],
    ['reactive_energy_import', 'now.reactiveEnergyImport', v => format.withUnit(format.number(v, 3), 'kvarh')],
    ['reactive_energy_export', 'now.reactiveEnergyExport', v => format.withUnit(format.number(v, 3), 'kvarh')],
    ['meter_time', 'now.meterTime', v => format.dateTime(new Date(v), zone)],
  ].filter(([key]) => state[key] != null).map(([key, label, show]) => html`<dt>${t(label)}</dt><dd>${show(state[key])}</dd>`);
  return html`<h2>${t('now.registers')}</h2>${rows.length ? html`<dl class="facts">${rows}</dl>` : html`<p class="sub">${t('now.noRegisters')}</p>`}
    <p class="sub">${t('now.registersNote')}</p>`;
}

/** The live graph's columns, seeded from /live/recent and grown by the stream, an hour long. */
class LastHour {
  constructor(recent) {
    this.columns = [recent.time.map(Number), recent.active_power_import, recent.active_power_export];
  }

  add(reading) {
    if (reading.active_power_import == null && reading.active_power_export == null) return false;
    const at = Date.parse(reading.received) / 1000;
    const [time, imported, exported] = this.columns;
    time.push(at); imported.push(reading.active_power_import ?? null); exported.push(reading.active_power_export ?? null);
    while (time.length > 0 && time[0] < at - hour) this.columns.forEach(c => c.shift());
    return true;
  }
}

export async function render(root, ctx) {
  const { meter, zone } = ctx;
  const reading = Promise.all([api.live(meter), api.recent(meter)]);
  const history = ctx.history?.first ? historyAnswers(ctx) : null; // asked for at once, not after the live state
  history?.catch(() => {}); // awaited below; should the live state fail first, its failure is the one to show
  const [state, recent] = await reading;
  root.innerHTML = html`<div class="grid">
    <section class="card lead" id="card-power"></section>
    <section class="card" id="card-hour"></section>
    <section class="card" id="card-phases"></section>
    <section class="card" id="card-registers"></section>
    <section class="card wide graph"><h2>${t('now.lastHour')}</h2><div class="chart" id="live-chart"></div>
      <div class="legend"><span><i class="import"></i>${t('power.import')}</span><span><i class="export"></i>${t('power.export')}</span></div></section>
    <section class="card wide" id="card-today"><h2>${t('now.today')}</h2><div class="body"></div></section>
    <section class="card wide" id="card-month"><h2>${t('now.month')}</h2><div class="body"></div></section>
  </div>`;
  const cards = id => root.querySelector(`#card-${id}`);
  const paint = () => {
    cards('power').innerHTML = powerCard(state, zone);
    cards('phases').innerHTML = phasesCard(state);
    cards('registers').innerHTML = registersCard(state, zone);
  };
  paint();

  const series = new LastHour(recent);
  const chartElement = root.querySelector('#live-chart');
  const chart = powerLine(chartElement, series.columns, zone);
  const mark = () => {
    chartElement.dataset.points = series.columns[0].length;
    chartElement.dataset.last = series.columns[1].at(-1) ?? '';
  };
  mark();

  const stream = new EventSource(api.streamUrl(meter));
  stream.addEventListener('reading', event => {
    const reading = JSON.parse(event.data);
    Object.assign(state, reading);
    paint();
    if (series.add(reading)) {
      chart.setData(series.columns);
      mark();
    }
  });
  stream.addEventListener('open', () => ctx.streamState(true));
  stream.addEventListener('error', () => ctx.streamState(false, stream.readyState === EventSource.CLOSED));

  const cleanups = [() => stream.close(), () => chart.destroy()];
  await historyCards(root, ctx, history, cleanups);
  return () => cleanups.forEach(c => c());
}

/** Today's hours, the month's days and this hour against the peaks. */
function historyAnswers(ctx) {
  const day = format.today(ctx.zone);
  const month = day.slice(0, 7);
  return Promise.all([
    api.energy(ctx.meter, 'hour', day, format.addDays(day, 1)),
    api.energy(ctx.meter, 'day', month, format.addMonths(month, 1)),
    api.capacity(ctx.meter, month),
  ]);
}

/** Shows the history cards from the answers asked for, then asks again every minute. */
async function historyCards(root, ctx, answers, cleanups) {
  const bodies = ['today', 'month'].map(id => root.querySelector(`#card-${id} .body`));
  const hourCard = root.querySelector('#card-hour');
  if (!answers) {
    bodies.concat(hourCard).forEach(b => { b.innerHTML = noHistory(ctx.history); });
    return;
  }
  let shown = [];
  const show = async pending => {
    const [hours, days, capacity] = await pending;
    if (!ctx.current()) return;
    shown.forEach(stop => stop());
    shown = [energy.show(bodies[0], hours, ctx.zone), energy.show(bodies[1], days, ctx.zone)];
    hourCard.innerHTML = currentHour(capacity, ctx.zone);
  };
  await show(answers);
  const timer = setInterval(() => show(historyAnswers(ctx)).catch(ctx.fail), 60000);
  cleanups.push(() => clearInterval(timer), () => shown.forEach(stop => stop()));
}
