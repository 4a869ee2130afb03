import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithQueries } from '@/components/testing/fake-api';
import type { MeshEdge } from '@/lib/mesh/types';
import { EdgeDetails } from './edge-details';
import { testNode } from './graph-fixture';

const source = testNode('wl:shop:cart-v1');
const target = testNode('wl:shop:postgres-v1');

function renderEdge(edge: MeshEdge): void {
  fakeApi(() => ({ body: { window: '5m', stepSeconds: 15, protocol: edge.protocol, points: [] } }));
  renderWithQueries(
    <EdgeDetails
      type="workload"
      edge={edge}
      source={source}
      target={target}
      window="5m"
      refetchInterval={false}
    />,
  );
}

const statValue = (testId: string): string | null =>
  screen.getByTestId(testId).querySelector('dd')?.textContent ?? null;

describe('EdgeDetails: TCP directions', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("shows the callee's received bytes as the request direction and its sent bytes as the response", () => {
    renderEdge({
      id: 'e',
      source: source.id,
      target: target.id,
      protocol: 'tcp',
      bytesPerSecond: 3072,
      // istio_tcp_sent_bytes_total: what postgres sent back; received: what cart sent it.
      sentBytesPerSecond: 2048,
      receivedBytesPerSecond: 1024,
      errorRate: 0,
      mtls: 1,
      health: 'healthy',
    });
    expect(screen.getByTestId('edge-request-bytes').textContent).toContain(
      'Request bytes/s (caller → callee)',
    );
    expect(statValue('edge-request-bytes')).toBe('1.0 KiB/s');
    expect(screen.getByTestId('edge-response-bytes').textContent).toContain(
      'Response bytes/s (callee → caller)',
    );
    expect(statValue('edge-response-bytes')).toBe('2.0 KiB/s');
  });

  it("names ztunnel's L4 under an ambient edge the same way", () => {
    renderEdge({
      id: 'e',
      source: source.id,
      target: target.id,
      protocol: 'http',
      rps: 1,
      errorRate: 0,
      mtls: 1,
      health: 'healthy',
      l4: {
        bytesPerSecond: 3072,
        sentBytesPerSecond: 2048,
        receivedBytesPerSecond: 1024,
        connectionsPerSecond: 1,
        mtls: 1,
      },
    });
    expect(statValue('edge-l4-request-bytes')).toBe('1.0 KiB/s');
    expect(statValue('edge-l4-response-bytes')).toBe('2.0 KiB/s');
  });
});
