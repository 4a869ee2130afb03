import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { readFixture, readJsonFixture } from '@/lib/testing/fixtures';
import {
  toInventory,
  toInventoryNamespace,
  toInventoryPod,
  toInventoryService,
  toInventoryWorkload,
} from '@/lib/mesh/inventory/decode';
import { readInventory } from './inventory';

const injected = (): unknown => ({
  ...YAML.parseAllDocuments(
    readFixture('kubernetes/istio-sidecar-injection/hello.yaml.injected'),
  )[0]?.toJS(),
  metadata: { name: 'hello', namespace: 'demo' },
});
const plain = (): unknown => ({
  ...YAML.parse(readFixture('kubernetes/istio-sidecar-injection/hello.yaml')),
  metadata: { name: 'hello', namespace: 'demo' },
});

function pod(overrides: {
  name?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  owner?: { kind: string; name: string };
  containers?: string[];
  initContainers?: string[];
  ready?: string;
}): unknown {
  return {
    metadata: {
      name: overrides.name ?? 'p',
      namespace: 'demo',
      labels: overrides.labels ?? {},
      annotations: overrides.annotations,
      ownerReferences: overrides.owner
        ? [{ apiVersion: 'apps/v1', ...overrides.owner, uid: 'u', controller: true }]
        : undefined,
    },
    spec: {
      containers: (overrides.containers ?? ['app']).map((name) => ({ name })),
      initContainers: overrides.initContainers?.map((name) => ({ name })),
    },
    status: { conditions: [{ type: 'Ready', status: overrides.ready ?? 'True' }] },
  };
}

describe('toInventoryWorkload', () => {
  it('sees the native sidecar init container in the injected fixture', () => {
    expect(toInventoryWorkload('Deployment', injected())).toMatchObject({
      namespace: 'demo',
      name: 'hello',
      kind: 'Deployment',
      app: 'hello',
      desiredReplicas: 7,
      readyReplicas: 0,
      hasSidecar: true,
      labels: { app: 'hello', 'security.istio.io/tlsMode': 'istio' },
    });
  });

  it('sees no sidecar in the same Deployment before injection', () => {
    expect(toInventoryWorkload('Deployment', plain())?.hasSidecar).toBe(false);
  });

  it('decodes the real Deployment', () => {
    expect(
      toInventoryWorkload('Deployment', readJsonFixture('kubernetes/real-objects/dp.json')),
    ).toEqual({
      namespace: 'icx',
      name: 'icx-db',
      kind: 'Deployment',
      labels: { app: 'icx-db' },
      annotations: {},
      app: 'icx-db',
      desiredReplicas: 1,
      readyReplicas: 1,
      hasSidecar: false,
      // No serviceAccountName in the template: Kubernetes runs it as the namespace's default.
      serviceAccount: 'default',
      objectAnnotations: { 'deployment.kubernetes.io/revision': '1' },
    });
  });

  it('decodes the field-complete Deployment', () => {
    const w = toInventoryWorkload(
      'Deployment',
      readJsonFixture('kubernetes/field-complete/apps.v1.Deployment.json'),
    );
    expect(w).toMatchObject({ name: 'nameValue', desiredReplicas: 1, readyReplicas: 7 });
  });

  it('falls back to app.kubernetes.io labels', () => {
    const dp = {
      metadata: { name: 'r', namespace: 'demo' },
      spec: {
        template: {
          metadata: {
            labels: { 'app.kubernetes.io/name': 'reviews', 'app.kubernetes.io/version': 'v2' },
          },
        },
      },
    };
    expect(toInventoryWorkload('Deployment', dp)).toMatchObject({ app: 'reviews', version: 'v2' });
  });

  it('learns about automatic injection from its pods, then from the namespace', () => {
    const dp = plain();
    const withProxy = toInventoryPod(
      pod({
        labels: { 'pod-template-hash': '5f7c9d8b4' },
        owner: { kind: 'ReplicaSet', name: 'hello-5f7c9d8b4' },
        initContainers: ['istio-init', 'istio-proxy'],
      }),
    );
    expect(withProxy?.workload).toBe('hello');
    expect(toInventoryWorkload('Deployment', dp, withProxy ? [withProxy] : [])?.hasSidecar).toBe(
      true,
    );
    const ns = { name: 'demo', labels: { 'istio-injection': 'enabled' }, annotations: {} };
    expect(toInventoryWorkload('Deployment', dp, [], new Map([['demo', ns]]))?.hasSidecar).toBe(
      true,
    );
  });

  it('honours sidecar.istio.io/inject=false', () => {
    const dp = {
      metadata: { name: 'x', namespace: 'demo' },
      spec: { template: { metadata: { labels: { 'sidecar.istio.io/inject': 'false' } } } },
    };
    const ns = { name: 'demo', labels: { 'istio-injection': 'enabled' }, annotations: {} };
    expect(toInventoryWorkload('Deployment', dp, [], new Map([['demo', ns]]))?.hasSidecar).toBe(
      false,
    );
  });

  it('reads DaemonSet counts', () => {
    const ds = {
      metadata: { name: 'd', namespace: 'n' },
      spec: {},
      status: { desiredNumberScheduled: 3, numberReady: 2 },
    };
    expect(toInventoryWorkload('DaemonSet', ds)).toMatchObject({
      desiredReplicas: 3,
      readyReplicas: 2,
    });
  });

  it('refuses objects without a name', () => {
    expect(toInventoryWorkload('Deployment', { metadata: {} })).toBeUndefined();
  });

  it("reads Kiali's health annotation where Kiali reads it", () => {
    const rate = (value: string): Record<string, string> => ({ 'health.kiali.io/rate': value });
    const workload = (
      kind: 'Deployment' | 'DaemonSet',
      own: Record<string, string>,
      template?: Record<string, string>,
    ): Readonly<Record<string, string>> | undefined =>
      toInventoryWorkload(kind, {
        metadata: { name: 'w', namespace: 'demo', annotations: own },
        spec: { template: { metadata: { annotations: template } } },
      })?.annotations;

    // A template without annotations: the Deployment's own.
    expect(workload('Deployment', rate('5XX,1,5,http,.*'))).toEqual(rate('5XX,1,5,http,.*'));
    // A template with annotations: only the template, as in Kiali.
    expect(workload('Deployment', rate('5XX,1,5,http,.*'), { team: 'a' })).toEqual({ team: 'a' });
    expect(workload('Deployment', {}, rate('4XX,1,5,http,.*'))).toEqual(rate('4XX,1,5,http,.*'));
    // A DaemonSet: always its own metadata.
    expect(workload('DaemonSet', rate('5XX,1,5,http,.*'), { ...rate('x'), team: 'a' })).toEqual({
      team: 'a',
      ...rate('5XX,1,5,http,.*'),
    });
    expect(workload('DaemonSet', {}, rate('x'))).toEqual({});
  });
});

