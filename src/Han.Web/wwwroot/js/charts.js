// The dashboard's two kinds of chart on uPlot (vendor/uplot): the live power line and the energy bars.
// A Chart follows its element's width and the theme (the canvas takes its colours from the
// stylesheet, so a new theme draws the chart anew).
import * as theme from './theme.js';
import * as format from './format.js';
import { t } from './i18n.js';

const phone = () => matchMedia('(max-width: 640px)').matches;

export class Chart {
  constructor(element, options, data) {
    this.element = element;
    this.options = options; // () => uPlot options, read anew for each theme
    this.data = data;
    this.create();
    this.resize = new ResizeObserver(() => this.plot.setSize(this.size()));
    this.resize.observe(element);
    this.stopTheme = theme.onChange(() => { this.plot.destroy(); this.create(); });
  }

  size() {
    return { width: Math.max(200, this.element.clientWidth), height: phone() ? 190 : 240 };
  }

  create() {
    this.plot = new uPlot({ ...this.options(), ...this.size() }, this.data, this.element);
  }

  setData(data) {
    this.data = data;
    this.plot.setData(data);
  }

  destroy() {
    this.resize.disconnect();
    this.stopTheme();
    this.plot.destroy();
  }
}

function axis(values, extra = {}) {
  const text = theme.color('--muted');
  const line = theme.color('--line');
  return { stroke: text, grid: { stroke: line, width: 1 }, ticks: { stroke: line, width: 1 }, values, font: '12px system-ui, sans-serif', ...extra };
}

