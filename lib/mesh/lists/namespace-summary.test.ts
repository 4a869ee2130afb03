import { describe, expect, it } from 'vitest';
import { summarizeNamespaces } from './namespace-summary';
import type { Inventory, InventoryWorkload, MeshGraph, MeshNode } from '../types';

const workload = (namespace: string, name: string, ready = 1): InventoryWorkload => ({
  namespace,
  name,
  kind: 'Deployment',
  labels: {},
  annotations: {},
  desiredReplicas: 1,
  readyReplicas: ready,
  hasSidecar: true,
});

const inventory: Inventory = {
  namespaces: [
    { name: 'bookinfo', labels: {}, annotations: {} },
    { name: 'empty', labels: {}, annotations: {} },
  ],
  services: [
    { namespace: 'bookinfo', name: 'reviews', selector: { app: 'reviews' }, ports: [] },
    { namespace: 'bookinfo', name: 'ratings', selector: { app: 'ratings' }, ports: [] },
  ],
  workloads: [workload('bookinfo', 'reviews-v1'), workload('bookinfo', 'ratings-v1', 0)],
  pods: [],
};

const node = (
  name: string,
  rps: number,
  errorRate: number,
  health: MeshNode['health'],
): MeshNode => ({
  id: `wl:bookinfo:${name}`,
  kind: 'workload',
  namespace: 'bookinfo',
  name,
  health,
  rps,
  errorRate,
});

describe('summarizeNamespaces', () => {
  it('reports health-threshold annotations it could not use', () => {
    const annotated: Inventory = {
      ...inventory,
      workloads: [
        {
          ...workload('bookinfo', 'reviews-v1'),
          annotations: { 'meshlens.io/health-thresholds': 'nonsense' },
        },
      ],
    };
    const [bookinfo] = summarizeNamespaces(annotated, undefined);
    expect(bookinfo?.problems).toEqual([
      expect.objectContaining({ object: 'reviews-v1', scope: 'workload', value: 'nonsense' }),
    ]);
  });

  it('sums inbound rates, weights error shares by rate and takes the worst health', () => {
    const graph: MeshGraph = {
      timestamp: 0,
      window: '1m',
      nodes: [node('reviews-v1', 3, 0, 'healthy'), node('ratings-v1', 1, 0.2, 'failing')],
      edges: [],
    };
    const [bookinfo, empty] = summarizeNamespaces(inventory, graph);
    expect(bookinfo).toMatchObject({
      name: 'bookinfo',
      services: 2,
      workloads: 2,
      rps: 4,
      health: 'failing',
    });
    expect(bookinfo?.errorRate).toBeCloseTo(0.05);
    expect(bookinfo?.unhealthy).toEqual([{ name: 'ratings-v1', health: 'failing' }]);
    expect(empty).toEqual({
      name: 'empty',
      services: 0,
      workloads: 0,
      rps: 0,
      errorRate: 0,
      health: 'idle',
      unhealthy: [],
      problems: [],
      dataPlane: { mode: 'none', workloads: { sidecar: 0, ambient: 0, none: 0 } },
      captureWarnings: [],
    });
  });

  it('without metrics gives null rates, never zeros, and keeps readiness problems', () => {
    const [bookinfo, empty] = summarizeNamespaces(inventory, undefined);
    expect(bookinfo).toMatchObject({ rps: null, errorRate: null, health: 'failing' });
    expect(bookinfo?.unhealthy).toEqual([{ name: 'ratings-v1', health: 'failing' }]);
    expect(empty).toMatchObject({ rps: null, errorRate: null, health: 'unknown' });
  });
});
