// The "Cost" page (issue 11, point 4): today's cost so far and the price now, today's all-in price per
// hour with the consumption under it, the month's invoice so far, and the capacity step with the kWh the
// hour under way may still take before the step goes up. All from /api/meters/{name}/cost; a han without
// prices: and grid: answers 404, and the page then says in one line what to configure.
import * as api from './api.js';
import * as format from './format.js';
import { priceAndUse } from './charts.js';
import { t } from './i18n.js';
import { html } from './html.js';

/** Money as the page writes it: "15,15 kr" (two decimals, the language's separators). */
export const kroner = value => value == null ? '–' : format.withUnit(format.number(value, 2), 'kr');

/** A price per kWh: "1,04 kr/kWh". */
export const perKwh = value => value == null ? '–' : format.withUnit(format.number(value, 2), 'kr/kWh');

/** A big number with its unit in small type, as the other cards write theirs. */
function big(text, id, className = '') {
  const cut = text.indexOf('\u00a0');
  return cut < 0 ? html`<div class="big ${className}" id="${id}">${text}</div>`
    : html`<div class="big ${className}" id="${id}">${text.slice(0, cut)}<small>${text.slice(cut + 1)}</small></div>`;
}

function todayCard(cost) {
  return html`<h2>${t('cost.today')}</h2>${big(kroner(cost.day_cost), 'cost-today')}
    <p class="sub">${t('cost.thisHour', { amount: kroner(cost.hour_cost) })}</p>`;
}

function priceCard(cost) {
  return html`<h2>${t('cost.priceNow')}</h2>${big(perKwh(cost.price_now), 'price-now')}
    <p class="sub">${cost.price_now == null ? t('cost.noPrice') : t('cost.allIn')}</p>`;
}

/** The step as "5–10 kWh/h" (or "from 20 kWh/h" on the top step), its monthly fee, and the hour's headroom. */
function stepCard(capacity) {
  if (!capacity) return html`<h2>${t('cost.step')}</h2><p class="sub">${t('cost.noStep')}</p>`;
  const range = capacity.step_to == null
    ? t('cost.stepFrom', { from: format.number(capacity.step_from, 0, 0) })
    : `${format.number(capacity.step_from, 1, 0)}–${format.number(capacity.step_to, 1, 0)}`;
  const headroom = capacity.headroom_kwh == null
    ? html`<span class="chip">${t('cost.topStep')}</span>`
    : html`<span class="chip ${capacity.headroom_kwh < 1 ? 'warn' : 'good'}" id="headroom">${t('cost.headroom', { kwh: format.energy(capacity.headroom_kwh, 2) })}</span>`;
  return html`<h2>${t('cost.step')}</h2><div class="big" id="step">${range}<small>kWh/h</small></div>
    <div class="sub" id="step-price">${t('cost.perMonth', { amount: kroner(capacity.step_nok_per_month) })}</div>
    <div class="chips" style="margin-top:8px">${headroom}</div>`;
}

const party = name => t(`cost.party.${name}`);

/** The month's invoice so far: the three parties and the total, and every line behind a "lines" toggle. */
function monthCard(month) {
  const from = format.calendarLabel(month.from);
  const rows = month.lines.map(line => html`<tr><td>${party(line.party)}</td><td>${line.item}</td>
    <td>${format.number(line.quantity, line.unit === 'kWh' ? 2 : 3)} ${line.unit === 'kWh' ? 'kWh' : t('cost.months')}</td>
    <td>${format.number(line.unit_price, 4, 2)}</td><td>${format.number(line.amount, 2)}</td></tr>`);
  const unpriced = month.unpriced_intervals > 0 ? html`<span class="chip warn">${t('cost.unpriced', { count: month.unpriced_intervals })}</span>` : '';
  const notes = month.notes.map(note => html`<li>${note}</li>`);
  return html`<h2>${t('cost.month')}<span class="aside">${t('cost.since', { day: from })}</span></h2>
    <dl class="facts invoice">
      <dt>${party('supplier')}</dt><dd id="month-supplier">${kroner(month.supplier_total)}</dd>
      <dt>${party('grid')}</dt><dd id="month-grid">${kroner(month.grid_total)}</dd>
      <dt>${party('support')}</dt><dd id="month-support">${kroner(month.support_total)}</dd>
      <dt class="total">${t('cost.total')}</dt><dd class="total" id="month-total">${kroner(month.total)}</dd>
    </dl>
    <div class="chips">${unpriced}</div>
    <details class="table"><summary>${t('cost.lines')}</summary><div class="scroll-x"><table class="values" id="month-lines">
      <thead><tr><th>${t('cost.party')}</th><th>${t('cost.item')}</th><th>${t('cost.quantity')}</th><th>${t('cost.unitPrice')}</th><th>${t('cost.amount')}</th></tr></thead>
      <tbody>${rows}</tbody></table></div>${notes.length ? html`<ul class="sub notes">${notes}</ul>` : ''}</details>
    <p class="sub">${t('cost.monthNote')}</p>`;
}

function readout(hours, i, zone) {
  if (i == null || i >= hours.length) return t('cost.hint');
  const hour = hours[i];
  const start = new Date(hour.start);
  const parts = [`${format.clock(start, zone)}–${format.clock(new Date(start.getTime() + 3600000), zone)}`, perKwh(hour.all_in)];
  if (hour.spot != null) parts.push(t('cost.spotIs', { price: perKwh(hour.spot) }));
  if (hour.import_kwh != null) parts.push(`${t('power.import')} ${format.energy(hour.import_kwh, 2)}`);
  return parts.join(' · ');
}

/** The one-line hint of a han with no cost configured (the API's 404). */
export const notConfigured = () => html`<section class="card" id="cost-off"><p class="sub hint">${t('cost.off')}</p></section>`;

export async function render(root, ctx) {
  let cost;
  try {
    cost = await api.cost(ctx.meter);
  } catch (problem) {
    if (!(problem instanceof api.NotFound)) throw problem;
    root.innerHTML = notConfigured();
    return () => {};
  }
  root.innerHTML = html`<div class="grid">
    <section class="card lead" id="card-cost-today"></section>
    <section class="card" id="card-price"></section>
    <section class="card" id="card-step"></section>
    <section class="card wide graph" id="card-prices"><h2>${t('cost.curve')}</h2><div class="chart" id="price-chart"></div><div class="readout"></div>
      <div class="legend"><span><i class="price"></i>${t('cost.allInLegend')}</span><span><i class="spot"></i>${t('cost.spot')}</span><span><i class="import"></i>${t('power.import')}</span></div></section>
    <section class="card wide" id="card-invoice"></section>
  </div>`;
  const card = id => root.querySelector(`#card-${id}`);
  const out = root.querySelector('#card-prices .readout');
  let chart = null;
  const paint = answer => {
    card('cost-today').innerHTML = todayCard(answer);
    card('price').innerHTML = priceCard(answer);
    card('step').innerHTML = stepCard(answer.capacity);
    card('invoice').innerHTML = monthCard(answer.month);
    out.textContent = readout(answer.today, null, ctx.zone);
    const hover = i => { out.textContent = readout(answer.today, i, ctx.zone); };
    if (chart) chart.update(answer.today, hover);
    else chart = priceAndUse(root.querySelector('#price-chart'), answer.today, ctx.zone, hover);
  };
  paint(cost);
  // The hour under way grows and the prices of a new day come: asked again every minute, as the Now page's history.
  const timer = setInterval(() => api.cost(ctx.meter).then(answer => { if (ctx.current()) paint(answer); }).catch(ctx.fail), 60000);
  return () => { clearInterval(timer); chart.destroy(); };
}
