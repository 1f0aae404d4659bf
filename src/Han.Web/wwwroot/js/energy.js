// One energy answer of the API (/api/meters/{name}/energy) shown in a card: its totals, its bars, a line
// that reads out the period under the cursor (or finger), and the same numbers as a table.
import * as format from './format.js';
import { energyBars, trusted } from './charts.js';
import { t } from './i18n.js';
import { html } from './html.js';

const seconds = { '15min': 900, hour: 3600 };

/** The axis label and the readout label of a period start (Unix s), by resolution, in the meter's zone. */
export function labels(resolution, zone) {
  const at = s => new Date(s * 1000);
  switch (resolution) {
    case '15min':
    case 'hour':
      return {
        axis: s => format.instant(at(s), zone, resolution === 'hour' ? { hour: '2-digit' } : { hour: '2-digit', minute: '2-digit' }),
        long: s => `${format.clock(at(s), zone)}–${format.clock(at(s + seconds[resolution]), zone)}`,
      };
    case 'day':
      return { axis: s => format.instant(at(s), zone, { day: 'numeric' }), long: s => format.dayName(at(s), zone) };
    default:
      return { axis: s => format.instant(at(s), zone, { month: 'short' }), long: s => format.monthName(at(s), zone) };
  }
}

/**
 * The answer with every period of its range: those the API has none for are added empty (recorded[i]
 * false), so a young day or month still shows its whole shape. Hours and quarters are counted in absolute
 * time from the answer's from to its to (23 or 25 hours on a DST day); days by their local date, the
 * empty ones placed at their noon (for their label only). Months and years are returned as they are.
 */
export function wholeRange(answer, zone) {
  const step = answer.resolution === 'day' ? 86400 : seconds[answer.resolution];
  const recorded = answer.start.map(() => true);
  if (!step || !answer.from || !answer.to) return { ...answer, recorded };
  const key = answer.resolution === 'day' ? s => format.dateOf(new Date(s * 1000), zone) : s => s;
  const offset = answer.resolution === 'day' ? 43200 : 0;
  const at = new Map(answer.start.map((s, i) => [key(s), i]));
  const periods = [];
  for (let s = Date.parse(answer.from) / 1000 + offset; s < Date.parse(answer.to) / 1000; s += step) {
    const i = at.get(key(s));
    periods.push(i == null ? { s, i: null } : { s: answer.start[i], i });
    at.delete(key(s));
  }
  // Periods the API answers off the grid (never expected) are kept in order rather than lost.
  at.forEach(i => periods.push({ s: answer.start[i], i }));
  periods.sort((a, b) => a.s - b.s);
  const column = (values, empty) => periods.map(({ i }) => i == null ? empty : values[i]);
  return {
    ...answer,
    start: periods.map(p => p.s),
    import_kwh: column(answer.import_kwh, null),
    export_kwh: column(answer.export_kwh, null),
    exact: column(answer.exact, true),
    flags: column(answer.flags, null),
    recorded: periods.map(p => p.i != null),
  };
}

/** What a period's note says: its flag, or that it is estimated, or nothing for a trusted one. */
export function note(answer, i) {
  if (answer.flags[i]) return `${t(answer.exact[i] ? 'energy.flagged' : 'energy.estimated')}: ${answer.flags[i]}`;
  return answer.exact[i] ? '' : t('energy.estimated');
}

function readout(answer, i, long) {
  if (i == null || i >= answer.start.length) return t('energy.hint');
  if (!answer.recorded[i]) return `${long(answer.start[i])} · ${t('energy.nothing')}`;
  const parts = [long(answer.start[i]), `${t('power.import')} ${format.energy(answer.import_kwh[i], 3)}`];
  if (answer.export_kwh[i]) parts.push(`${t('power.export')} ${format.energy(answer.export_kwh[i], 3)}`);
  const text = note(answer, i);
  if (text) parts.push(text);
  return parts.join(' · ');
}

function table(answer, long) {
  const rows = answer.start.map((s, i) => !answer.recorded[i] ? '' : html`<tr data-start="${s}" class="${trusted(answer, i) ? '' : 'estimated'}">
      <td>${long(s)}</td><td>${format.number(answer.import_kwh[i], 3)}</td><td>${format.number(answer.export_kwh[i], 3)}</td><td>${note(answer, i)}</td></tr>`);
  return html`<details class="table"><summary>${t('energy.table')}</summary><div class="scroll"><table class="values">
    <thead><tr><th>${t('energy.period')}</th><th>${t('power.import')} (kWh)</th><th>${t('power.export')} (kWh)</th><th>${t('energy.note')}</th></tr></thead>
    <tbody>${rows}</tbody></table></div></details>`;
}

function totals(answer) {
  const chips = [];
  if (answer.estimated_periods > 0) chips.push(html`<span class="chip warn">${t('energy.estimatedCount', { count: answer.estimated_periods })}</span>`);
  if (answer.flagged_periods > 0) chips.push(html`<span class="chip warn">${t('energy.flaggedCount', { count: answer.flagged_periods })}</span>`);
  const exported = answer.total_export_kwh > 0
    ? html`<div><div class="big export-value" data-kwh="${answer.total_export_kwh}">${format.number(answer.total_export_kwh, 2)}<small>kWh</small></div><div class="sub">${t('power.export')}</div></div>`
    : '';
  return html`<div class="totals"><div><div class="big import-value total-import" data-kwh="${answer.total_import_kwh}">${format.number(answer.total_import_kwh, 2)}<small>kWh</small></div>
    <div class="sub">${t('power.import')}</div></div>${exported}</div><div class="chips">${chips}</div>`;
}

const legend = () => html`<div class="legend"><span><i class="import"></i>${t('power.import')}</span><span><i class="export"></i>${t('power.export')}</span>
  <span><i class="estimated"></i>${t('energy.estimatedOrFlagged')}</span></div>`;

/**
 * Fills the element with the answer (or its empty state) and returns what to call when the page goes
 * away. An answer with no period at all is "no history yet".
 */
export function show(element, answered, zone) {
  const long = labels(answered.resolution, zone).long;
  if (answered.start.length === 0) {
    element.innerHTML = html`<div class="empty"><strong>${t('history.emptyPeriod')}</strong>${t('history.emptyHint')}</div>`;
    return () => {};
  }
  const answer = wholeRange(answered, zone);
  element.innerHTML = html`${totals(answer)}<div class="chart" data-periods="${answer.start.length}"></div><div class="readout"></div>${legend()}${table(answer, long)}`;
  const out = element.querySelector('.readout');
  out.textContent = readout(answer, null, long);
  const chart = energyBars(element.querySelector('.chart'), answer, labels(answer.resolution, zone).axis, i => { out.textContent = readout(answer, i, long); });
  return () => chart.destroy();
}
