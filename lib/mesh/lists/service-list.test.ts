import { describe, expect, it } from 'vitest';
import { buildGraph } from '../graph/build-graph';
import {
  BOOKINFO_INVENTORY,
  bookinfoRequests,
  graphInput,
  workload,
} from '../testing/graph-samples';
import { listServices } from './service-list';
import type { IstioObject } from '../types';

const vs: IstioObject = {
  kind: 'VirtualService',
  apiVersion: 'networking.istio.io/v1',
  namespace: 'bookinfo',
  name: 'reviews',
  resourceVersion: '1',
  labels: {},
  spec: {
    hosts: ['reviews'],
    http: [
      {
        route: [
          { destination: { host: 'reviews', subset: 'v1' }, weight: 90 },
          { destination: { host: 'reviews', subset: 'v2' }, weight: 10 },
        ],
      },
    ],
  },
};
const bookinfo = new Set(['bookinfo']);
const graph = buildGraph(
  graphInput({
    type: 'service',
    requests: bookinfoRequests(),
    namespaces: ['bookinfo'],
    includeIdle: true,
  }),
);

describe('listServices', () => {
  it("lists the namespace's services with the service graph's rates and the split marker", () => {
    const rows = listServices(BOOKINFO_INVENTORY, [vs], graph, bookinfo);
    expect(rows.map((r) => r.name)).toEqual(['details', 'productpage', 'ratings', 'reviews']);
    const reviews = rows.find((r) => r.name === 'reviews');
    expect(reviews).toMatchObject({
      workloads: 3,
      rps: 30,
      errorRate: 0,
      // reviews-v3's calls to ratings fail 1 in 10: the graph judges a service by its outbound calls too.
      health: 'degraded',
      hasTrafficSplit: true,
      virtualService: 'reviews',
    });
    expect(rows.find((r) => r.name === 'details')).toMatchObject({
      hasTrafficSplit: false,
      errorRate: expect.closeTo(1 / 30),
    });
  });

  it('says unknown, not zero, when metrics are unavailable', () => {
    const reviews = listServices(BOOKINFO_INVENTORY, [], undefined, bookinfo).find(
      (r) => r.name === 'reviews',
    );
    expect(reviews).toMatchObject({ rps: null, errorRate: null, health: 'unknown' });
  });

  it('lets unready workloads make a service worse', () => {
    const inventory = {
      ...BOOKINFO_INVENTORY,
      workloads: [
        ...BOOKINFO_INVENTORY.workloads.filter((w) => w.name !== 'reviews-v2'),
        workload('bookinfo', 'reviews-v2', { readyReplicas: 0 }),
      ],
    };
    expect(
      listServices(inventory, [], graph, bookinfo).find((r) => r.name === 'reviews')?.health,
    ).toBe('failing');
  });
});
