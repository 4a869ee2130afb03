/**
 * Windows are Prometheus durations (https://prometheus.io/docs/prometheus/latest/querying/basics/#float-literals-and-time-durations):
 * one or more `<integer><unit>` parts, units ms, s, m, h, d, w, y, largest first. Meshlens
 * writes them back in one unit when one fits, so a window has one spelling in URLs and cache keys.
 */

const UNIT_SECONDS = {
  y: 365 * 86_400,
  w: 7 * 86_400,
  d: 86_400,
  h: 3_600,
  m: 60,
  s: 1,
  ms: 0.001,
} as const;
type Unit = keyof typeof UNIT_SECONDS;
const ORDER: readonly Unit[] = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];

const WHOLE = /^(?:\d+(?:ms|[smhdwy]))+$/;
const PART = /(\d+)(ms|[smhdwy])/g;

/** Seconds in a Prometheus duration, or undefined when the text is not one (units out of order too). */
export function parseDuration(text: string): number | undefined {
  if (text.length > 40 || !WHOLE.test(text)) return undefined;
  let seconds = 0;
  let last = -1;
  for (const [, n, unit] of text.matchAll(PART)) {
    const at = ORDER.indexOf(unit as Unit);
    if (at <= last) return undefined;
    last = at;
    seconds += Number(n) * UNIT_SECONDS[unit as Unit];
  }
  return seconds;
}

/** A duration in one unit, as Meshlens writes windows: "90s", "5m", "1d". */
export type Duration = `${number}${'s' | 'm' | 'h' | 'd' | 'w'}`;

/** The shortest spelling in whole units of at least a second: 5400 → "90m", 86400 → "1d". */
export function formatDuration(seconds: number): Duration {
  const whole = Math.max(1, Math.round(seconds));
  for (const unit of ['d', 'h', 'm'] as const)
    if (whole % UNIT_SECONDS[unit] === 0) return `${whole / UNIT_SECONDS[unit]}${unit}`;
  return `${whole}s`;
}

/** An end as URLs carry it: RFC 3339 in UTC to the second. */
export function formatEnd(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
