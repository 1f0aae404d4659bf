// han's REST API, the dashboard's only source (issue 10, point 5). Paths are relative, so the dashboard
// also works behind a reverse proxy under a sub-path. Failures are sorted into what the page can say:
// the token is missing (401), the thing asked for is not there (404), or han does not answer.

export class Unauthorized extends Error {}
export class NotFound extends Error {}
export class Unreachable extends Error {}

export async function get(path) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  } catch (problem) {
    throw new Unreachable(String(problem));
  }
  if (response.status === 401) throw new Unauthorized(path);
  if (response.status === 404) throw new NotFound(path);
  if (!response.ok) throw new Unreachable(`${path}: ${response.status}${await errorOf(response)}`);
  return response.json();
}

/** The API's own words for a failure ({"error": ...}), so the banner says what to do; empty when it gave none. */
async function errorOf(response) {
  try {
    const body = await response.json();
    return typeof body?.error === 'string' ? `: ${body.error}` : '';
  } catch {
    return '';
  }
}

const meterPath = name => `api/meters/${encodeURIComponent(name)}`;
const query = parameters => new URLSearchParams(Object.entries(parameters).filter(([, v]) => v != null)).toString();

export const meters = () => get('api/meters');
export const live = name => get(`${meterPath(name)}/live`);
export const recent = name => get(`${meterPath(name)}/live/recent`);
export const streamUrl = name => `${meterPath(name)}/live/stream`;
export const history = () => get('api/history');
export const status = () => get('api/status');
export const energy = (name, resolution, from, to) => get(`${meterPath(name)}/energy?${query({ resolution, from, to })}`);
export const power = (name, from, to) => get(`${meterPath(name)}/power?${query({ from, to })}`);
export const capacity = (name, month) => get(`${meterPath(name)}/capacity?${query({ month })}`);
/** The cost now and so far; NotFound when han has no cost configured (prices: and grid:). */
export const cost = name => get(`${meterPath(name)}/cost`);

/** The answer, or null from a han that has no such endpoint (an older version). */
async function orNull(read) {
  try {
    return await read();
  } catch (problem) {
    if (problem instanceof NotFound) return null;
    throw problem;
  }
}

export const historyOrNull = () => orNull(history);
export const statusOrNull = () => orNull(status);
export const powerOrNull = (name, from, to) => orNull(() => power(name, from, to));
