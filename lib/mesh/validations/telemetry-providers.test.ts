import { describe, expect, it } from 'vitest';
import type { InventoryConfigMap, IstioObject } from '@/lib/mesh/types';
import { checkTelemetryProviders } from './telemetry-providers';
import { istio } from '../testing/mesh';
import type { MeshConfig } from './types';

const meshWith = (configMaps?: InventoryConfigMap[]): MeshConfig => ({
  objects: [],
  inventory: {
    namespaces: [],
    services: [],
    workloads: [],
    pods: [],
    ...(configMaps && { configMaps }),
  },
});

const istioConfigMap = (mesh: string): InventoryConfigMap => ({
  namespace: 'istio-system',
  name: 'istio',
  data: { mesh },
});

const withFilterOnly = istio('Telemetry', 'istio-system', 'mesh-default', {
  accessLogging: [
    { providers: [{ name: 'envoy' }] },
    { filter: { expression: 'response.code >= 400' } },
  ],
});

const check = (obj: IstioObject, mesh: MeshConfig) =>
  checkTelemetryProviders(obj, mesh).map((v) => `${v.code} ${v.severity} ${v.path ?? ''}`);

describe('checkTelemetryProviders', () => {
  it('flags an access-logging entry without providers when the mesh has no default (IST0157)', () => {
    const expected = ['IST0157 warning spec.accessLogging[1]'];
    expect(check(withFilterOnly, meshWith([]))).toEqual(expected);
    expect(
      check(
        withFilterOnly,
        meshWith([istioConfigMap('defaultProviders:\n  metrics: [prometheus]\n')]),
      ),
    ).toEqual(expected);
  });

  it('accepts it when the mesh config names default access-logging providers', () => {
    const mesh = meshWith([istioConfigMap('defaultProviders:\n  accessLogging: [envoy]\n')]);
    expect(check(withFilterOnly, mesh)).toEqual([]);
  });

  it('accepts a disabled entry without providers', () => {
    const disabled = istio('Telemetry', 'foo', 'mesh-default', {
      accessLogging: [{ disabled: true }],
    });
    expect(check(disabled, meshWith([]))).toEqual([]);
  });

  it('reports nothing when the control plane’s ConfigMaps are unknown', () => {
    expect(check(withFilterOnly, meshWith())).toEqual([]);
  });

  it('flags tracing through a Lightstep provider of the mesh config as deprecated (IST0002)', () => {
    const mesh = meshWith([
      istioConfigMap(
        'extensionProviders:\n- name: lightstep\n  lightstep:\n    service: ls.example.com\n    port: 8080\n- name: otel\n  opentelemetry:\n    service: otel.example.com\n    port: 4317\n',
      ),
    ]);
    const tracing = (provider: string) =>
      istio('Telemetry', 'istio-system', 'mesh-default', {
        tracing: [{ providers: [{ name: provider }] }],
      });
    expect(check(tracing('lightstep'), mesh)).toEqual([
      'IST0002 warning spec.tracing[0].providers',
    ]);
    expect(check(tracing('otel'), mesh)).toEqual([]);
  });
});
