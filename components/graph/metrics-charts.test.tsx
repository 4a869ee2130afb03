import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithQueries } from '@/components/testing/fake-api';
import type { MetricsTarget } from '@/lib/client/query-keys';
import { MetricsCharts } from './metrics-charts';

const edge: MetricsTarget = {
  kind: 'edge',
  type: 'workload',
  namespace: 'shop',
  source: 'shop/productpage-v1',
  target: 'shop/reviews-v2',
  protocol: 'http',
};

const T0 = Date.UTC(2026, 0, 1, 9, 0);
const httpPoint = (i: number) => ({
  t: T0 + i * 15_000,
  rps2xx: 10,
  rps3xx: 0,
  rps4xx: 1,
  rps5xx: 0.5,
  rpsOther: 0,
  errorRate: 0.04,
  p50Ms: 12,
  p95Ms: 80,
  p99Ms: 140,
});

const captions = (): string[] =>
  screen.getAllByRole('figure').map((f) => f.querySelector('figcaption')?.textContent ?? '');

describe('MetricsCharts', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('draws rate by code, error rate and latency for an http edge over the window', async () => {
    const sent = fakeApi(() => ({
      body: { window: '5m', stepSeconds: 15, protocol: 'http', points: [0, 1, 2].map(httpPoint) },
    }));
    renderWithQueries(
      <MetricsCharts
        title="productpage → reviews"
        target={edge}
        window="5m"
        refetchInterval={false}
      />,
    );
    const section = screen.getByRole('region', { name: 'productpage → reviews' });
    expect(section.querySelector('h3')?.textContent).toBe('productpage → reviews (last 5m)');
    expect(screen.getByText('Loading series…')).toBeTruthy();
    expect(await screen.findAllByRole('figure')).toHaveLength(3);
    expect(captions()).toEqual([
      'Requests/s by response code',
      'Error rate (5xx, gRPC errors), %',
      'Latency',
    ]);
    expect(screen.queryByText('Loading series…')).toBeNull();
    expect(sent[0]?.url).toContain('/api/metrics?namespace=shop');
    expect(sent[0]?.url).toContain('window=5m');
  });

  it('draws bytes per second for a TCP edge', async () => {
    fakeApi(() => ({
      body: {
        window: '5m',
        stepSeconds: 15,
        protocol: 'tcp',
        points: [{ t: T0, sentBytesPerSecond: 2048, receivedBytesPerSecond: 512 }],
      },
    }));
    renderWithQueries(
      <MetricsCharts
        title="db"
        target={{ ...edge, protocol: 'tcp' }}
        window="5m"
        refetchInterval={false}
      />,
    );
    await screen.findAllByRole('figure');
    expect(captions()).toEqual(['Bytes/s']);
  });

  it('says in place that metrics are unavailable when Prometheus is down, drawing no chart', async () => {
    fakeApi(() => ({
      status: 503,
      body: { title: 'Prometheus unavailable', detail: 'Prometheus did not answer within 5 s' },
    }));
    renderWithQueries(
      <MetricsCharts title="reviews" target={edge} window="1h" refetchInterval={false} />,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Metrics unavailable — Prometheus did not answer within 5 s');
    expect(screen.queryAllByRole('figure')).toHaveLength(0);
  });
});