describe('toInventoryPod', () => {
  it('decodes the real pod', () => {
    expect(toInventoryPod(readJsonFixture('kubernetes/real-objects/po.json'))).toEqual({
      namespace: 'default',
      name: 'nginx',
      labels: {},
      annotations: {},
      ready: true,
      hasSidecar: false,
    });
  });

  it('decodes the field-complete pod', () => {
    expect(
      toInventoryPod(readJsonFixture('kubernetes/field-complete/core.v1.Pod.json')),
    ).toMatchObject({
      name: 'nameValue',
      workload: 'nameValue',
      ready: false,
    });
  });

  it.each([
    [{ containers: ['app', 'istio-proxy'] }, true],
    [{ initContainers: ['istio-proxy'] }, true],
    [{ annotations: { 'sidecar.istio.io/status': '{}' } }, true],
    [{}, false],
  ])('sidecar from %o → %s', (p, expected) => {
    expect(toInventoryPod(pod(p))?.hasSidecar).toBe(expected);
  });

  it('reads readiness from the Ready condition', () => {
    expect(toInventoryPod(pod({ ready: 'False' }))?.ready).toBe(false);
  });

  it('names the workload from the controller reference', () => {
    expect(toInventoryPod(pod({ owner: { kind: 'StatefulSet', name: 'db' } }))?.workload).toBe(
      'db',
    );
    expect(
      toInventoryPod(pod({ owner: { kind: 'ReplicaSet', name: 'legacy-rs' } }))?.workload,
    ).toBe('legacy-rs');
  });
});

describe('services and namespaces', () => {
  it('decodes the real Service', () => {
    expect(toInventoryService(readJsonFixture('kubernetes/real-objects/svc.json'))).toEqual({
      namespace: 'default',
      name: 'dictionary1',
      selector: { app: 'dictionary1' },
      ports: [{ name: 'http', port: 4001, protocol: 'TCP', targetPort: 'http' }],
      type: 'ClusterIP',
      // kubectl's copy of the object is no annotation a check reads.
      annotations: {},
    });
  });

  it('reads the networking.istio.io/exportTo annotation of a Service', () => {
    const svc = {
      metadata: {
        name: 'ledger',
        namespace: 'shop',
        annotations: { 'networking.istio.io/exportTo': 'audit, .' },
      },
      spec: { ports: [{ port: 9000 }] },
    };
    expect(toInventoryService(svc)?.exportTo).toEqual(['audit', '.']);
    expect(
      toInventoryService(readJsonFixture('kubernetes/real-objects/svc.json')),
    ).not.toHaveProperty('exportTo');
  });

  it('decodes the field-complete Service', () => {
    expect(
      toInventoryService(readJsonFixture('kubernetes/field-complete/core.v1.Service.json')),
    ).toMatchObject({
      name: 'nameValue',
      selector: { selectorKey: 'selectorValue' },
    });
  });

  it('decodes the real Namespace', () => {
    expect(toInventoryNamespace(readJsonFixture('kubernetes/real-objects/ns.json'))).toMatchObject({
      name: 'kube-system',
      labels: {},
    });
  });
});

