import { describe, expect, it } from 'vitest';
import type { InventoryNamespace, InventoryPod } from '@/lib/mesh/types';
import { pod, workload } from '../testing/mesh';
import { analyzeInjection } from './injection';
import type { MeshConfig } from './types';

const ns = (name: string, labels: Record<string, string> = {}): InventoryNamespace => ({
  name,
  labels,
  annotations: {},
});

/** A pod with known annotations: the analyzer only judges those. */
const podIn = (
  namespace: string,
  name: string,
  extra: Partial<InventoryPod> = {},
): InventoryPod => ({ ...pod(namespace, name, { app: name }), annotations: {}, ...extra });

const bare = (namespace: string, name: string, extra: Partial<InventoryPod> = {}) =>
  podIn(namespace, name, { hasSidecar: false, ...extra });

function meshWith(
  namespaces: InventoryNamespace[],
  pods: InventoryPod[] = [],
  values?: Record<string, unknown>,
): MeshConfig {
  return {
    objects: [],
    inventory: {
      namespaces,
      services: [],
      workloads: [],
      pods,
      ...(values && {
        configMaps: [
          {
            namespace: 'istio-system',
            name: 'istio-sidecar-injector',
            data: { values: JSON.stringify(values), config: 'policy: enabled' },
          },
        ],
      }),
    },
  };
}

const found = (mesh: MeshConfig) =>
  analyzeInjection(mesh).map((f) => `${f.validation.code} ${f.resource.kind} ${f.resource.name}`);

describe('analyzeInjection', () => {
  it('reports namespaces without injection label, not disabled, labelled, ambient or system ones', () => {
    const mesh = meshWith([
      ns('bar'),
      ns('default', { 'istio-injection': 'enabled' }),
      ns('foo', { 'istio-injection': 'disabled' }),
      ns('canary-test', { 'istio.io/rev': 'canary' }),
      ns('travel', { 'istio.io/dataplane-mode': 'ambient' }),
      ns('istio-system'),
      ns('kube-system'),
    ]);
    expect(found(mesh)).toEqual(['IST0102 Namespace bar']);
    const [finding] = analyzeInjection(mesh);
    expect(finding?.resource).toEqual({ kind: 'Namespace', namespace: '', name: 'bar' });
    expect(finding?.validation.severity).toBe('info');
    expect(finding?.validation.message).toContain('kubectl label namespace bar istio-injection=');
  });

  it('says the namespace is injected by default when the injector enables namespaces by default', () => {
    const values = { sidecarInjectorWebhook: { enableNamespacesByDefault: true } };
    expect(found(meshWith([ns('bar')], [], values))).toEqual(['IST0148 Namespace bar']);
    const off = { sidecarInjectorWebhook: { enableNamespacesByDefault: false } };
    expect(found(meshWith([ns('bar')], [], off))).toEqual(['IST0102 Namespace bar']);
  });

  it('warns on a namespace with competing injection labels', () => {
    const mesh = meshWith([
      ns('busted', { 'istio-injection': 'enabled', 'istio.io/rev': 'canary' }),
      ns('multi-1', { 'istio-injection': 'enabled', 'istio.io/dataplane-mode': 'ambient' }),
      ns('multi-2', { 'istio.io/rev': 'canary', 'istio.io/dataplane-mode': 'ambient' }),
      // Disabling injection while naming a revision is not a conflict: nothing is injected.
      ns('off', { 'istio-injection': 'disabled', 'istio.io/rev': 'canary' }),
    ]);
    expect(found(mesh)).toEqual([
      'IST0123 Namespace busted',
      'IST0123 Namespace multi-1',
      'IST0123 Namespace multi-2',
    ]);
    expect(analyzeInjection(mesh)[0]?.validation.message).toContain(
      'istio-injection=enabled, istio.io/rev=canary',
    );
  });

  it('warns on a pod without proxy in an injected namespace', () => {
    const mesh = meshWith(
      [ns('default', { 'istio-injection': 'enabled' })],
      [
        podIn('default', 'injectedpod', { proxyImage: 'docker.io/istio/proxyv2:1.28.0' }),
        bare('default', 'noninjectedpod'),
        bare('default', 'anno-off', { annotations: { 'sidecar.istio.io/inject': 'False' } }),
        bare('default', 'label-off', { labels: { 'sidecar.istio.io/inject': 'false' } }),
        bare('default', 'label-wins', {
          labels: { 'sidecar.istio.io/inject': 'false' },
          annotations: { 'sidecar.istio.io/inject': 'true' },
        }),
        bare('default', 'ambient-pod', { labels: { 'istio.io/dataplane-mode': 'ambient' } }),
        bare('default', 'waypoint-abc', {
          labels: { 'gateway.networking.k8s.io/gateway-name': 'waypoint' },
        }),
      ],
    );
    expect(found(mesh)).toEqual(['IST0103 Pod noninjectedpod']);
    expect(analyzeInjection(mesh)[0]?.resource.namespace).toBe('default');
  });

  it('judges no pod outside namespaces labelled istio-injection=enabled', () => {
    const mesh = meshWith(
      [
        ns('canary-test', { 'istio.io/rev': 'canary' }),
        ns('foo', { 'istio-injection': 'disabled' }),
        ns('travel', { 'istio.io/dataplane-mode': 'ambient' }),
      ],
      [bare('canary-test', 'a'), bare('foo', 'b'), bare('travel', 'c')],
    );
    expect(found(mesh)).toEqual([]);
  });

  it('takes the opt-out from the workload when the pod annotations are unknown', () => {
    const optedOut = {
      ...workload('default', 'batch', { app: 'batch' }),
      annotations: { 'sidecar.istio.io/inject': 'false' },
    };
    const mesh = meshWith(
      [ns('default', { 'istio-injection': 'enabled' })],
      [
        { ...pod('default', 'batch-1', {}), hasSidecar: false, workload: 'batch' },
        { ...pod('default', 'bare', {}), hasSidecar: false },
      ],
    );
    expect(found({ ...mesh, inventory: { ...mesh.inventory, workloads: [optedOut] } })).toEqual([
      'IST0103 Pod bare',
    ]);
  });
});
