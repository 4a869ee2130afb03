import { describe, expect, it } from 'vitest';
import type { Inventory, InventoryWorkload } from '../types';
import { resolveEndpoint } from './resolve-endpoint';

function workload(name: string, labels: Record<string, string>): InventoryWorkload {
  return {
    namespace: 'bookinfo',
    name,
    kind: 'Deployment',
    labels,
    annotations: {},
    desiredReplicas: 1,
    readyReplicas: 1,
    hasSidecar: true,
  };
}

const inventory: Inventory = {
  namespaces: [],
  services: [
    { namespace: 'bookinfo', name: 'reviews', selector: { app: 'reviews' }, ports: [] },
    { namespace: 'bookinfo', name: 'reviews-front', selector: { app: 'reviews' }, ports: [] },
  ],
  workloads: [
    workload('reviews-v1', { app: 'reviews', version: 'v1' }),
    workload('reviews-v2', { app: 'reviews', version: 'v2' }),
    workload('productpage-v1', { app: 'productpage', 'service.istio.io/canonical-name': 'pp' }),
  ],
  pods: [],
};

describe('resolveEndpoint', () => {
  it('takes a Service to the canonical services of the workloads it selects', () => {
    expect(resolveEndpoint('bookinfo', 'reviews-front', inventory)).toEqual({
      endpoint: { namespace: 'bookinfo', services: ['reviews-front', 'reviews'], workloads: [] },
      jaegerServices: ['reviews.bookinfo'],
    });
  });

  it('takes a workload to its pods, searched under its canonical service', () => {
    expect(resolveEndpoint('bookinfo', 'productpage-v1', inventory)).toEqual({
      endpoint: { namespace: 'bookinfo', services: [], workloads: ['productpage-v1'] },
      jaegerServices: ['pp.bookinfo'],
    });
  });

  it('takes an app name as that canonical service', () => {
    expect(resolveEndpoint('bookinfo', 'pp', inventory).jaegerServices).toEqual(['pp.bookinfo']);
  });

  it('takes an unknown name, or any name without an inventory, as both', () => {
    expect(resolveEndpoint('bookinfo', 'ghost', undefined)).toEqual({
      endpoint: { namespace: 'bookinfo', services: ['ghost'], workloads: ['ghost'] },
      jaegerServices: ['ghost.bookinfo'],
    });
  });
});
