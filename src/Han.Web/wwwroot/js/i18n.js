// English and Norwegian bokmål: every text of the dashboard in two dictionaries with the same keys. The
// language follows the browser's (navigator.languages) until the toggle chooses, which is remembered.
const dictionaries = {
  en: {
    'nav.now': 'Now', 'nav.history': 'History', 'nav.peaks': 'Peaks', 'nav.cost': 'Cost', 'nav.meter': 'Meter',
    'meter.pick': 'Meter', 'language.toggle': 'Norsk', 'theme.toggle': 'Light or dark',
    'banner.retry': 'Try again', 'banner.down': 'han does not answer. Trying again…',
    'banner.stream': 'The live stream was interrupted; reconnecting…', 'banner.failed': 'Something went wrong: {problem}',
    'foot.api': 'Everything here comes from han\'s API:',
    'token.title': 'han needs its access token', 'token.text': 'This han asks for a token (web.token in its configuration). Enter it once; the browser remembers it.',
    'token.label': 'Access token', 'token.open': 'Open',
    'meters.none': 'No meter yet', 'meters.noneHint': 'Add one under meters: in han\'s configuration.',
    'power.import': 'Import', 'power.export': 'Export',
    'now.power': 'Power now', 'now.at': 'at {time}', 'now.waiting': 'waiting for the meter…', 'now.lastHour': 'The last hour',
    'now.phases': 'Phases', 'now.phase': 'Phase', 'now.noPhases': 'This meter sends no phase values.',
    'now.powerFactor': 'Power factor', 'now.frequency': 'Frequency', 'now.reactiveImport': 'Reactive power import', 'now.reactiveExport': 'Reactive power export',
    'now.registers': 'Energy registers', 'now.registerImport': 'Import (meter)', 'now.registerExport': 'Export (meter)',
    'now.estimateImport': 'Import (han\'s estimate)', 'now.estimateExport': 'Export (han\'s estimate)',
    'now.reactiveEnergyImport': 'Reactive import', 'now.reactiveEnergyExport': 'Reactive export', 'now.meterTime': 'Meter clock',
    'now.noRegisters': 'The meter has not sent its registers yet (most send them once an hour).',
    'now.registersNote': 'The meter\'s registers are exact; han\'s estimates add up the power between them.',
    'now.today': 'Today, by hour', 'now.month': 'This month, by day',
    'energy.estimated': 'estimated', 'energy.flagged': 'flagged', 'energy.estimatedOrFlagged': 'estimated or flagged',
    'energy.estimatedCount': 'estimated: {count}', 'energy.flaggedCount': 'flagged: {count}',
    'energy.hint': 'Point at a bar for its numbers; drag across bars to zoom, double-click to zoom out.',
    'energy.nothing': 'nothing recorded', 'energy.table': 'As a table', 'energy.period': 'Period', 'energy.note': 'Note',
    'history.day': 'Day', 'history.month': 'Month', 'history.year': 'Year', 'history.hours': 'Hours', 'history.quarters': '15 min',
    'history.previous': 'Previous', 'history.next': 'Next', 'history.current': 'This month',
    'history.current.day': 'Today', 'history.current.month': 'This month', 'history.current.year': 'This year',
    'history.title.power': 'Power by minute', 'history.title.day': 'Energy by hour', 'history.title.month': 'Energy by day', 'history.title.year': 'Energy by month',
    'history.none': 'No history yet', 'history.noneHint': 'han import fills it from captures, and han run adds every hour from now on.',
    'history.notKept': 'This han keeps no history', 'history.notKeptHint': 'Add a storage: section to its configuration to keep every hour.',
    'history.emptyPeriod': 'Nothing recorded in this period', 'history.emptyHint': 'Choose another period, or fill it with han import.',
    'peaks.thisHour': 'This hour', 'peaks.noCurrent': 'No reading yet this hour.', 'peaks.soFar': 'so far, after {time}', 'peaks.projected': 'projected for the hour',
    'peaks.raises': 'would raise the capacity step', 'peaks.below': 'stays below the peaks',
    'peaks.against': 'The month\'s three highest hours (on different days) average {basis}; a new one must beat {lowest}.',
    'peaks.fewer': 'Fewer than three days so far this month: every new day\'s highest hour counts.',
    'peaks.basis': 'Capacity basis', 'peaks.basisNote': 'The average of the month\'s three highest hours on three different days, from trusted hours only. The grid company\'s capacity step follows from it.',
    'peaks.top': 'The three highest hours', 'peaks.none': 'No hours recorded this month.', 'peaks.flagged': 'Flagged hours left out: {count}',
    'cost.today': 'Today so far', 'cost.thisHour': 'this hour so far: {amount}', 'cost.priceNow': 'Price now',
    'cost.allIn': 'per kWh, all in: spot, markup, grid, taxes and VAT, less support', 'cost.noPrice': 'No spot price for this hour yet.',
    'cost.step': 'Capacity step', 'cost.noStep': 'The grid tariff has no capacity step.', 'cost.stepFrom': 'from {from}',
    'cost.perMonth': '{amount} a month', 'cost.headroom': '{kwh} left this hour before the step goes up', 'cost.topStep': 'top step',
    'cost.curve': 'Price today, with consumption', 'cost.allInLegend': 'Price, all in (kr/kWh)', 'cost.spot': 'Spot price',
    'cost.spotIs': 'spot {price}', 'cost.hint': 'Point at an hour for its price and consumption.',
    'cost.month': 'This month so far', 'cost.since': 'since {day}', 'cost.total': 'Total', 'cost.lines': 'Invoice lines',
    'cost.party': 'Invoice', 'cost.item': 'Item', 'cost.quantity': 'Quantity', 'cost.unitPrice': 'Unit price (kr)', 'cost.amount': 'Amount (kr)',
    'cost.months': 'month', 'cost.unpriced': 'without a spot price: {count}',
    'cost.party.supplier': 'Electricity (supplier)', 'cost.party.grid': 'Grid (nettleie)', 'cost.party.support': 'Support (strømstøtte or Norgespris)',
    'cost.monthNote': 'An estimate from the meter\'s hours: kroner including VAT; monthly fees shared by the days so far.',
    'cost.off': 'No cost configured: add prices: and grid: to han\'s configuration to see what your electricity costs (docs/cost.md).',
    'meter.identity': 'Meter', 'meter.name': 'Name', 'meter.manufacturer': 'Manufacturer', 'meter.id': 'Meter ID', 'meter.type': 'Type',
    'meter.listVersion': 'List version', 'meter.lastReading': 'Last reading', 'meter.line': 'Line and decoding', 'meter.lineState': 'State',
    'meter.lineSettings': 'Line settings', 'meter.readings': 'Readings', 'meter.frames': 'Frames', 'meter.checksumErrors': 'Checksum errors',
    'meter.cutFrames': 'Cut frames', 'meter.skippedBytes': 'Skipped bytes', 'meter.undecoded': 'Undecoded frames', 'meter.flaggedHours': 'Flagged hours this month',
    'meter.lineWaiting': 'The line\'s counters come every 10 seconds.',
    'meter.outputs': 'Outputs', 'meter.noOutputs': 'No output queues reported.', 'meter.sink': 'Output', 'meter.queued': 'Queued', 'meter.written': 'Written',
    'meter.dropped': 'Dropped', 'meter.failed': 'Failed', 'meter.version': 'Version', 'meter.uptime': 'Running for', 'meter.zone': 'Time zone',
    'meter.program': 'han', 'meter.storage': 'Storage', 'meter.historyFrom': 'History from', 'meter.historyTo': 'History to',
    'line.starting': 'starting', 'line.connected': 'connected', 'line.connecting': 'connecting', 'line.finding the line setting': 'finding the line setting',
    'line.disconnected': 'disconnected', 'line.unavailable': 'unavailable', 'line.ended': 'ended',
  },
  nb: {
    'nav.now': 'Nå', 'nav.history': 'Historikk', 'nav.peaks': 'Topper', 'nav.cost': 'Kostnad', 'nav.meter': 'Måler',
    'meter.pick': 'Måler', 'language.toggle': 'English', 'theme.toggle': 'Lyst eller mørkt',
    'banner.retry': 'Prøv igjen', 'banner.down': 'han-programmet svarer ikke. Prøver igjen …',
    'banner.stream': 'Direktestrømmen ble brutt; kobler til igjen …', 'banner.failed': 'Noe gikk galt: {problem}',
    'foot.api': 'Alt her kommer fra API-et til han-programmet:',
    'token.title': 'Tilgangsnøkkel trengs', 'token.text': 'Dette han-programmet krever en tilgangsnøkkel (web.token i oppsettet). Skriv den inn én gang, så husker nettleseren den.',
    'token.label': 'Tilgangsnøkkel', 'token.open': 'Åpne',
    'meters.none': 'Ingen måler ennå', 'meters.noneHint': 'Legg til en måler under meters: i oppsettet til han-programmet.',
    'power.import': 'Forbruk', 'power.export': 'Produksjon',
    'now.power': 'Effekt nå', 'now.at': 'kl. {time}', 'now.waiting': 'venter på måleren …', 'now.lastHour': 'Siste time',
    'now.phases': 'Faser', 'now.phase': 'Fase', 'now.noPhases': 'Denne måleren sender ikke faseverdier.',
    'now.powerFactor': 'Effektfaktor', 'now.frequency': 'Frekvens', 'now.reactiveImport': 'Reaktiv effekt inn', 'now.reactiveExport': 'Reaktiv effekt ut',
    'now.registers': 'Energiregistre', 'now.registerImport': 'Forbruk (måler)', 'now.registerExport': 'Produksjon (måler)',
    'now.estimateImport': 'Forbruk (anslått)', 'now.estimateExport': 'Produksjon (anslått)',
    'now.reactiveEnergyImport': 'Reaktiv inn', 'now.reactiveEnergyExport': 'Reaktiv ut', 'now.meterTime': 'Målerens klokke',
    'now.noRegisters': 'Måleren har ikke sendt registrene ennå (de fleste sender dem én gang i timen).',
    'now.registersNote': 'Målerens registre er eksakte; anslagene summerer effekten mellom to avlesninger av dem.',
    'now.today': 'I dag, per time', 'now.month': 'Denne måneden, per dag',
    'energy.estimated': 'estimert', 'energy.flagged': 'flagget', 'energy.estimatedOrFlagged': 'estimert eller flagget',
    'energy.estimatedCount': 'estimert: {count}', 'energy.flaggedCount': 'flagget: {count}',
    'energy.hint': 'Pek på en søyle for tallene; dra over søylene for å zoome, dobbeltklikk for å zoome ut.',
    'energy.nothing': 'ingenting registrert', 'energy.table': 'Som tabell', 'energy.period': 'Periode', 'energy.note': 'Merknad',
    'history.day': 'Dag', 'history.month': 'Måned', 'history.year': 'År', 'history.hours': 'Timer', 'history.quarters': '15 min',
    'history.previous': 'Forrige', 'history.next': 'Neste', 'history.current': 'Denne måneden',
    'history.current.day': 'I dag', 'history.current.month': 'Denne måneden', 'history.current.year': 'I år',
    'history.title.power': 'Effekt per minutt', 'history.title.day': 'Energi per time', 'history.title.month': 'Energi per dag', 'history.title.year': 'Energi per måned',
    'history.none': 'Ingen historikk ennå', 'history.noneHint': '«han import» fyller den fra opptak, og «han run» legger til hver time fra nå av.',
    'history.notKept': 'Historikken lagres ikke', 'history.notKeptHint': 'Legg til storage: i oppsettet til han-programmet for å ta vare på hver time.',
    'history.emptyPeriod': 'Ingenting registrert i denne perioden', 'history.emptyHint': 'Velg en annen periode, eller fyll den med «han import».',
    'peaks.thisHour': 'Denne timen', 'peaks.noCurrent': 'Ingen avlesning ennå denne timen.', 'peaks.soFar': 'hittil, etter {time}', 'peaks.projected': 'anslått for timen',
    'peaks.raises': 'vil heve kapasitetstrinnet', 'peaks.below': 'holder seg under toppene',
    'peaks.against': 'Månedens tre høyeste timer (på ulike dager) er i snitt {basis}; en ny må slå {lowest}.',
    'peaks.fewer': 'Færre enn tre dager så langt denne måneden: hver nye dags høyeste time teller.',
    'peaks.basis': 'Grunnlag for kapasitetsledd', 'peaks.basisNote': 'Snittet av månedens tre høyeste timer på tre ulike dager, bare fra pålitelige timer. Nettselskapets kapasitetstrinn følger av det.',
    'peaks.top': 'De tre høyeste timene', 'peaks.none': 'Ingen timer registrert denne måneden.', 'peaks.flagged': 'Flaggede timer holdt utenfor: {count}',
    'cost.today': 'I dag så langt', 'cost.thisHour': 'denne timen så langt: {amount}', 'cost.priceNow': 'Pris nå',
    'cost.allIn': 'per kWh, alt inkludert: spotpris, påslag, nettleie, avgifter og mva., minus støtte', 'cost.noPrice': 'Ingen spotpris for denne timen ennå.',
    'cost.step': 'Kapasitetstrinn', 'cost.noStep': 'Nettleien har ikke kapasitetstrinn.', 'cost.stepFrom': 'fra {from}',
    'cost.perMonth': '{amount} per måned', 'cost.headroom': '{kwh} igjen denne timen før trinnet går opp', 'cost.topStep': 'øverste trinn',
    'cost.curve': 'Pris i dag, med forbruk', 'cost.allInLegend': 'Pris, alt inkludert (kr/kWh)', 'cost.spot': 'Spotpris',
    'cost.spotIs': 'spot {price}', 'cost.hint': 'Pek på en time for pris og forbruk.',
    'cost.month': 'Denne måneden så langt', 'cost.since': 'fra {day}', 'cost.total': 'Totalt', 'cost.lines': 'Fakturalinjer',
    'cost.party': 'Faktura', 'cost.item': 'Post', 'cost.quantity': 'Mengde', 'cost.unitPrice': 'Enhetspris (kr)', 'cost.amount': 'Beløp (kr)',
    'cost.months': 'mnd.', 'cost.unpriced': 'uten spotpris: {count}',
    'cost.party.supplier': 'Strøm (leverandør)', 'cost.party.grid': 'Nettleie', 'cost.party.support': 'Støtte (strømstøtte eller Norgespris)',
    'cost.monthNote': 'Et anslag fra målerens timer: kroner inkludert mva.; månedsbeløp fordelt på dagene så langt.',
    'cost.off': 'Ingen kostnad satt opp: legg til prices: og grid: i oppsettet til han-programmet for å se hva strømmen koster (docs/cost.md).',
    'meter.identity': 'Måler', 'meter.name': 'Navn', 'meter.manufacturer': 'Produsent', 'meter.id': 'Måler-ID', 'meter.type': 'Type',
    'meter.listVersion': 'Listeversjon', 'meter.lastReading': 'Siste avlesning', 'meter.line': 'Linje og dekoding', 'meter.lineState': 'Tilstand',
    'meter.lineSettings': 'Linjeoppsett', 'meter.readings': 'Avlesninger', 'meter.frames': 'Rammer', 'meter.checksumErrors': 'Sjekksumfeil',
    'meter.cutFrames': 'Avkortede rammer', 'meter.skippedBytes': 'Overhoppede byte', 'meter.undecoded': 'Udekodede rammer', 'meter.flaggedHours': 'Flaggede timer denne måneden',
    'meter.lineWaiting': 'Linjens tellere kommer hvert 10. sekund.',
    'meter.outputs': 'Utganger', 'meter.noOutputs': 'Ingen utgangskøer rapportert.', 'meter.sink': 'Utgang', 'meter.queued': 'I kø', 'meter.written': 'Skrevet',
    'meter.dropped': 'Forkastet', 'meter.failed': 'Feilet', 'meter.version': 'Versjon', 'meter.uptime': 'Oppetid', 'meter.zone': 'Tidssone',
    'meter.program': 'han-programmet', 'meter.storage': 'Lagring', 'meter.historyFrom': 'Historikk fra', 'meter.historyTo': 'Historikk til',
    'line.starting': 'starter', 'line.connected': 'tilkoblet', 'line.connecting': 'kobler til', 'line.finding the line setting': 'finner linjeoppsettet',
    'line.disconnected': 'frakoblet', 'line.unavailable': 'utilgjengelig', 'line.ended': 'avsluttet',
  },
};

