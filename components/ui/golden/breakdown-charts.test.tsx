import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithQueries } from '@/components/testing/fake-api';
import type { BreakdownResponse } from '@/lib/api/metrics';
import type { BreakdownPoint } from '@/lib/mesh/metrics/breakdown';
import type { TcpBreakdownPoint } from '@/lib/mesh/metrics/breakdown-tcp';
import { GoldenBreakdown } from './breakdown-charts';

const T0 = Date.UTC(2026, 0, 1, 9, 0);
const requestPoint = (i: number, sizes: boolean): BreakdownPoint => ({
  t: T0 + i * 30_000,
  rps: 10,
  codes: { '2xx': 9, '3xx': 0, '4xx': 0.5, '5xx': 0.5, other: 0 },
  errorRate: 0.05,
  avgMs: 20,
  p50Ms: 12,
  p90Ms: 40,
  p95Ms: 60,
  p99Ms: 90,
  requestBytesAvg: sizes ? 300 : null,
  requestBytesP95: sizes ? 900 : null,
  responseBytesAvg: sizes ? 4000 : null,
  responseBytesP95: sizes ? 9000 : null,
});
const tcpPoint = (i: number): TcpBreakdownPoint => ({
  t: T0 + i * 30_000,
  sentBytesPerSecond: 2048,
  receivedBytesPerSecond: 512,
  openedPerSecond: 0.2,
  closedPerSecond: 0.1,
});

function answer(over: Partial<BreakdownResponse>): BreakdownResponse {
  return {
    window: '1h',
    stepSeconds: 30,
    node: 'wl:shop:checkout',
    direction: 'outbound',
    by: 'version',
    reporter: 'source',
    groups: [],
    tcpGroups: [],
    ...over,
  };
}

const captions = (): string[] =>
  screen.getAllByRole('figure').map((f) => f.querySelector('figcaption')?.textContent ?? '');

function renderBreakdown(): void {
  renderWithQueries(
    <GoldenBreakdown
      node="wl:shop:checkout"
      direction="outbound"
      title="Outbound"
      range={{ window: '1h', end: null }}
      refetchInterval={false}
    />,
  );
}

describe('GoldenBreakdown', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('draws requests, errors, latency, sizes and TCP charts, one line per group', async () => {
    const sent = fakeApi(() => ({
      body: answer({
        groups: [
          { key: 'v1', points: [0, 1, 2].map((i) => requestPoint(i, true)) },
          { key: 'v2', points: [0, 1, 2].map((i) => requestPoint(i, true)) },
        ],
        tcpGroups: [{ key: 'shop/postgres', points: [0, 1, 2].map(tcpPoint) }],
      }),
    }));
    renderBreakdown();
    expect(await screen.findAllByRole('figure')).toHaveLength(9);
    expect(captions()).toEqual([
      'Requests/s',
      'Errors (5xx, gRPC), %',
      'Latency p95',
      'Request size average',
      'Response size average',
      'TCP bytes received/s (request direction)',
      'TCP bytes sent/s (response direction)',
      'TCP connections opened/s',
      'TCP connections closed/s',
    ]);
    expect(screen.queryByText('No TCP traffic in this window.')).toBeNull();
    expect(sent[0]?.url).toBe(
      '/api/metrics?node=wl%3Ashop%3Acheckout&direction=outbound&by=remote&reporter=auto&window=1h',
    );
  });

  it('says there was no TCP traffic instead of drawing empty TCP charts', async () => {
    fakeApi(() => ({
      body: answer({ groups: [{ key: 'v1', points: [0, 1].map((i) => requestPoint(i, false)) }] }),
    }));
    renderBreakdown();
    expect(await screen.findByText('No TCP traffic in this window.')).toBeTruthy();
    expect(screen.getByText('No request or response sizes reported in this window.')).toBeTruthy();
    expect(captions()).toEqual(['Requests/s', 'Errors (5xx, gRPC), %', 'Latency p95']);
  });

  it('re-asks with the chosen split and reporter, and redraws for the chosen class and statistic', async () => {
    const sent = fakeApi(() => ({
      body: answer({ groups: [{ key: 'v1', points: [0, 1].map((i) => requestPoint(i, true)) }] }),
    }));
    renderBreakdown();
    await screen.findAllByRole('figure');
    const user = userEvent.setup();
    const section = screen.getByRole('region', { name: 'Outbound' });
    await user.selectOptions(within(section).getByLabelText('Split by'), 'code');
    await user.selectOptions(within(section).getByLabelText('Reported by'), 'both');
    await vi.waitFor(() => expect(sent.at(-1)?.url).toContain('by=code&reporter=both'));
    await user.selectOptions(within(section).getByLabelText('Responses'), '5xx');
    await user.selectOptions(within(section).getByLabelText('Latency'), 'avgMs');
    await user.selectOptions(within(section).getByLabelText('Sizes'), 'p95');
    expect(captions().slice(0, 5)).toEqual([
      'Requests/s answered 5xx',
      'Errors (5xx, gRPC), %',
      'Latency average',
      'Request size p95',
      'Response size p95',
    ]);
  });
});
