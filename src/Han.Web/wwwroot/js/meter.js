// The "Meter" page: who the meter is, how the line is set, and how healthy the decoding and han's
// outputs are (frames, checksum errors, skipped bytes, flagged hours, queues and drops).
import * as api from './api.js';
import * as format from './format.js';
import { t } from './i18n.js';
import { html } from './html.js';

const facts = rows => html`<dl class="facts">${rows.filter(([, value]) => value != null && value !== '')
  .map(([label, value]) => html`<dt>${t(label)}</dt><dd>${value}</dd>`)}</dl>`;

function sinksCard(status, meter) {
  const sinks = (status?.sinks ?? []).filter(s => s.meter === meter);
  if (sinks.length === 0) return html`<h2>${t('meter.outputs')}</h2><p class="sub">${t('meter.noOutputs')}</p>`;
  const rows = sinks.map(s => html`<tr><td>${s.sink}</td><td>${format.number(s.queued)}</td><td>${format.number(s.written)}</td>
    <td class="${s.dropped > 0 ? 'bad' : ''}">${format.number(s.dropped)}</td><td class="${s.failed > 0 ? 'bad' : ''}">${format.number(s.failed)}</td></tr>`);
  return html`<h2>${t('meter.outputs')}</h2><div class="scroll-x"><table class="values" id="sinks"><thead><tr><th>${t('meter.sink')}</th><th>${t('meter.queued')}</th>
    <th>${t('meter.written')}</th><th>${t('meter.dropped')}</th><th>${t('meter.failed')}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

export async function render(root, ctx) {
  const month = format.today(ctx.zone).slice(0, 7);
  const [state, status, capacity] = await Promise.all([
    api.live(ctx.meter),
    api.statusOrNull(),
    ctx.history ? api.capacity(ctx.meter, month).catch(() => null) : null,
  ]);
  const at = text => text ? format.dateTime(new Date(text), ctx.zone) : null;
  const count = n => n == null ? null : format.number(n);
  const info = ctx.meters.find(m => m.name === ctx.meter) ?? {};
  const trouble = (n, id) => n == null ? null : html`<span id="${id}" class="${n > 0 ? 'chip warn' : ''}">${format.number(n)}</span>`;
  root.innerHTML = html`<div class="grid">
    <section class="card"><h2>${t('meter.identity')}</h2>${facts([
      ['meter.name', ctx.meter],
      ['meter.manufacturer', state.meter_manufacturer ?? info.meter_manufacturer],
      ['meter.id', state.meter_id ?? info.meter_id],
      ['meter.type', state.meter_type ?? info.meter_type],
      ['meter.listVersion', state.list_version ?? info.list_version],
      ['meter.lastReading', at(state.last_reading ?? info.last_reading)],
    ])}</section>
    <section class="card"><h2>${t('meter.line')}</h2>${facts([
      ['meter.lineState', state.line_state ? t(`line.${state.line_state}`, {}, state.line_state) : null],
      ['meter.lineSettings', state.line_settings],
      ['meter.readings', count(info.readings)],
      ['meter.frames', count(state.frames)],
      ['meter.checksumErrors', trouble(state.checksum_errors, 'checksum-errors')],
      ['meter.cutFrames', trouble(state.cut_frames, 'cut-frames')],
      ['meter.skippedBytes', trouble(state.skipped_bytes, 'skipped-bytes')],
      ['meter.undecoded', trouble(state.undecoded, 'undecoded')],
      ['meter.flaggedHours', capacity ? trouble(capacity.flagged_hours, 'flagged-hours') : null],
    ])}${state.frames == null ? html`<p class="sub">${t('meter.lineWaiting')}</p>` : ''}</section>
    <section class="card"><h2>${t('meter.program')}</h2>${facts([
      // The build's commit after the '+' is long; its first seven characters name it well enough.
      ['meter.version', status?.version?.replace(/\+(\w{7})\w*/, ' ($1)')],
      ['meter.uptime', status ? format.duration(status.uptime_s) : null],
      ['meter.zone', ctx.zone],
      ['meter.storage', status?.storage ? `${status.storage.kind}: ${status.storage.location}` : null],
      ['meter.historyFrom', at(ctx.history?.first)],
      ['meter.historyTo', at(ctx.history?.last)],
    ])}</section>
    <!-- Last and the card's full width: the outputs table has five columns, too many for a quarter of the page. -->
    <section class="card wide">${sinksCard(status, ctx.meter)}</section>
  </div>`;
  return () => {};
}
