import { graphQueries } from '../lib/prometheus/graph-queries';

export interface ServerSample {
  readonly totalMs: number;
  /** From the response's Server-Timing header. */
  readonly timing: Readonly<Record<string, number>>;
  readonly bytes: number;
  readonly queries: number;
  readonly nodes: number;
  readonly edges: number;
}

export function parseServerTiming(header: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().split(';');
    const dur = params.find((p) => p.startsWith('dur='));
    if (name && dur) out[name] = Number(dur.slice(4));
  }
  return out;
}

export async function sampleGraph(url: string): Promise<ServerSample> {
  const t = performance.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  const text = await res.text();
  const totalMs = performance.now() - t;
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status} ${text.slice(0, 300)}`);
  const graph = JSON.parse(text) as { nodes: unknown[]; edges: unknown[] };
  return {
    totalMs,
    timing: parseServerTiming(res.headers.get('server-timing') ?? ''),
    bytes: Buffer.byteLength(text),
    queries: Number(res.headers.get('meshlens-prometheus-queries')),
    nodes: graph.nodes.length,
    edges: graph.edges.length,
  };
}

/** The graph's queries sent straight to Prometheus in parallel: the floor under /api/graph. */
export async function timePrometheusAlone(
  prometheusUrl: string,
  namespaces: readonly string[],
): Promise<number> {
  const q = graphQueries(namespaces, '5m');
  const t = performance.now();
  await Promise.all(
    Object.values(q).map(async (query) => {
      const res = await fetch(`${prometheusUrl}/api/v1/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ query }).toString(),
        signal: AbortSignal.timeout(60_000),
      });
      await res.text();
      if (res.status !== 200) throw new Error(`Prometheus answered HTTP ${res.status}`);
    }),
  );
  return performance.now() - t;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}
