import { describe, expect, it, vi } from 'vitest';
import { UpstreamError } from '@/lib/errors';
import type { PrometheusClient } from '@/lib/prometheus/client';
import type { Sample } from '@/lib/mesh/types';
import { readObservedCalls } from './observed-calls';

function fakeProm(answer: (q: string) => Promise<Sample[]>) {
  const instantQuery = vi.fn(answer);
  return { prom: { instantQuery } as unknown as PrometheusClient, instantQuery };
}

const labels = {
  source_workload: 'legacy',
  source_workload_namespace: 'legacy',
  source_principal: 'unknown',
  destination_workload: 'cart',
  destination_workload_namespace: 'shop',
  connection_security_policy: 'none',
};

describe('readObservedCalls', () => {
  it('sends three queries whatever the number of namespaces and decodes them', async () => {
    const { prom, instantQuery } = fakeProm((q) =>
      Promise.resolve(
        q.includes('istio_requests_total')
          ? [{ labels: { ...labels, response_code: '200' }, value: 2 }]
          : q.includes('sent')
            ? [{ labels, value: 10 }]
            : [],
      ),
    );
    const calls = await readObservedCalls(['shop', 'bookinfo', 'a', 'b'], '5m', prom);
    expect(instantQuery).toHaveBeenCalledTimes(3);
    expect(calls).toEqual([
      expect.objectContaining({ source: 'legacy', target: 'cart', rps: 2, bytesPerSecond: 10 }),
    ]);
  });

  it('asks nothing for no namespace', async () => {
    const { prom, instantQuery } = fakeProm(() => Promise.resolve([]));
    expect(await readObservedCalls([], '5m', prom)).toEqual([]);
    expect(instantQuery).not.toHaveBeenCalled();
  });

  it("passes Prometheus' problem on", async () => {
    const { prom } = fakeProm(() => Promise.reject(new UpstreamError('prometheus', 'refused')));
    await expect(readObservedCalls('all', '5m', prom)).rejects.toBeInstanceOf(UpstreamError);
  });

  it('gives up after its deadline', async () => {
    vi.useFakeTimers();
    try {
      const { prom } = fakeProm(() => new Promise<Sample[]>(() => undefined));
      const pending = readObservedCalls('all', '5m', prom);
      const assertion = expect(pending).rejects.toThrow(/did not answer the security queries/);
      await vi.advanceTimersByTimeAsync(10_001);
      await assertion;
    } finally {
      vi.useRealTimers();
    }
  });
});