/** A #rrggbb colour of the stylesheet with some transparency, as a canvas takes it. */
function faded(hex, percent) {
  const [r, g, b] = [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${percent / 100})`;
}

/** The width of the energy bars' value axis; a day's power line takes the same, so their hours line up. */
const barsAxisSize = 64;

/**
 * A break in the line wherever minutes are missing: a null row after each minute not followed by the
 * next, so the line never draws power across an hour with no lists.
 */
function withGaps([time, ...values], step) {
  const out = [[], ...values.map(() => [])];
  time.forEach((s, i) => {
    out[0].push(s);
    values.forEach((column, c) => out[c + 1].push(column[i]));
    if (i + 1 < time.length && time[i + 1] - s > step) {
      out[0].push(s + step);
      values.forEach((_, c) => out[c + 1].push(null));
    }
  });
  return out;
}

/**
 * Power in W over time: import filled, export as a line; data [time, import, export]. Without day, the
 * live last hour; with day [from, to] (Unix s), a day's minutes on that whole range, broken where minutes
 * are missing, with dots when they are few, and the bars' axis width so that they line up with its hours.
 */
export function powerLine(element, data, zone, day = null) {
  const shown = day ? withGaps(data, 60) : data;
  const dots = { show: day != null && data[0].length < 120, size: 4 };
  const options = () => ({
    scales: { x: { time: true, ...(day ? { range: () => day } : {}) }, y: { range: (u, min, max) => [Math.min(0, min), Math.max(100, max * 1.1)] } },
    tzDate: seconds => uPlot.tzDate(new Date(seconds * 1000), zone),
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    series: [
      {},
      { label: t('power.import'), stroke: theme.color('--import'), fill: faded(theme.color('--import'), 18), width: 2, points: dots, spanGaps: !day },
      { label: t('power.export'), stroke: theme.color('--export'), width: 2, points: dots, spanGaps: !day },
    ],
    axes: [
      axis((u, splits) => splits.map(s => format.clock(new Date(s * 1000), zone)), { space: 60 }),
      day
        ? axis((u, splits) => splits.map(w => format.withUnit(format.number(w / 1000, 1), 'kW')), { size: barsAxisSize })
        : axis((u, splits) => splits.map(w => format.power(w)), { size: 70 }),
    ],
  });
  return new Chart(element, options, shown);
}

/** Diagonal stripes of a colour: the fill of a period that is estimated or flagged. */
function hatch(color) {
  const tile = document.createElement('canvas');
  tile.width = tile.height = 8;
  const pen = tile.getContext('2d');
  pen.fillStyle = faded(color, 22);
  pen.fillRect(0, 0, 8, 8);
  pen.strokeStyle = faded(color, 75);
  pen.lineWidth = 2;
  pen.beginPath();
  pen.moveTo(-2, 10); pen.lineTo(10, -2);
  pen.moveTo(-2, 2); pen.lineTo(2, -2);
  pen.moveTo(6, 10); pen.lineTo(10, 6);
  pen.stroke();
  return pen.createPattern(tile, 'repeat');
}

/** Is a period of an energy answer trusted as it stands: from the exact registers and not flagged? */
export const trusted = (answer, i) => answer.exact[i] && !answer.flags[i];

/** Keeps a range of whole bars (index ± 0.5), the same again when given its own answer, so zooming never drifts. */
const wholeBars = (u, min, max) => [Math.floor(min + 0.5) - 0.5, Math.ceil(max - 0.5) + 0.5];

/**
 * Energy per period as bars, import up and export down, the trusted periods solid and the estimated or
 * flagged ones hatched. The x axis counts periods (a day of 23 or 25 hours has as many bars); drag
 * across to zoom, double-click to go back. onPoint(index or null) follows the cursor.
 */
export function energyBars(element, answer, label, onPoint) {
  const n = answer.start.length;
  const x = Array.from({ length: n }, (_, i) => i);
  const pick = (values, sign, wantTrusted) => values.map((v, i) => v != null && trusted(answer, i) === wantTrusted ? sign * v : null);
  const hasExport = answer.export_kwh.some(v => v != null && v > 0);
  const data = [x, pick(answer.import_kwh, 1, true), pick(answer.import_kwh, 1, false)];
  if (hasExport) data.push(pick(answer.export_kwh, -1, true), pick(answer.export_kwh, -1, false));
  const options = () => {
    const bars = uPlot.paths.bars({ size: [0.78, 64], gap: 1 });
    const bar = (name, color, solid) => ({
      label: t(name), paths: bars, points: { show: false }, fillTo: 0, width: 0,
      stroke: color, fill: solid ? color : () => hatch(color),
    });
    const series = [{}, bar('power.import', theme.color('--import'), true), bar('energy.estimated', theme.color('--import'), false)];
    if (hasExport) series.push(bar('power.export', theme.color('--export'), true), bar('energy.estimated', theme.color('--export'), false));
    return {
      scales: { x: { time: false, range: wholeBars }, y: { range: (u, min, max) => [Math.min(0, min * 1.1), Math.max(0.1, max * 1.1)] } },
      legend: { show: false },
      cursor: { drag: { x: true, y: false }, points: { show: false } },
      series,
      axes: [
        axis((u, splits) => splits.map(i => Number.isInteger(i) && i >= 0 && i < n ? label(answer.start[i]) : ''), { space: 34, incrs: [1, 2, 3, 4, 6, 12, 24] }),
        axis((u, splits) => splits.map(v => format.number(Math.abs(v), 2, 0)), { size: barsAxisSize }),
      ],
      hooks: { setCursor: [u => onPoint(u.cursor.idx ?? null)] },
    };
  };
  return new Chart(element, options, data);
}

/**
 * Today's price curve with the consumption under it (the Cost page): per hour the all-in price (a line
 * with dots, left axis, kr/kWh) and the spot price (dashed), over the hour's import (bars, right axis,
 * kWh). The x axis counts the hours (23 or 25 on a DST day). onPoint(index or null) follows the cursor.
 * Returns the Chart with update(hours, onPoint) for the answer of the next minute.
 */
export function priceAndUse(element, hours, zone, onPoint) {
  let shown = hours;
  let point = onPoint;
  const columns = list => [list.map((_, i) => i), list.map(h => h.all_in), list.map(h => h.spot), list.map(h => h.import_kwh)];
  const options = () => {
    const price = theme.color('--price');
    return {
      scales: {
        x: { time: false, range: (u, min, max) => [-0.5, Math.max(max, shown.length - 1) + 0.5] },
        price: { range: (u, min, max) => [Math.min(0, min ?? 0), Math.max(0.5, (max ?? 0) * 1.15)] },
        kwh: { range: (u, min, max) => [0, Math.max(0.5, (max ?? 0) * 1.6)] },
      },
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      series: [
        {},
        { label: t('cost.allInLegend'), scale: 'price', stroke: price, width: 2, points: { show: true, size: 5, fill: price }, spanGaps: false },
        { label: t('cost.spot'), scale: 'price', stroke: faded(price, 70), width: 1.5, dash: [5, 4], points: { show: false }, spanGaps: false },
        {
          label: t('power.import'), scale: 'kwh', paths: uPlot.paths.bars({ size: [0.7, 48], gap: 1 }), points: { show: false },
          fillTo: 0, width: 0, stroke: theme.color('--import'), fill: faded(theme.color('--import'), 45),
        },
      ],
      axes: [
        axis((u, splits) => splits.map(i => Number.isInteger(i) && i >= 0 && i < shown.length ? format.instant(new Date(shown[i].start), zone, { hour: '2-digit' }) : ''), { space: 34, incrs: [1, 2, 3, 4, 6, 12] }),
        axis((u, splits) => splits.map(v => format.number(v, 2, 2)), { scale: 'price', size: barsAxisSize }),
        axis((u, splits) => splits.map(v => format.number(v, 1, 0)), { scale: 'kwh', side: 1, size: 48, grid: { show: false } }),
      ],
      hooks: { setCursor: [u => point(u.cursor.idx ?? null)] },
    };
  };
  const chart = new Chart(element, options, columns(hours));
  chart.update = (next, nextPoint) => {
    shown = next;
    point = nextPoint;
    chart.setData(columns(next));
  };
  element.dataset.hours = hours.length;
  return chart;
}
