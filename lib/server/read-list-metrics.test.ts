import { beforeEach, describe, expect, it, vi } from 'vitest';
import { UpstreamUnavailableError } from '@/lib/errors';
import { BOOKINFO_INVENTORY, bookinfoRequests, workload } from '@/lib/mesh/testing/graph-samples';
import type { Inventory, Sample, Series } from '@/lib/mesh/types';

const instantQuery = vi.fn<(q: string, timeMs?: number) => Promise<Sample[]>>();
const rangeQuery = vi.fn<(q: string, startMs: number, endMs: number) => Promise<Series[]>>();
let scrapeIntervalSeconds = 15;

// As the real client does, a query is counted where it is sent.
vi.mock('@/lib/prometheus/client', async () => {
  const { noteQuerySent } = await import('@/lib/prometheus/query-count');
  return {
    getPrometheusClient: () => ({
      instantQuery: (q: string, timeMs?: number) => {
        noteQuerySent();
        return instantQuery(q, timeMs);
      },
      rangeQuery: (q: string, startMs: number, endMs: number) => {
        noteQuerySent();
        return rangeQuery(q, startMs, endMs);
      },
      limits: () => Promise.resolve({ scrapeIntervalSeconds, retentionSeconds: 30 * 86_400 }),
    }),
  };
});

const { readListMetrics } = await import('./read-list-metrics');

const cluster = (inventory: Inventory) => ({ inventory, externalHosts: [] });
const END = Date.now() - 3_600_000;

describe('readListMetrics', () => {
  beforeEach(() => {
    scrapeIntervalSeconds = 15;
    instantQuery.mockReset();
    rangeQuery.mockReset();
    instantQuery.mockImplementation((q) =>
      Promise.resolve(q.includes('istio_requests_total') ? bookinfoRequests() : []),
    );
    rangeQuery.mockResolvedValue([]);
  });

  it('asks three queries at the end of the window, however many rows the list has', async () => {
    const many: Inventory = {
      ...BOOKINFO_INVENTORY,
      workloads: Array.from({ length: 500 }, (_, i) => workload('bookinfo', `w${i}`)),
    };
    for (const inventory of [BOOKINFO_INVENTORY, many]) {
      instantQuery.mockClear();
      rangeQuery.mockClear();
      const m = await readListMetrics('workload', ['bookinfo'], cluster(inventory), {
        window: '6h',
        end: END,
      });
      expect(m.queries).toBe(3);
      expect(instantQuery).toHaveBeenCalledTimes(2);
      expect(instantQuery.mock.calls.every(([, t]) => t === END)).toBe(true);
      expect(rangeQuery).toHaveBeenCalledTimes(1);
      const [query, start, end] = rangeQuery.mock.calls[0] ?? [];
      // A 15-minute step over 6h, each point a rate over four steps so no request falls between two.
      expect(query).toContain('[3600s]');
      expect(end).toBeLessThanOrEqual(END);
      expect((end ?? 0) - (start ?? 0)).toBeLessThanOrEqual(6 * 3_600_000);
      expect(m.sparklines?.timestamps.length).toBeLessThanOrEqual(30);
      expect(m.graph?.nodes.length).toBeGreaterThanOrEqual(inventory.workloads.length);
    }
  });

  it('keeps the rates when latencies or sparklines fail, saying what is missing', async () => {
    instantQuery.mockImplementation((q) =>
      q.includes('duration')
        ? Promise.reject(new UpstreamUnavailableError('prometheus', 'timed out'))
        : Promise.resolve(bookinfoRequests()),
    );
    rangeQuery.mockRejectedValue(new UpstreamUnavailableError('prometheus', 'too many samples'));
    const m = await readListMetrics('service', ['bookinfo'], cluster(BOOKINFO_INVENTORY), {
      window: '1m',
    });
    expect(m.graph).toBeDefined();
    expect(m.sparklines).toBeUndefined();
    expect(m.warnings).toEqual([
      'Latency percentiles are missing: timed out',
      'Request rate sparklines are missing: too many samples',
    ]);
  });

  it('turns an unreachable Prometheus into a reason, and a window it cannot answer into a 400', async () => {
    instantQuery.mockRejectedValue(new UpstreamUnavailableError('prometheus', 'unreachable'));
    await expect(
      readListMetrics('app', undefined, cluster(BOOKINFO_INVENTORY), { window: '1m' }),
    ).resolves.toEqual({ metricsError: 'unreachable', queries: 0 });
    scrapeIntervalSeconds = 60;
    await expect(
      readListMetrics('app', undefined, cluster(BOOKINFO_INVENTORY), { window: '1m' }),
    ).rejects.toMatchObject({ status: 400, detail: expect.stringMatching(/^window: at least 2m/) });
  });
});
