/**
 * Windows and ends as URLs and the API write them, read the same way in the browser (which falls
 * back to a default) and on the server (which answers 400).
 */
import { formatDuration, parseDuration, type Duration } from './duration';
import { MAX_WINDOW_SECONDS, MIN_WINDOW_SECONDS } from './time-range';

export type WindowReading =
  | { readonly ok: true; readonly window: Duration }
  | { readonly ok: false; readonly message: string };

export function readWindow(text: string): WindowReading {
  const seconds = parseDuration(text);
  if (seconds === undefined)
    return {
      ok: false,
      message: `${JSON.stringify(text.slice(0, 40))} is not a Prometheus duration such as 5m, 6h or 7d`,
    };
  if (seconds < MIN_WINDOW_SECONDS || seconds > MAX_WINDOW_SECONDS)
    return {
      ok: false,
      message: `from ${formatDuration(MIN_WINDOW_SECONDS)} to ${formatDuration(MAX_WINDOW_SECONDS)}, got ${text.slice(0, 40)}`,
    };
  return { ok: true, window: formatDuration(seconds) };
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const UNIX_SECONDS = /^\d{1,12}(\.\d+)?$/;

/** An end as epoch ms, from RFC 3339 (2026-12-05T11:00:00Z) or Unix seconds; undefined otherwise. */
export function readEnd(text: string): number | undefined {
  if (text.length > 40) return undefined;
  const ms = UNIX_SECONDS.test(text)
    ? Number(text) * 1000
    : RFC3339.test(text)
      ? Date.parse(text)
      : Number.NaN;
  return Number.isFinite(ms) ? Math.floor(ms) : undefined;
}
