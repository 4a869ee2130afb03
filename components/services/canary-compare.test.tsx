import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithQueries } from '@/components/testing/fake-api';
import type { BreakdownResponse } from '@/lib/api/metrics';
import type { RoutingChanges } from '@/lib/api/traffic';
import { CanaryCompare } from './canary-compare';

const T0 = Date.UTC(2026, 11, 5, 9, 0);
const point = (i: number, rps: number) => ({
  t: T0 + i * 60_000,
  rps,
  codes: { '2xx': rps, '3xx': 0, '4xx': 0, '5xx': 0, other: 0 },
  errorRate: 0,
  avgMs: 12,
  p50Ms: 10,
  p90Ms: 20,
  p95Ms: 30,
  p99Ms: 40,
  requestBytesAvg: null,
  requestBytesP95: null,
  responseBytesAvg: null,
  responseBytesP95: null,
});

const breakdown: BreakdownResponse = {
  window: '1h',
  stepSeconds: 60,
  node: 'svc:shop:reviews',
  direction: 'inbound',
  by: 'version',
  reporter: 'destination',
  groups: [
    { key: 'v1', points: [0, 1, 2].map((i) => point(i, 9)) },
    { key: 'v2', points: [0, 1, 2].map((i) => point(i, 1)) },
  ],
  tcpGroups: [],
};

const changes: RoutingChanges = {
  seenSince: T0 - 3_600_000,
  items: [
    {
      at: T0 + 60_000,
      kind: 'VirtualService',
      namespace: 'shop',
      name: 'reviews',
      change: 'changed',
      resourceVersion: '42',
      by: 'alice',
      summary: 'route 0: v1 90→50, v2 10→50',
    },
  ],
};

describe('CanaryCompare', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("draws each version's rate, errors and p95 with a marker at each routing change", async () => {
    const sent = fakeApi(({ url }) =>
      url.startsWith('/api/metrics') ? { body: breakdown } : { body: { changes } },
    );
    const { container } = renderWithQueries(
      <CanaryCompare
        namespace="shop"
        service="reviews"
        range={{ window: '1h', end: null }}
        refetchInterval={false}
      />,
    );
    expect((await screen.findByTestId('routing-change')).textContent).toContain(
      'VirtualService shop/reviews changed by alice in Meshlens — route 0: v1 90→50, v2 10→50',
    );
    expect(screen.getAllByTestId('compare-chart')).toHaveLength(3);
    expect(container.querySelectorAll('.recharts-reference-line')).toHaveLength(3);
    expect(sent.map((r) => r.url)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/node=svc%3Ashop%3Areviews.*by=version&reporter=auto/),
        '/api/traffic/shop/reviews?window=1h',
      ]),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Side by side' }));
    expect(screen.getByRole('button', { name: 'Side by side' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(screen.getAllByTestId('compare-chart')).toHaveLength(6);
    expect(screen.getByText('v2 · Latency p95')).toBeTruthy();
  });

  it('says when no change was seen, and since when it has been looking', async () => {
    fakeApi(({ url }) =>
      url.startsWith('/api/metrics')
        ? { body: breakdown }
        : { body: { changes: { ...changes, items: [] } } },
    );
    renderWithQueries(
      <CanaryCompare
        namespace="shop"
        service="reviews"
        range={{ window: '1h', end: T0 + 3 * 60_000 }}
        refetchInterval={false}
      />,
    );
    expect(await screen.findByText('No routing change seen in this window.')).toBeTruthy();
    expect(screen.getByText(/kept in memory only/)).toBeTruthy();
  });
});
