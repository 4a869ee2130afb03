import { describe, expect, it } from 'vitest';
import { buildGraph } from '../graph/build-graph';
import {
  BOOKINFO_INVENTORY,
  PRODUCTPAGE,
  REVIEWS_V2,
  REVIEWS_V3,
  durations,
  edgeLabels,
  graphInput,
  to,
  workload,
} from '../testing/graph-samples';
import { inboundSparklines } from '../metrics/sparklines';
import type { Inventory } from '../types';
import { listApps } from './app-list';

const bookinfo = new Set(['bookinfo']);

/** Bookinfo, reviews-v1 with none of its pods ready, and a workload without an app label. */
const INVENTORY: Inventory = {
  ...BOOKINFO_INVENTORY,
  workloads: [
    ...BOOKINFO_INVENTORY.workloads.filter((w) => w.name !== 'reviews-v1'),
    workload('bookinfo', 'reviews-v1', { readyReplicas: 0 }),
    { ...workload('bookinfo', 'batch'), app: undefined, labels: {} },
  ],
};

const graph = buildGraph(
  graphInput({
    type: 'app',
    inventory: INVENTORY,
    includeIdle: true,
    durations: [
      ...durations(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), { '10': 10, '100': 10, '+Inf': 10 }),
      ...durations(PRODUCTPAGE, to(REVIEWS_V3, 'reviews'), { '10': 0, '100': 10, '+Inf': 10 }),
    ],
  }),
);

const row = (rows: ReturnType<typeof listApps>, app: string) => {
  const found = rows.find((r) => r.app === app);
  if (!found) throw new Error(`no row ${app}`);
  return found;
};

describe('listApps', () => {
  const T = [0, 60_000];
  const sparklines = inboundSparklines('app', [], T, [
    {
      labels: edgeLabels(PRODUCTPAGE, to(REVIEWS_V2, 'reviews')),
      points: [
        { t: 0, v: 4 },
        { t: 60_000, v: 6 },
      ],
    },
  ]);
  const rows = listApps(INVENTORY, graph, bookinfo, sparklines);

  it('gives one row per app label of the selected namespaces, by namespace and app', () => {
    expect(rows.map((r) => r.app)).toEqual(['details', 'productpage', 'ratings', 'reviews']);
  });

  it('counts its workloads and versions and reads the app node for rates, p95 and health', () => {
    expect(row(rows, 'reviews')).toMatchObject({
      namespace: 'bookinfo',
      workloads: 3,
      versions: ['v1', 'v2', 'v3'],
      rps: 30,
      errorRate: 0,
      // Half the calls under 10 ms, half in 10..100: p95 is 90% into the slower bucket.
      p95Ms: expect.closeTo(10 + 90 * 0.9),
      // A version with no pod ready fails the app, as the graph's app node says.
      health: 'failing',
      sparkline: [4, 6],
    });
    expect(row(rows, 'ratings')).toMatchObject({ rps: 20, errorRate: 0.05, p95Ms: null });
    expect(row(rows, 'details').sparkline).toEqual([0, 0]);
  });

  it('gives null metrics, not zeros, without a graph, and health from readiness alone', () => {
    const down = listApps(INVENTORY, undefined, bookinfo, sparklines);
    expect(row(down, 'reviews')).toMatchObject({
      rps: null,
      errorRate: null,
      p95Ms: null,
      sparkline: null,
      health: 'failing',
    });
    expect(row(down, 'details').health).toBe('unknown');
  });
});
