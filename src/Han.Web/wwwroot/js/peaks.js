// The "Peaks" page: the month's capacity basis (the three highest hours on three different days, from
// trusted hours only), which hours made it, and this hour so far with its projection against them.
import * as api from './api.js';
import * as format from './format.js';
import { t } from './i18n.js';
import { html } from './html.js';

/** The empty state of everything that needs history: none kept (no storage) or none yet. */
export function noHistory(history) {
  return history
    ? html`<div class="empty"><strong>${t('history.none')}</strong>${t('history.noneHint')}</div>`
    : html`<div class="empty"><strong>${t('history.notKept')}</strong>${t('history.notKeptHint')}</div>`;
}

function peakList(capacity, zone) {
  if (capacity.peaks.length === 0) return html`<p class="sub">${t('peaks.none')}</p>`;
  return html`<ol class="peaks">${capacity.peaks.map(peak => {
    const start = new Date(peak.start);
    const end = new Date(start.getTime() + 3600 * 1000);
    const chip = peak.flags ? html`<span class="chip warn" title="${peak.flags}">${peak.flags}</span>`
      : peak.exact ? '' : html`<span class="chip warn">${t('energy.estimated')}</span>`;
    return html`<li><span>${format.dayName(start, zone)}, ${format.clock(start, zone)}–${format.clock(end, zone)} ${chip}</span>
      <span class="kwh">${format.energy(peak.import_kwh, 2)}</span></li>`;
  })}</ol>`;
}

/** This hour so far and projected, on a bar scaled to the highest peak; says whether it would raise the basis. */
export function currentHour(capacity, zone) {
  const hour = capacity.current_hour;
  if (!hour) return html`<h2>${t('peaks.thisHour')}</h2><p class="sub">${t('peaks.noCurrent')}</p>`;
  const lowest = capacity.peaks.length === 3 ? Math.min(...capacity.peaks.map(p => p.import_kwh)) : null;
  const scale = Math.max(hour.projected_kwh, ...capacity.peaks.map(p => p.import_kwh), 0.1) * 1.05;
  const width = v => `${Math.min(100, (100 * v) / scale).toFixed(1)}%`;
  const start = new Date(hour.start);
  const verdict = hour.raises_basis
    ? html`<span class="chip warn">${t('peaks.raises')}</span>`
    : html`<span class="chip good">${t('peaks.below')}</span>`;
  return html`<h2>${t('peaks.thisHour')}<span class="aside">${format.clock(start, zone)}–${format.clock(new Date(start.getTime() + 3600000), zone)}</span></h2>
    <div class="pair"><div><div class="big import-value" id="hour-so-far">${format.number(hour.import_kwh, 2)}<small>kWh</small></div><div class="sub">${t('peaks.soFar', { time: format.duration(hour.elapsed_s) })}</div></div>
      <div><div class="big" id="hour-projected">${format.number(hour.projected_kwh, 2)}<small>kWh</small></div><div class="sub">${t('peaks.projected')}</div></div></div>
    <div class="meter-bar ${hour.raises_basis ? 'over' : ''}"><span class="projected" style="width:${width(hour.projected_kwh)}"></span><span style="width:${width(hour.import_kwh)}"></span></div>
    <p class="sub">${lowest != null ? t('peaks.against', { lowest: format.energy(lowest, 2), basis: format.energy(capacity.basis_kwh, 2) }) : t('peaks.fewer')} ${verdict}</p>`;
}

export async function render(root, ctx) {
  if (!ctx.history) {
    root.innerHTML = html`<section class="card">${noHistory(ctx.history)}</section>`;
    return () => {};
  }
  const thisMonth = format.today(ctx.zone).slice(0, 7);
  const month = /^\d{4}-\d{2}$/.test(ctx.argument ?? '') ? ctx.argument : thisMonth;
  const capacity = await api.capacity(ctx.meter, month);
  const go = m => { location.hash = `#/peaks/${m}`; };
  const flagged = capacity.flagged_hours > 0 ? html`<span class="chip warn">${t('peaks.flagged', { count: capacity.flagged_hours })}</span>` : '';
  root.innerHTML = html`<div class="toolbar"><div class="nav">
      <button type="button" data-go="-1" aria-label="${t('history.previous')}">‹</button><span class="label">${format.calendarLabel(month)}</span>
      <button type="button" data-go="1" aria-label="${t('history.next')}">›</button></div>
      ${month === thisMonth ? '' : html`<button type="button" class="tool" data-go="0">${t('history.current')}</button>`}</div>
    <div class="grid">
      <section class="card"><h2>${t('peaks.basis')}</h2><div class="big" id="basis">${format.number(capacity.basis_kwh, 2)}<small>kWh</small></div>
        <p class="sub">${t('peaks.basisNote')}</p><div class="chips">${flagged}</div></section>
      <section class="card"><h2>${t('peaks.top')}</h2>${peakList(capacity, ctx.zone)}</section>
      ${month === thisMonth ? html`<section class="card wide">${currentHour(capacity, ctx.zone)}</section>` : ''}
    </div>`;
  root.querySelectorAll('[data-go]').forEach(button => button.addEventListener('click', () => {
    const step = Number(button.dataset.go);
    go(step === 0 ? thisMonth : format.addMonths(month, step));
  }));
  return () => {};
}
