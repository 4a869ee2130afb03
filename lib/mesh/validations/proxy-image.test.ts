import { describe, expect, it } from 'vitest';
import type { InventoryConfigMap, InventoryNamespace, InventoryPod } from '@/lib/mesh/types';
import { pod } from '../testing/mesh';
import { analyzeProxyImages } from './proxy-image';
import type { MeshConfig } from './types';

const ns = (name: string, labels: Record<string, string> = {}): InventoryNamespace => ({
  name,
  labels,
  annotations: {},
});

const injector = (name: string, proxy: Record<string, unknown>): InventoryConfigMap => ({
  namespace: 'istio-system',
  name,
  data: {
    config: 'policy: enabled',
    values: JSON.stringify({ global: { hub: 'docker.io/istio', tag: '1.3.1', proxy } }),
  },
});

const DEFAULT = injector('istio-sidecar-injector', { image: 'proxyv2' });

const running = (
  namespace: string,
  name: string,
  image: string,
  extra: Partial<InventoryPod> = {},
): InventoryPod => ({
  ...pod(namespace, name, { app: 'details' }),
  annotations: {},
  proxyImage: image,
  ...extra,
});

const NAMESPACES = [
  ns('enabled-namespace', { 'istio-injection': 'enabled' }),
  ns('default'),
  ns('revision-namespace', { 'istio.io/rev': 'canary' }),
];

const PODS = [
  running('enabled-namespace', 'details-old', 'docker.io/istio/proxyv2:1.3.0'),
  running('enabled-namespace', 'details-new', 'docker.io/istio/proxyv2:1.3.1'),
  running('enabled-namespace', 'details-custom', 'docker.io/istio/proxyv2:1.3.0-pre', {
    annotations: { 'sidecar.istio.io/proxyImage': 'docker.io/istio/proxyv2:1.3.0-pre' },
  }),
  running('default', 'unlabelled-old', 'docker.io/istio/proxyv2:1.3.0'),
  running('revision-namespace', 'revision-old', 'docker.io/istio/proxyv2:1.3.0'),
  running('revision-namespace', 'revision-new', 'docker.io/istio/proxyv2:1.3.1'),
];

function meshWith(
  configMaps: InventoryConfigMap[] | undefined,
  pods: InventoryPod[] = PODS,
  namespaces: InventoryNamespace[] = NAMESPACES,
): MeshConfig {
  return {
    objects: [],
    inventory: {
      namespaces,
      services: [],
      workloads: [],
      pods,
      ...(configMaps && { configMaps }),
    },
  };
}

const names = (mesh: MeshConfig) =>
  analyzeProxyImages(mesh).map((f) => `${f.validation.code} ${f.resource.kind} ${f.resource.name}`);

describe('analyzeProxyImages', () => {
  it('reports once per injected namespace the pods whose proxy is not the injector image', () => {
    const findings = analyzeProxyImages(meshWith([DEFAULT]));
    expect(findings).toEqual([
      {
        resource: { kind: 'Namespace', namespace: '', name: 'enabled-namespace' },
        validation: {
          code: 'IST0158',
          severity: 'warning',
          message: expect.stringContaining(
            'pod details-old in namespace enabled-namespace is not docker.io/istio/proxyv2:1.3.1',
          ) as string,
        },
      },
    ]);
  });

  it('compares a revision namespace with its revision injector, and says nothing without it', () => {
    const canary = injector('istio-sidecar-injector-canary', {
      image: 'docker.io/istio/proxyv2:1.3.1',
    });
    expect(names(meshWith([DEFAULT, canary]))).toEqual([
      'IST0158 Namespace enabled-namespace',
      'IST0158 Namespace revision-namespace',
    ]);
  });

  it('takes an image with a registry path as written', () => {
    const absolute = injector('istio-sidecar-injector', { image: 'docker.io/istio/proxyv2:1.3.0' });
    expect(names(meshWith([absolute]))).toEqual(['IST0158 Namespace enabled-namespace']);
    expect(analyzeProxyImages(meshWith([absolute]))[0]?.validation.message).toContain(
      'details-new',
    );
  });

  it('reports nothing without an injector ConfigMap or readable values', () => {
    expect(names(meshWith(undefined))).toEqual([]);
    const broken = { ...DEFAULT, data: { values: 'not json' } };
    expect(names(meshWith([broken]))).toEqual([]);
  });

  it('accepts the debug and distroless variants of the injector image, not of an older one', () => {
    const pods = [
      running('enabled-namespace', 'distroless', 'docker.io/istio/proxyv2:1.3.1-distroless'),
      running('enabled-namespace', 'debug', 'docker.io/istio/proxyv2:1.3.1-debug'),
    ];
    expect(names(meshWith([DEFAULT], pods))).toEqual([]);
    const older = running('enabled-namespace', 'x', 'docker.io/istio/proxyv2:1.3.0-distroless');
    const other = running('enabled-namespace', 'y', 'docker.io/istio/proxyv2:1.3.1-custom');
    expect(
      analyzeProxyImages(meshWith([DEFAULT], [older, other]))[0]?.validation.message,
    ).toContain('pods x, y in namespace enabled-namespace');
  });
});
