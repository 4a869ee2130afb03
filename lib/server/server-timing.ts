/** One `Server-Timing` metric (https://www.w3.org/TR/server-timing/); durations in milliseconds. */
export interface TimingEntry {
  readonly name: string;
  readonly durMs?: number;
  readonly desc?: string;
}

/**
 * The `Server-Timing` header value. Browsers show it in the network panel and the bench reads it, so
 * a slow graph can be told apart as Prometheus' time or ours without a profiler.
 */
export function serverTimingHeader(entries: readonly TimingEntry[]): string {
  return entries
    .map((e) => {
      let s = e.name;
      if (e.durMs !== undefined) s += `;dur=${e.durMs.toFixed(1)}`;
      if (e.desc !== undefined) s += `;desc="${e.desc.replace(/["\\]/g, '')}"`;
      return s;
    })
    .join(', ');
}

/**
 * `data` as JSON with its timings, plus the serialisation and the whole handler's time (`startedMs`
 * from performance.now() when the handler began).
 */
export function timedJson(
  data: unknown,
  entries: readonly TimingEntry[],
  startedMs: number,
  headers: Readonly<Record<string, string>> = {},
): Response {
  const t = performance.now();
  const body = JSON.stringify(data);
  const now = performance.now();
  const timing = serverTimingHeader([
    ...entries,
    { name: 'json', durMs: now - t },
    { name: 'total', durMs: now - startedMs },
  ]);
  return new Response(body, {
    headers: { 'content-type': 'application/json', 'server-timing': timing, ...headers },
  });
}