describe('toInventory', () => {
  it('assembles a snapshot and skips what does not decode', () => {
    const inventory = toInventory({
      namespaces: [
        { metadata: { name: 'demo', labels: { 'istio-injection': 'enabled' } } },
        { bogus: true },
      ],
      services: [readJsonFixture('kubernetes/real-objects/svc.json')],
      deployments: [plain()],
      pods: [
        pod({
          labels: { 'pod-template-hash': 'abc' },
          owner: { kind: 'ReplicaSet', name: 'hello-abc' },
        }),
      ],
    });
    expect(inventory.namespaces.map((n) => n.name)).toEqual(['demo']);
    expect(inventory.services).toHaveLength(1);
    expect(inventory.pods[0]?.workload).toBe('hello');
    // A running pod without a proxy outweighs the namespace label.
    expect(inventory.workloads[0]?.hasSidecar).toBe(false);
  });

  it("decides each workload's data plane with the namespace, its Services and the waypoints", () => {
    const deployment = (name: string, labels: Record<string, string>): unknown => ({
      metadata: { name, namespace: 'travel' },
      spec: { template: { metadata: { labels }, spec: { containers: [{ name: 'app' }] } } },
    });
    const inventory = toInventory({
      namespaces: [
        {
          metadata: {
            name: 'travel',
            labels: { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' },
          },
        },
      ],
      services: [
        {
          metadata: { name: 'flights', namespace: 'travel' },
          spec: { selector: { app: 'flights' } },
        },
        {
          metadata: {
            name: 'hotels-db',
            namespace: 'travel',
            labels: { 'istio.io/use-waypoint': 'none' },
          },
          spec: { selector: { app: 'hotels-db' } },
        },
      ],
      deployments: [
        deployment('flights-v1', { app: 'flights' }),
        deployment('hotels-db', { app: 'hotels-db' }),
        deployment('waypoint', { 'gateway.networking.k8s.io/gateway-name': 'waypoint' }),
      ],
      pods: [],
      k8sGateways: [
        {
          apiVersion: 'gateway.networking.k8s.io/v1',
          kind: 'Gateway',
          metadata: {
            name: 'waypoint',
            namespace: 'travel',
            labels: { 'istio.io/waypoint-for': 'service' },
          },
          spec: { gatewayClassName: 'istio-waypoint' },
        },
      ],
    });
    expect(inventory.gateways).toEqual([
      {
        namespace: 'travel',
        name: 'waypoint',
        className: 'istio-waypoint',
        labels: { 'istio.io/waypoint-for': 'service' },
      },
    ]);
    expect(inventory.services[1]?.labels).toEqual({ 'istio.io/use-waypoint': 'none' });
    expect(inventory.workloads.map((w) => [w.name, w.dataPlane])).toEqual([
      ['flights-v1', { mode: 'ambient', waypoint: { namespace: 'travel', name: 'waypoint' } }],
      ['hotels-db', { mode: 'ambient' }],
      ['waypoint', { mode: 'none', proxy: 'waypoint' }],
    ]);
  });
});

describe('readInventory', () => {
  it('decodes the informer caches once per revision', () => {
    let revision = 1;
    let lists = 0;
    const objects: Record<string, unknown[]> = { namespaces: [{ metadata: { name: 'demo' } }] };
    const informers = {
      ready: async () => undefined,
      list: (resource: string) => {
        lists++;
        return (objects[resource] ?? []) as never[];
      },
      revision: () => revision,
      onChange: () => undefined,
      state: () => ({ ok: true, stale: false, resources: {} as never }),
      stop: async () => undefined,
    };
    const first = readInventory(informers);
    expect(first.namespaces.map((n) => n.name)).toEqual(['demo']);
    expect(readInventory(informers)).toBe(first);
    const listsAfterTwoReads = lists;
    revision = 2;
    objects.namespaces = [];
    expect(readInventory(informers).namespaces).toEqual([]);
    expect(lists).toBeGreaterThan(listsAfterTwoReads);
  });

  it('knows the Gateways only when they are watched, installed, allowed and synced', () => {
    const informers = (k8sgateways: object | undefined) => ({
      ready: async () => undefined,
      list: () => [],
      revision: () => 1,
      onChange: () => undefined,
      state: () => ({
        ok: true,
        stale: false,
        resources: (k8sgateways ? { k8sgateways } : {}) as never,
      }),
      stop: async () => undefined,
    });
    expect(readInventory(informers(undefined)).gateways).toBeUndefined();
    expect(readInventory(informers({ synced: true, missing: true })).gateways).toBeUndefined();
    expect(readInventory(informers({ synced: false })).gateways).toBeUndefined();
    const refused = { synced: true, error: 'gateways.gateway.networking.k8s.io is forbidden' };
    expect(readInventory(informers(refused)).gateways).toBeUndefined();
    expect(readInventory(informers({ synced: true })).gateways).toEqual([]);
  });
});
