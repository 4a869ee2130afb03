import { parseDurationMs } from '../model/duration.js';

/** Query parameter parsing with Jaeger's rules and error texts (query_parser.go, http_gateway.go). */

export class ParamError extends Error {}

/** A value read under the first name present (the v3 gateway reads snake_case, its OpenAPI says camelCase). */
export interface Param {
  name: string;
  raw: string | null;
}

export function param(q: URLSearchParams, ...names: string[]): Param {
  for (const name of names) {
    const raw = q.get(name);
    if (raw !== null && raw !== '') return { name, raw };
  }
  return { name: names[0] ?? '', raw: null };
}

export function durationUs({ name, raw }: Param): number | undefined {
  if (raw === null) return undefined;
  const ms = parseDurationMs(raw);
  if (ms === null)
    throw new ParamError(`unable to parse param '${name}': time: invalid duration "${raw}"`);
  return ms * 1000;
}

export function integer({ name, raw }: Param): number | undefined {
  if (raw === null) return undefined;
  if (!/^-?\d+$/.test(raw))
    throw new ParamError(
      `unable to parse param '${name}': strconv.ParseInt: parsing "${raw}": invalid syntax`,
    );
  return Number(raw);
}

/** RFC 3339 (nanosecond precision allowed) → µs since the epoch. */
export function rfc3339Us({ name, raw }: Param): number | undefined {
  if (raw === null) return undefined;
  const m = /^(.*T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/.exec(raw);
  const ms = m ? Date.parse(`${m[1]}${m[3]}`) : NaN;
  if (!m || Number.isNaN(ms))
    throw new ParamError(
      `malformed parameter ${name}: parsing time "${raw}" as "2006-01-02T15:04:05.999999999Z07:00"`,
    );
  return ms * 1000 + Math.floor(Number(`0.${m[2] ?? '0'}`) * 1e6);
}
