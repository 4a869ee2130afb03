import { describe, expect, it } from 'vitest';
import { buildGraph } from '../graph/build-graph';
import { BOOKINFO_INVENTORY, graphInput, workload } from '../testing/graph-samples';
import type { Inventory } from '../types';
import { listWorkloads, summarizeWorkloads } from './workload-list';

const bookinfo = new Set(['bookinfo']);

/**
 * Bookinfo in an injected namespace, plus a workload that opted out of injection, one with none of its
 * two pods ready, and istiod, which never has a sidecar.
 */
const INVENTORY: Inventory = {
  ...BOOKINFO_INVENTORY,
  namespaces: [
    { name: 'bookinfo', labels: { 'istio-injection': 'enabled' }, annotations: {} },
    { name: 'istio-system', labels: {}, annotations: {} },
  ],
  workloads: [
    workload('istio-system', 'istiod', { hasSidecar: false }),
    ...BOOKINFO_INVENTORY.workloads.filter((w) => w.name !== 'reviews-v1'),
    workload('bookinfo', 'reviews-v1', { desiredReplicas: 2, readyReplicas: 0 }),
    workload('bookinfo', 'legacy-batch', { kind: 'CronJob', hasSidecar: false }),
  ],
};

const graph = buildGraph(graphInput({ inventory: INVENTORY, includeIdle: true }));

const row = (rows: ReturnType<typeof listWorkloads>, name: string) => {
  const found = rows.find((r) => r.name === name);
  if (!found) throw new Error(`no row ${name}`);
  return found;
};

describe('listWorkloads', () => {
  const rows = listWorkloads(INVENTORY, graph, bookinfo);

  it("lists the selected namespaces' workloads by namespace and name", () => {
    expect(rows.map((r) => r.name)).toEqual([
      'details-v1',
      'legacy-batch',
      'productpage-v1',
      'ratings-v1',
      'reviews-v1',
      'reviews-v2',
      'reviews-v3',
    ]);
  });

  it('takes inbound rates from the node and outbound rates from the edges leaving it', () => {
    expect(row(rows, 'productpage-v1')).toMatchObject({
      kind: 'Deployment',
      app: 'productpage',
      version: 'v1',
      hasSidecar: true,
      desiredReplicas: 1,
      readyReplicas: 1,
      rps: 100,
      errorRate: 0,
      outboundRps: 60,
      outboundErrorRate: expect.closeTo(1 / 60),
      // details answers 1 in 30 with a 500: productpage's own calls degrade it.
      health: 'degraded',
    });
    expect(row(rows, 'ratings-v1')).toMatchObject({
      rps: 20,
      errorRate: expect.closeTo(0.05),
      outboundRps: 0,
      outboundErrorRate: 0,
    });
    // 1 in 10 of its calls to ratings fail: the failure is on its outbound side.
    expect(row(rows, 'reviews-v3')).toMatchObject({
      errorRate: 0,
      outboundErrorRate: expect.closeTo(0.1),
      health: 'failing',
    });
  });

  it('marks a workload without a sidecar, and does not call its silence idle', () => {
    expect(row(rows, 'legacy-batch')).toMatchObject({
      kind: 'CronJob',
      hasSidecar: false,
      namespaceInjects: true,
      rps: 0,
      health: 'unknown',
    });
    expect(row(rows, 'productpage-v1')).toMatchObject({ hasSidecar: true, namespaceInjects: true });
  });

  it('tells a sidecar left out of an injected namespace from one never meant to be there', () => {
    const all = listWorkloads(INVENTORY, graph, new Set(['bookinfo', 'istio-system']));
    expect(row(all, 'istiod')).toMatchObject({ hasSidecar: false, namespaceInjects: false });
    // The gateway is Envoy itself: the graph sees it report, whatever its pod template says.
    expect(row(all, 'istio-ingressgateway').hasSidecar).toBe(true);
    expect(summarizeWorkloads(all).withoutSidecar).toBe(1);
  });

  it('fails a workload with none of its pods ready, even while it serves traffic', () => {
    expect(row(rows, 'reviews-v1')).toMatchObject({
      desiredReplicas: 2,
      readyReplicas: 0,
      rps: 10,
      health: 'failing',
    });
  });

  it('gives null rates, not zeros, when metrics are unavailable, and health from readiness', () => {
    const down = listWorkloads(INVENTORY, undefined, bookinfo);
    expect(row(down, 'productpage-v1')).toMatchObject({
      rps: null,
      errorRate: null,
      outboundRps: null,
      outboundErrorRate: null,
      health: 'unknown',
    });
    expect(row(down, 'reviews-v1').health).toBe('failing');
    expect(row(down, 'legacy-batch').hasSidecar).toBe(false);
  });

  it('says idle for a workload scaled to zero, sidecar or not', () => {
    const inventory: Inventory = {
      ...INVENTORY,
      workloads: [
        workload('bookinfo', 'batch', { hasSidecar: false, desiredReplicas: 0, readyReplicas: 0 }),
      ],
    };
    const g = buildGraph(graphInput({ inventory, requests: [], includeIdle: true }));
    expect(listWorkloads(inventory, g, bookinfo)[0]?.health).toBe('idle');
    expect(listWorkloads(inventory, undefined, bookinfo)[0]?.health).toBe('idle');
  });
});

describe('summarizeWorkloads', () => {
  it('counts workloads, those without a sidecar and the failing ones', () => {
    expect(summarizeWorkloads(listWorkloads(INVENTORY, graph, bookinfo))).toEqual({
      total: 7,
      withoutSidecar: 1,
      notCaptured: 0,
      failing: 2,
    });
  });
});

describe('listWorkloads in an ambient namespace', () => {
  const ambient: Inventory = {
    namespaces: [
      {
        name: 'travel',
        labels: { 'istio.io/dataplane-mode': 'ambient', 'istio-injection': 'enabled' },
        annotations: {},
      },
    ],
    services: [],
    pods: [],
    workloads: [
      workload('travel', 'web', {
        hasSidecar: false,
        dataPlane: { mode: 'ambient', waypoint: { namespace: 'travel', name: 'waypoint' } },
      }),
      workload('travel', 'legacy', {
        hasSidecar: false,
        labels: { app: 'legacy', 'istio.io/dataplane-mode': 'none' },
        dataPlane: { mode: 'none' },
      }),
      workload('travel', 'waypoint', {
        hasSidecar: true,
        dataPlane: { mode: 'none', proxy: 'waypoint' },
      }),
    ],
  };
  const rows = listWorkloads(ambient, undefined, new Set(['travel']));

  it("carries each workload's data plane and its own capture warnings", () => {
    expect(row(rows, 'web')).toMatchObject({
      dataPlane: { mode: 'ambient', waypoint: { namespace: 'travel', name: 'waypoint' } },
      captureWarnings: [],
    });
    expect(row(rows, 'waypoint').dataPlane).toEqual({ mode: 'none', proxy: 'waypoint' });
    expect(row(rows, 'legacy').captureWarnings.map((c) => c.code)).toEqual(['not-captured']);
  });

  it('counts a workload left out of ambient as not captured, and an ambient one as no gap', () => {
    expect(summarizeWorkloads(rows)).toMatchObject({ withoutSidecar: 1, notCaptured: 1 });
  });
});
