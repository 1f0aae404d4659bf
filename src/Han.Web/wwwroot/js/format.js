// Numbers, units and dates in the chosen language (Intl), and calendar steps in the meter's time zone.
// Power is W (kW from 10 kW on), energy kWh: the units the meter and the grid company's bill use.
import { locale } from './i18n.js';

const cache = new Map();
function numberFormat(minimum, maximum) {
  const key = `${locale()}|${minimum}|${maximum}`;
  if (!cache.has(key)) cache.set(key, new Intl.NumberFormat(locale(), { minimumFractionDigits: minimum, maximumFractionDigits: maximum }));
  return cache.get(key);
}

export const number = (value, digits = 0, minimum = digits) => value == null ? '–' : numberFormat(minimum, digits).format(value);

/** A number and its unit, kept on one line by a no-break space. */
export const withUnit = (text, unit) => `${text}\u00a0${unit}`;

export function power(watts) {
  if (watts == null) return '–';
  return Math.abs(watts) >= 10000 ? withUnit(number(watts / 1000, 2), 'kW') : withUnit(number(watts, 0), 'W');
}

export const energy = (kwh, digits = 2) => kwh == null ? '–' : withUnit(number(kwh, digits), 'kWh');

/** Formats an instant in a time zone; options as Intl.DateTimeFormat takes them. */
export function instant(date, zone, options) {
  return new Intl.DateTimeFormat(locale(), { timeZone: zone, ...options }).format(date);
}

export const clock = (date, zone) => instant(date, zone, { hour: '2-digit', minute: '2-digit' });
export const clockSeconds = (date, zone) => instant(date, zone, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
export const dayName = (date, zone) => instant(date, zone, { weekday: 'short', day: 'numeric', month: 'short' });
export const fullDate = (date, zone) => instant(date, zone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
export const monthName = (date, zone) => instant(date, zone, { month: 'long', year: 'numeric' });
export const dateTime = (date, zone) => instant(date, zone, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The length of a period in words: "3 h 12 min", from seconds. */
export function duration(seconds) {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  return `${minutes} min ${Math.floor(seconds % 60)} s`;
}

/** The browser's own zone: the meters' zone until the history says which one han uses. */
export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** An instant's date in a zone, as YYYY-MM-DD (the calendar the API's from/to take). */
export const dateOf = (date, zone) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);

/** Today's date in a zone, as YYYY-MM-DD. */
export const today = zone => dateOf(new Date(), zone);

// Calendar steps on YYYY-MM-DD, YYYY-MM and YYYY strings: plain calendar arithmetic, no time zone.
const pad = n => String(n).padStart(2, '0');
export function addDays(day, count) {
  const [y, m, d] = day.split('-').map(Number);
  const moved = new Date(Date.UTC(y, m - 1, d + count));
  return `${moved.getUTCFullYear()}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}
export function addMonths(month, count) {
  const [y, m] = month.split('-').map(Number);
  const moved = new Date(Date.UTC(y, m - 1 + count, 1));
  return `${moved.getUTCFullYear()}-${pad(moved.getUTCMonth() + 1)}`;
}
export const addYears = (year, count) => String(Number(year) + count);

/** A calendar label that needs no zone: the day, month or year a YYYY[-MM[-DD]] string names. */
export function calendarLabel(period) {
  const [y, m, d] = period.split('-').map(Number);
  const date = new Date(Date.UTC(y, (m || 1) - 1, d || 1, 12));
  if (d) return fullDate(date, 'UTC');
  if (m) return monthName(date, 'UTC');
  return String(y);
}
