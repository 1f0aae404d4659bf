// HTML from template literals: every value put in is escaped (a meter's name, a flag's text), unless it
// is itself made by html`` or is a list of such. Keeps the pages free of a framework and of injection.
class Markup {
  constructor(text) { this.text = text; }
  toString() { return this.text; }
}

const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escape = text => String(text).replace(/[&<>"']/g, c => entities[c]);

function put(value) {
  if (value == null || value === false) return '';
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map(put).join('');
  return escape(value);
}

export function html(strings, ...values) {
  return new Markup(strings.reduce((out, piece, i) => out + piece + (i < values.length ? put(values[i]) : ''), ''));
}