const storageKey = 'han.language';

function initial() {
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored in dictionaries) return stored;
  } catch { /* not remembered */ }
  // The first of the browser's languages that is English or Norwegian (bokmål, nynorsk or plain "no").
  for (const tag of navigator.languages ?? [navigator.language]) {
    if (/^(nb|no|nn)\b/i.test(tag)) return 'nb';
    if (/^en\b/i.test(tag)) return 'en';
  }
  return 'en';
}

let chosen = initial();

export const language = () => chosen;
export const locale = () => chosen === 'nb' ? 'nb-NO' : 'en-GB';

export function setLanguage(next) {
  chosen = next in dictionaries ? next : 'en';
  try { localStorage.setItem(storageKey, chosen); } catch { /* not remembered */ }
}

/** The text of a key in the chosen language, with {name} filled from values; the fallback (or the key) when none has it. */
export function t(key, values = {}, fallback = key) {
  const text = dictionaries[chosen][key] ?? dictionaries.en[key] ?? fallback;
  return text.replace(/\{(\w+)\}/g, (whole, name) => values[name] ?? whole);
}

/** Translates the page's fixed texts: data-text sets the text, data-label the accessible name and tooltip. */
export function translate(root) {
  root.querySelectorAll('[data-text]').forEach(e => { e.textContent = t(e.dataset.text); });
  root.querySelectorAll('[data-label]').forEach(e => { e.setAttribute('aria-label', t(e.dataset.label)); e.title = t(e.dataset.label); });
}

/** The keys each dictionary lacks, for the tests: both must say everything. */
export function missingKeys() {
  const all = new Set(Object.values(dictionaries).flatMap(Object.keys));
  return Object.fromEntries(Object.entries(dictionaries).map(([name, d]) => [name, [...all].filter(k => !(k in d))]));
}
