import type { MeshEdge, MeshGraph, MeshNode } from '@/lib/mesh/types';

const node = (id: string, extra: Partial<MeshNode> = {}): MeshNode => ({
  id,
  kind: 'workload',
  namespace: id.split(':')[1] ?? 'unknown',
  name: id.split(':')[2] ?? id,
  health: 'healthy',
  rps: 10,
  errorRate: 0,
  hasSidecar: true,
  ...extra,
});

const edge = (source: string, target: string, extra: Partial<MeshEdge> = {}): MeshEdge => ({
  id: `${source}>${target}`,
  source,
  target,
  protocol: 'http',
  rps: 10,
  errorRate: 0,
  p95Ms: 42,
  mtls: 1,
  health: 'healthy',
  ...extra,
});

/** A small Bookinfo-like graph for the tests of the pure graph helpers. */
export function testGraph(extraNodes: readonly MeshNode[] = [], rps = 10): MeshGraph {
  const nodes = [
    node('unknown', { kind: 'unknown', namespace: 'unknown', name: 'unknown' }),
    node('wl:bookinfo:productpage-v1', { rps }),
    node('wl:bookinfo:reviews-v1'),
    node('wl:bookinfo:details-v1', { health: 'failing' }),
    node('wl:shop:legacy-batch', { hasSidecar: false }),
    ...extraNodes,
  ];
  const edges = [
    edge('unknown', 'wl:bookinfo:productpage-v1', { rps }),
    edge('wl:bookinfo:productpage-v1', 'wl:bookinfo:reviews-v1', { mtls: 0.6 }),
    edge('wl:bookinfo:productpage-v1', 'wl:bookinfo:details-v1', {
      health: 'failing',
      errorRate: 0.2,
    }),
    edge('wl:shop:legacy-batch', 'wl:bookinfo:details-v1', {
      protocol: 'tcp',
      mtls: 0,
      bytesPerSecond: 2048,
    }),
  ];
  return { timestamp: 0, window: '5m', nodes, edges };
}

export { node as testNode };
