import { describe, expect, it } from 'vitest';
import type { Inventory, InventoryPod, InventoryWorkload } from '../types';
import { captureWarnings } from './capture-warnings';
import { namespaceDataPlane } from './namespace-data-plane';

const workload = (
  namespace: string,
  name: string,
  dataPlane: InventoryWorkload['dataPlane'],
  labels: Record<string, string> = {},
  hasSidecar = dataPlane?.mode === 'sidecar',
): InventoryWorkload => ({
  namespace,
  name,
  kind: 'Deployment',
  labels: { app: name, ...labels },
  annotations: {},
  desiredReplicas: 1,
  readyReplicas: 1,
  hasSidecar,
  dataPlane,
});
const pod = (
  namespace: string,
  workload: string,
  i: number,
  hasSidecar: boolean,
): InventoryPod => ({
  namespace,
  name: `${workload}-${i}`,
  labels: {},
  workload,
  ready: true,
  hasSidecar,
});
const WAYPOINT = { namespace: 'travel', name: 'waypoint' };

const inventory = (over: Partial<Inventory> = {}): Inventory => ({
  namespaces: [
    {
      name: 'travel',
      labels: { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' },
      annotations: {},
    },
    { name: 'shop', labels: { 'istio-injection': 'enabled' }, annotations: {} },
    { name: 'tools', labels: {}, annotations: {} },
  ],
  services: [],
  workloads: [
    workload('travel', 'web', { mode: 'ambient', waypoint: WAYPOINT }),
    workload('travel', 'waypoint', { mode: 'none', proxy: 'waypoint' }),
    workload('shop', 'cart', { mode: 'sidecar' }),
    workload('tools', 'debug', { mode: 'none' }),
  ],
  pods: [],
  gateways: [{ ...WAYPOINT, className: 'istio-waypoint', labels: {} }],
  ...over,
});

describe('captureWarnings', () => {
  it('finds nothing wrong in a healthy mixed mesh, waypoint proxies included', () => {
    expect(captureWarnings(inventory())).toEqual([]);
  });

  it('reports an ambient workload that opted out', () => {
    const base = inventory();
    const optOut = workload(
      'travel',
      'legacy',
      { mode: 'none' },
      {
        'istio.io/dataplane-mode': 'none',
      },
    );
    expect(captureWarnings({ ...base, workloads: [...base.workloads, optOut] })).toEqual([
      expect.objectContaining({
        code: 'not-captured',
        namespace: 'travel',
        workload: 'legacy',
        message: expect.stringContaining('plaintext') as string,
      }),
    ]);
  });

  it('reports a waypoint that does not exist, for the namespace and for a Service', () => {
    const warnings = captureWarnings(
      inventory({
        gateways: [],
        services: [
          {
            namespace: 'travel',
            name: 'flights',
            selector: {},
            ports: [],
            labels: { 'istio.io/use-waypoint': 'gone' },
          },
        ],
      }),
    );
    expect(warnings.map((w) => [w.code, w.message])).toEqual([
      [
        'waypoint-missing',
        'Namespace travel uses waypoint travel/waypoint, which does not exist: its services get no L7 policy or route until it is created.',
      ],
      [
        'waypoint-missing',
        'Service travel/flights uses waypoint travel/gone, which does not exist: calls to it get no L7 policy or route until it is created.',
      ],
    ]);
  });

  it('calls a Gateway of another class no waypoint, and says nothing when Gateways are unknown', () => {
    const ingress = { ...WAYPOINT, className: 'istio', labels: {} };
    expect(captureWarnings(inventory({ gateways: [ingress] }))[0]?.message).toContain(
      'of class istio, not istio-waypoint',
    );
    expect(captureWarnings(inventory({ gateways: undefined }))).toEqual([]);
  });

  it('reports missing sidecars in an injected namespace, whole or per pod', () => {
    const base = inventory();
    const warnings = captureWarnings({
      ...base,
      workloads: [
        ...base.workloads,
        workload('shop', 'legacy', { mode: 'none' }),
        workload('shop', 'orders', { mode: 'sidecar' }),
      ],
      pods: [pod('shop', 'orders', 1, true), pod('shop', 'orders', 2, false)],
    });
    expect(warnings.map((w) => [w.workload, w.code])).toEqual([
      ['legacy', 'sidecar-missing'],
      ['orders', 'sidecar-missing'],
    ]);
    expect(warnings[1]?.message).toMatch(/^1 of 2 pods of orders run without a sidecar/);
  });

  it('says the sidecar wins over an ambient label', () => {
    const base = inventory();
    const both = workload(
      'shop',
      'both',
      { mode: 'sidecar' },
      { 'istio.io/dataplane-mode': 'ambient' },
    );
    const inAmbient = workload('travel', 'injected', { mode: 'sidecar' });
    const warnings = captureWarnings({ ...base, workloads: [...base.workloads, both, inAmbient] });
    expect(warnings.map((w) => [w.workload, w.code])).toEqual([
      ['both', 'sidecar-over-ambient'],
      ['injected', 'sidecar-over-ambient'],
    ]);
    expect(warnings[0]?.message).toContain('on its pods');
    expect(warnings[1]?.message).toContain('on namespace travel');
  });
});

describe('namespaceDataPlane', () => {
  const find = (inv: Inventory, name: string) => {
    const ns = inv.namespaces.find((n) => n.name === name);
    if (!ns) throw new Error(name);
    return namespaceDataPlane(inv, ns);
  };

  it('reads each namespace from its workloads, leaving proxies out', () => {
    const inv = inventory();
    expect(find(inv, 'travel')).toEqual({
      mode: 'ambient',
      waypoint: WAYPOINT,
      workloads: { sidecar: 0, ambient: 1, none: 0 },
    });
    expect(find(inv, 'shop').mode).toBe('sidecar');
    expect(find(inv, 'tools').mode).toBe('none');
  });

  it('says mixed when workloads differ, and names no waypoint that does not exist', () => {
    const base = inventory({ gateways: [] });
    const inv = {
      ...base,
      workloads: [...base.workloads, workload('travel', 'x', { mode: 'none' })],
    };
    expect(find(inv, 'travel')).toEqual({
      mode: 'mixed',
      workloads: { sidecar: 0, ambient: 1, none: 1 },
    });
  });

  it('falls back on the labels of a namespace without workloads', () => {
    const inv = inventory({ workloads: [] });
    expect(find(inv, 'travel')).toMatchObject({ mode: 'ambient', waypoint: WAYPOINT });
    expect(find(inv, 'shop').mode).toBe('sidecar');
  });
});
