import { describe, expect, it } from 'vitest';
import type { Inventory, InventoryWorkload } from '../types';
import { passesAcross } from './passes-across';
import { resolveEndpoint } from './resolve-endpoint';
import { span, trace } from './testing';

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

describe('ambient: a waypoint stands for the callers it serves', () => {
  const travel = (name: string, labels: Record<string, string>): InventoryWorkload => ({
    ...workload(name, labels),
    namespace: 'travel',
    hasSidecar: false,
  });
  const ambient: Inventory = {
    namespaces: [],
    services: [
      {
        namespace: 'travel',
        name: 'flights-v1',
        selector: { app: 'flights', version: 'v1' },
        ports: [],
      },
    ],
    workloads: [
      travel('waypoint', { 'gateway.istio.io/managed': 'istio.io-mesh-controller' }),
      travel('flights-v1', { app: 'flights', version: 'v1' }),
      travel('flights-v2', { app: 'flights', version: 'v2' }),
    ],
    pods: [],
  };
  /** The waypoint's one span per request: no node_id, the backend in upstream_cluster. */
  const waypointSpan = (backend: string) =>
    span('w1', {
      service: 'waypoint.travel',
      kind: 'client',
      tags: {
        component: 'proxy',
        upstream_cluster: `outbound|8080||${backend}.travel.svc.cluster.local`,
        'istio.canonical_service': 'waypoint',
        'istio.namespace': 'travel',
        'peer.address': '10.0.0.7',
        downstream_cluster: '-',
      },
    });

  it('searches the waypoint by its canonical service, and finds its spans to the backend', () => {
    const waypoint = resolveEndpoint('travel', 'waypoint', ambient);
    expect(waypoint).toMatchObject({ jaegerServices: ['waypoint.travel'], isWaypoint: true });
    const flightsV1 = resolveEndpoint('travel', 'flights-v1', ambient).endpoint;
    expect(passesAcross(trace([waypointSpan('flights-v1')]), waypoint.endpoint, flightsV1)).toBe(
      true,
    );
    expect(passesAcross(trace([waypointSpan('flights-v2')]), waypoint.endpoint, flightsV1)).toBe(
      false,
    );
  });
});
