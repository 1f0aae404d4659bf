// Light and dark: the system's choice (prefers-color-scheme) until the toggle says otherwise; the toggle's
// choice is remembered in localStorage. index.html sets the first theme before the page is painted.
const key = 'han.theme';
const system = matchMedia('(prefers-color-scheme: dark)');
const listeners = new Set();

function stored() {
  try { return localStorage.getItem(key); } catch { return null; }
}

export const current = () => document.documentElement.dataset.theme;

function apply(theme) {
  if (theme === current()) return;
  document.documentElement.dataset.theme = theme;
  listeners.forEach(listener => listener(theme));
}

/** Calls back after every change of theme (charts read their colours from the stylesheet); returns the way to stop. */
export function onChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function toggle() {
  const next = current() === 'dark' ? 'light' : 'dark';
  try { localStorage.setItem(key, next); } catch { /* not remembered, still shown */ }
  apply(next);
}

system.addEventListener('change', () => {
  if (stored() == null) apply(system.matches ? 'dark' : 'light');
});

/** A colour of the stylesheet's variables, for the charts' canvas. */
export const color = name => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
