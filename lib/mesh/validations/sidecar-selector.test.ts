import { describe, expect, it } from 'vitest';
import type { InventoryNamespace, InventoryPod, IstioObject } from '@/lib/mesh/types';
import { istio, pod, workload } from '../testing/mesh';
import { analyzeSidecarSelectors } from './sidecar-selector';
import type { MeshConfig } from './types';

const sidecar = (namespace: string, name: string, labels?: Record<string, string>) =>
  istio('Sidecar', namespace, name, {
    ...(labels && { workloadSelector: { labels } }),
    egress: [{ hosts: ['./*'] }],
  });

const ns = (name: string, labels: Record<string, string> = {}): InventoryNamespace => ({
  name,
  labels,
  annotations: {},
});

function meshWith(
  objects: IstioObject[],
  pods: InventoryPod[],
  namespaces: InventoryNamespace[] = [],
): MeshConfig {
  return { objects, inventory: { namespaces, services: [], workloads: [], pods } };
}

const found = (mesh: MeshConfig) =>
  analyzeSidecarSelectors(mesh)
    .map((f) => `${f.validation.code} ${f.resource.namespace}/${f.resource.name}`)
    .sort();

describe('analyzeSidecarSelectors', () => {
  const pods = [
    pod('default', 'productpage', { app: 'productpage' }),
    pod('other', 'productpage-other', { app: 'productpage' }),
    pod('default', 'reviews', { app: 'reviews' }),
    pod('default', 'ratings', { app: 'ratings-app', myapp: 'ratings-myapp' }),
  ];

  it('reports selectors matching no pod of their namespace and Sidecars selecting the same pod', () => {
    const mesh = meshWith(
      [
        sidecar('default', 'maps-correctly-no-conflicts', { app: 'productpage' }),
        sidecar('default', 'maps-to-nonexistent', { app: 'bogus' }),
        sidecar('other', 'maps-to-different-ns', { app: 'reviews' }),
        sidecar('default', 'dupe-1', { app: 'reviews' }),
        sidecar('default', 'dupe-2', { app: 'reviews' }),
        sidecar('default', 'overlap-1', { app: 'ratings-app' }),
        sidecar('default', 'overlap-2', { myapp: 'ratings-myapp' }),
      ],
      pods,
    );
    expect(found(mesh)).toEqual([
      'IST0101 default/maps-to-nonexistent',
      'IST0101 other/maps-to-different-ns',
      'IST0110 default/dupe-1',
      'IST0110 default/dupe-2',
      'IST0110 default/overlap-1',
      'IST0110 default/overlap-2',
    ]);
    const notFound = analyzeSidecarSelectors(mesh).find((f) => f.validation.code === 'IST0101');
    expect(notFound?.validation).toMatchObject({
      severity: 'error',
      path: 'spec.workloadSelector.labels',
      message: expect.stringContaining('(app=bogus) matches no pod in namespace default') as string,
    });
  });

  it('reports each of several namespace-wide Sidecars in one namespace, not a lone one', () => {
    const mesh = meshWith(
      [
        sidecar('ns1', 'no-selector'),
        sidecar('ns1', 'has-selector', { app: 'foo' }),
        sidecar('ns2', 'has-conflict-1'),
        sidecar('ns2', 'has-conflict-2'),
        // An empty selector selects the whole namespace too.
        istio('Sidecar', 'ns3', 'empty-a', { workloadSelector: { labels: {} } }),
        sidecar('ns3', 'empty-b'),
      ],
      [pod('ns1', 'random-pod', { app: 'foo' })],
      [ns('ns1'), ns('ns2'), ns('ns3')],
    );
    expect(found(mesh)).toEqual([
      'IST0111 ns2/has-conflict-1',
      'IST0111 ns2/has-conflict-2',
      'IST0111 ns3/empty-a',
      'IST0111 ns3/empty-b',
    ]);
    expect(analyzeSidecarSelectors(mesh)[0]?.validation.message).toContain(
      'Sidecars has-conflict-1, has-conflict-2 in namespace ns2 have no workloadSelector',
    );
  });

  it('says a Sidecar for an ambient namespace or pod has no effect, unless sidecars are injected there', () => {
    const ambientPod: InventoryPod = {
      ...pod('ns-ambient', 'random-pod-ambient', { app: 'ambient' }),
      hasSidecar: false,
      annotations: { 'ambient.istio.io/redirection': 'enabled' },
    };
    const mesh = meshWith(
      [
        sidecar('ns-ambient', 'namespace-scoped'),
        sidecar('ns-ambient', 'pod-scoped', { app: 'ambient' }),
        sidecar('ns-not-ambient', 'namespace-not-ambient'),
        sidecar('ns-not-ambient-rev', 'namespace-not-ambient'),
      ],
      [ambientPod],
      [
        ns('ns-ambient', { 'istio.io/dataplane-mode': 'ambient' }),
        ns('ns-not-ambient', {
          'istio.io/dataplane-mode': 'ambient',
          'istio-injection': 'enabled',
        }),
        ns('ns-not-ambient-rev', { 'istio.io/dataplane-mode': 'ambient', 'istio.io/rev': 'x' }),
      ],
    );
    expect(found(mesh)).toEqual([
      'IST0167 ns-ambient/namespace-scoped',
      'IST0167 ns-ambient/pod-scoped',
    ]);
    expect(analyzeSidecarSelectors(mesh)[0]?.validation.severity).toBe('warning');
  });

  it('reports a Sidecar both ineffective on an ambient pod and conflicting on another pod', () => {
    const mixed = meshWith(
      [sidecar('mixed', 'broad', { tier: 'web' }), sidecar('mixed', 'narrow', { app: 'b' })],
      [
        {
          ...pod('mixed', 'a', { tier: 'web', app: 'a' }),
          annotations: { 'ambient.istio.io/redirection': 'enabled' },
        },
        { ...pod('mixed', 'b', { tier: 'web', app: 'b' }), annotations: {} },
      ],
    );
    expect(found(mixed)).toEqual([
      'IST0110 mixed/broad',
      'IST0110 mixed/narrow',
      'IST0167 mixed/broad',
    ]);
  });

  it("reads an ambient pod from its workload's data plane when its annotations are unknown", () => {
    const travel: MeshConfig = {
      objects: [sidecar('travel', 'hotels', { app: 'hotels' })],
      inventory: {
        namespaces: [],
        services: [],
        workloads: [
          { ...workload('travel', 'hotels-v1', { app: 'hotels' }), dataPlane: { mode: 'ambient' } },
        ],
        pods: [{ ...pod('travel', 'hotels-v1-abc', { app: 'hotels' }), workload: 'hotels-v1' }],
      },
    };
    expect(found(travel)).toEqual(['IST0167 travel/hotels']);
  });
});
