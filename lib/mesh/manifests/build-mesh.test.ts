import { describe, expect, it } from 'vitest';
import { buildMeshConfig } from './build-mesh';
import { manifestKind } from './manifest-kind';

const vs = (name: string, namespace?: string): Record<string, unknown> => ({
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { name, ...(namespace && { namespace }) },
  spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }] }] },
});

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'reviews-v1',
    namespace: 'bookinfo',
    annotations: { 'sidecar.istio.io/inject': 'false' },
  },
  spec: {
    replicas: 2,
    template: {
      metadata: { labels: { app: 'reviews', version: 'v1' }, annotations: { a: 'b' } },
      spec: { containers: [{ name: 'reviews', image: 'reviews:1' }] },
    },
  },
};

describe('buildMeshConfig', () => {
  it('places a manifest without namespace in default, and invents no Namespace', () => {
    const mesh = buildMeshConfig([vs('reviews'), vs('ratings', 'bookinfo')]);
    expect(mesh.objects.map((o) => `${o.namespace}/${o.name}`)).toEqual([
      'bookinfo/ratings',
      'default/reviews',
    ]);
    expect(mesh.inventory.namespaces).toEqual([]);
    expect(mesh.rootNamespace).toBe('istio-system');
  });

  it('lets a later manifest of the same object replace the earlier one', () => {
    const later = { ...vs('reviews'), spec: { hosts: ['ratings'] } };
    const mesh = buildMeshConfig([vs('reviews'), later]);
    expect(mesh.objects).toHaveLength(1);
    expect(mesh.objects[0]?.spec).toEqual({ hosts: ['ratings'] });
  });

  it('fills the inventory fields the analyzers read', () => {
    const mesh = buildMeshConfig([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bookinfo', labels: { x: 'y' } } },
      deployment,
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: 'reviews-v1-abc',
          namespace: 'bookinfo',
          annotations: { 'sidecar.istio.io/status': '{}' },
        },
        spec: {
          containers: [{ name: 'reviews' }],
          initContainers: [{ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.27.0' }],
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'reviews', namespace: 'bookinfo', annotations: { k: 'v' } },
        spec: {
          type: 'LoadBalancer',
          selector: { app: 'reviews' },
          ports: [{ name: 'http', port: 9080, targetPort: 'web', appProtocol: 'http' }],
        },
      },
    ]);
    expect(mesh.inventory.namespaces).toEqual([
      { name: 'bookinfo', labels: { x: 'y' }, annotations: {} },
    ]);
    expect(mesh.inventory.workloads[0]).toMatchObject({
      kind: 'Deployment',
      annotations: { a: 'b' },
      objectAnnotations: { 'sidecar.istio.io/inject': 'false' },
      desiredReplicas: 2,
    });
    expect(mesh.inventory.pods[0]).toMatchObject({
      annotations: { 'sidecar.istio.io/status': '{}' },
      proxyImage: 'docker.io/istio/proxyv2:1.27.0',
      hasSidecar: true,
    });
    expect(mesh.inventory.services[0]).toMatchObject({
      type: 'LoadBalancer',
      annotations: { k: 'v' },
      ports: [
        { name: 'http', port: 9080, protocol: 'TCP', targetPort: 'web', appProtocol: 'http' },
      ],
    });
  });

  it('keeps a Secret’s name and type only, and knows secrets and gateways as lists', () => {
    const mesh = buildMeshConfig([
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'cert', namespace: 'istio-system' },
        type: 'kubernetes.io/tls',
        data: { 'tls.key': 'c2VjcmV0' },
      },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'plain' }, stringData: { a: 'b' } },
    ]);
    expect(mesh.inventory.secrets).toEqual([
      { namespace: 'istio-system', name: 'cert', type: 'kubernetes.io/tls' },
      { namespace: 'default', name: 'plain', type: 'Opaque' },
    ]);
    expect(JSON.stringify(mesh)).not.toContain('c2VjcmV0');
    expect(mesh.inventory.gateways).toEqual([]);
  });

  it('reads only the control plane’s ConfigMaps, and the root namespace from its mesh key', () => {
    const cm = (name: string, namespace: string, data: Record<string, string>) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace },
      data,
    });
    const mesh = buildMeshConfig([
      cm('istio', 'istio-system', { mesh: 'rootNamespace: mesh-root\n' }),
      cm('istio-sidecar-injector-canary', 'istio-system', { values: '{}' }),
      cm('istio-ca-root-cert', 'istio-system', { 'root-cert.pem': 'x' }),
      cm('istio', 'bookinfo', { mesh: 'rootNamespace: nope\n' }),
      cm('app-settings', 'istio-system', { a: 'b' }),
    ]);
    expect(mesh.inventory.configMaps?.map((c) => c.name)).toEqual([
      'istio',
      'istio-sidecar-injector-canary',
    ]);
    expect(mesh.rootNamespace).toBe('mesh-root');
    expect(buildMeshConfig([], { meshConfig: 'rootNamespace: given\n' }).rootNamespace).toBe(
      'given',
    );
  });

  it('reads a ReplicaSet no Deployment owns as a workload, and skips a Deployment’s own', () => {
    const rs = (name: string, owned: boolean) => ({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name,
        ...(owned && { ownerReferences: [{ kind: 'Deployment', name: 'd', controller: true }] }),
      },
      spec: { template: { metadata: { labels: { app: name } } } },
    });
    const mesh = buildMeshConfig([rs('bare', false), rs('d-123', true)]);
    expect(mesh.inventory.workloads.map((w) => `${w.kind} ${w.namespace}/${w.name}`)).toEqual([
      'ReplicaSet default/bare',
    ]);
  });

  it('tells the Gateway API’s Gateway from Istio’s, and leaves foreign kinds out', () => {
    const mesh = buildMeshConfig([
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'Gateway',
        metadata: { name: 'waypoint', namespace: 'travel' },
        spec: { gatewayClassName: 'istio-waypoint' },
      },
      { apiVersion: 'serving.knative.dev/v1', kind: 'Service', metadata: { name: 'k' } },
      { apiVersion: 'example.com/v1', kind: 'VirtualService', metadata: { name: 'x' } },
      'not an object',
    ]);
    expect(mesh.objects.map((o) => o.kind)).toEqual(['K8sGateway']);
    expect(mesh.inventory.gateways).toEqual([
      { namespace: 'travel', name: 'waypoint', className: 'istio-waypoint', labels: {} },
    ]);
    expect(mesh.inventory.services).toEqual([]);
  });
});

describe('manifestKind', () => {
  it('names the kinds Meshlens reads by kind and group', () => {
    expect(manifestKind({ apiVersion: 'apps/v1', kind: 'Deployment' })).toEqual({
      type: 'kube',
      kind: 'Deployment',
    });
    expect(manifestKind({ apiVersion: 'v1', kind: 'Deployment' })).toBeUndefined();
    expect(manifestKind({ apiVersion: 'networking.istio.io/v1', kind: 'Gateway' })).toEqual({
      type: 'istio',
      kind: 'Gateway',
    });
    expect(
      manifestKind({ apiVersion: 'gateway.networking.k8s.io/v1alpha2', kind: 'TCPRoute' }),
    ).toBeUndefined();
  });
});
