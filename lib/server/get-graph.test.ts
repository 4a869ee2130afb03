import { beforeEach, describe, expect, it, vi } from 'vitest';
import { UpstreamUnavailableError } from '@/lib/errors';
import { BOOKINFO_INVENTORY, bookinfoRequests } from '@/lib/mesh/testing/graph-samples';
import type { Sample } from '@/lib/mesh/types';
import type { Identity } from '@/lib/auth/identity';

const instantQuery = vi.fn<(q: string) => Promise<Sample[]>>();

// As the real client does, a query is counted where it is sent, not where it is cached or joined.
vi.mock('@/lib/prometheus/client', async () => {
  const { noteQuerySent } = await import('@/lib/prometheus/query-count');
  return {
    getPrometheusClient: () => ({
      instantQuery: (q: string) => {
        noteQuerySent();
        return instantQuery(q);
      },
      limits: () => Promise.resolve({ scrapeIntervalSeconds: 15, retentionSeconds: 86_400 }),
    }),
  };
});
vi.mock('./read-cluster', () => ({
  readCluster: () => Promise.resolve({ inventory: BOOKINFO_INVENTORY, externalHosts: [] }),
}));

const { getGraph } = await import('./get-graph');
const ANONYMOUS: Identity = { kind: 'anonymous' };

let namespaceSeq = 0;
/** A fresh cache key per test, since the graph cache is process-wide. */
const request = (): Parameters<typeof getGraph>[0] => ({
  namespaces: ['bookinfo', `t${++namespaceSeq}`],
  type: 'workload',
  ambient: 'total',
  window: '5m',
  idle: false,
});

describe('getGraph', () => {
  beforeEach(() => {
    instantQuery.mockReset();
  });

  it('asks Prometheus five queries and builds the graph', async () => {
    instantQuery.mockImplementation((q) =>
      Promise.resolve(
        q.startsWith('sum by (reporter') && q.includes('istio_requests_total')
          ? bookinfoRequests()
          : [],
      ),
    );
    const { graph, queries, timings } = await getGraph(request(), ANONYMOUS);
    expect(instantQuery).toHaveBeenCalledTimes(5);
    expect(queries).toBe(5);
    expect(graph.edges.length).toBeGreaterThan(0);
    expect(graph).not.toHaveProperty('warnings');
    expect(timings.map((t) => t.name)).toEqual(['prom', 'kube', 'build', 'cache']);
  });

  it('shares one build between identical concurrent requests', async () => {
    instantQuery.mockResolvedValue([]);
    const req = request();
    const results = await Promise.all([
      getGraph(req, ANONYMOUS),
      getGraph({ ...req, namespaces: [...req.namespaces].reverse() }, ANONYMOUS),
    ]);
    expect(instantQuery).toHaveBeenCalledTimes(5);
    expect(results.map((r) => r.timings.find((t) => t.name === 'cache')?.desc).sort()).toEqual([
      'hit',
      'miss',
    ]);
    expect(results.map((r) => r.queries).sort()).toEqual([0, 5]);
    expect((await getGraph(req, ANONYMOUS)).queries).toBe(0);
  });

  it('still returns the graph, with a warning, when only the latency query fails', async () => {
    instantQuery.mockImplementation((q) =>
      q.includes('duration')
        ? Promise.reject(new UpstreamUnavailableError('prometheus', 'timed out after 8000 ms'))
        : Promise.resolve(q.includes('istio_requests_total') ? bookinfoRequests() : []),
    );
    const { graph } = await getGraph(request(), ANONYMOUS);
    expect(graph.edges.length).toBeGreaterThan(0);
    expect(graph.warnings).toEqual(['Latency percentiles are missing: timed out after 8000 ms']);
  });

  it('fails with the upstream error when the request rates are unavailable', async () => {
    instantQuery.mockImplementation((q) =>
      q.includes('istio_requests_total')
        ? Promise.reject(new UpstreamUnavailableError('prometheus', 'connection refused'))
        : Promise.resolve([]),
    );
    await expect(getGraph(request(), ANONYMOUS)).rejects.toMatchObject({ status: 503 });
  });
});
