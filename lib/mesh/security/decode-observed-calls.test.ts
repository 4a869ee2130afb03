import { describe, expect, it } from 'vitest';
import type { Sample } from '@/lib/mesh/types';
import { decodeObservedCalls } from './decode-observed-calls';

const CHECKOUT = {
  source_workload: 'checkout',
  source_workload_namespace: 'shop',
  source_principal: 'spiffe://cluster.local/ns/shop/sa/checkout',
  destination_workload: 'payments',
  destination_workload_namespace: 'shop',
  connection_security_policy: 'mutual_tls',
};
const LEGACY = {
  source_workload: 'unknown',
  source_workload_namespace: 'unknown',
  source_principal: 'unknown',
  destination_workload: 'cart',
  destination_workload_namespace: 'shop',
  connection_security_policy: 'none',
};

const req = (labels: Record<string, string>, code: string, value: number): Sample => ({
  labels: { ...labels, response_code: code },
  value,
});

describe('decodeObservedCalls', () => {
  it('folds status codes into a total and the 403s', () => {
    const calls = decodeObservedCalls({
      requests: [req(CHECKOUT, '200', 4), req(CHECKOUT, '403', 0.5), req(CHECKOUT, '503', 0.25)],
      tcpSent: [],
      tcpReceived: [],
    });
    expect(calls).toEqual([
      {
        source: 'checkout',
        sourceNamespace: 'shop',
        principal: 'spiffe://cluster.local/ns/shop/sa/checkout',
        target: 'payments',
        targetNamespace: 'shop',
        security: 'mutual_tls',
        rps: 4.75,
        forbiddenRps: 0.5,
        bytesPerSecond: 0,
      },
    ]);
  });

  it('adds TCP bytes sent and received to the same call, keyed apart by connection security', () => {
    const mtls = { ...LEGACY, connection_security_policy: 'mutual_tls' };
    const calls = decodeObservedCalls({
      requests: [req(LEGACY, '200', 2)],
      tcpSent: [
        { labels: LEGACY, value: 100 },
        { labels: mtls, value: 7 },
      ],
      tcpReceived: [{ labels: LEGACY, value: 50 }],
    });
    expect(calls.map((c) => [c.security, c.rps, c.bytesPerSecond])).toEqual([
      ['none', 2, 150],
      ['mutual_tls', 0, 7],
    ]);
  });

  it('reads missing, empty and unexpected labels as unknown', () => {
    const [call] = decodeObservedCalls({
      requests: [
        { labels: { destination_workload: 'cart', connection_security_policy: 'tls' }, value: 1 },
        { labels: { destination_workload: 'cart', source_workload: '' }, value: 1 },
      ],
      tcpSent: [],
      tcpReceived: [],
    });
    expect(call).toMatchObject({
      source: 'unknown',
      sourceNamespace: 'unknown',
      principal: 'unknown',
      target: 'cart',
      targetNamespace: 'unknown',
      security: 'unknown',
      rps: 2,
    });
  });

  it('skips NaN and negative rates and drops calls with nothing left in the window', () => {
    const calls = decodeObservedCalls({
      requests: [req(CHECKOUT, '200', NaN), req(CHECKOUT, '200', 0), req(LEGACY, '200', -1)],
      tcpSent: [{ labels: LEGACY, value: Infinity }],
      tcpReceived: [],
    });
    expect(calls).toEqual([]);
  });

  it('lists the largest rate first', () => {
    const calls = decodeObservedCalls({
      requests: [req(LEGACY, '200', 1), req(CHECKOUT, '200', 3)],
      tcpSent: [],
      tcpReceived: [],
    });
    expect(calls.map((c) => c.target)).toEqual(['payments', 'cart']);
  });
});
