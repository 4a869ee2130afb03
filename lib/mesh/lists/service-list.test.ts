import { describe, expect, it } from 'vitest';
import { buildGraph } from '../graph/build-graph';
import {
  BOOKINFO_INVENTORY,
  PRODUCTPAGE,
  REVIEWS_V2,
  REVIEWS_V3,
  bookinfoRequests,
  durations,
  edgeLabels,
  graphInput,
  to,
  workload,
} from '../testing/graph-samples';
import { inboundSparklines } from '../metrics/sparklines';
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
    expect(reviews).toMatchObject({
      rps: null,
      errorRate: null,
      p95Ms: null,
      sparkline: null,
      health: 'unknown',
    });
  });

  it("carries the service's inbound p95 and its request rate over the window", () => {
    const withLatency = buildGraph(
      graphInput({
        type: 'service',
        includeIdle: true,
        durations: [
          ...durations(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), { '10': 5, '100': 10, '+Inf': 10 }),
          ...durations(PRODUCTPAGE, to(REVIEWS_V3, 'reviews'), { '10': 5, '100': 10, '+Inf': 10 }),
        ],
      }),
    );
    const sparklines = inboundSparklines(
      'service',
      [],
      [0],
      [{ labels: edgeLabels(PRODUCTPAGE, to(REVIEWS_V2, 'reviews')), points: [{ t: 0, v: 7 }] }],
    );
    const rows = listServices(BOOKINFO_INVENTORY, [], withLatency, bookinfo, sparklines);
    expect(rows.find((r) => r.name === 'reviews')).toMatchObject({
      p95Ms: expect.closeTo(10 + 90 * 0.9),
      sparkline: [7],
    });
    // No duration data for details: no p95; without sparklines a null line.
    expect(rows.find((r) => r.name === 'details')).toMatchObject({ p95Ms: null, sparkline: [0] });
    expect(listServices(BOOKINFO_INVENTORY, [], graph, bookinfo)[0]?.sparkline).toBeNull();
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
