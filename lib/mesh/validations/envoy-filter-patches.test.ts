import { describe, expect, it } from 'vitest';
import type { IstioObject } from '@/lib/mesh/types';
import { checkEnvoyFilterPatches } from './envoy-filter-patches';
import { istio, meshOf } from '../testing/mesh';

const lua = { name: 'envoy.lua', typed_config: { '@type': 'type.googleapis.com/x' } };
const hcm = { filterChain: { filter: { name: 'envoy.filters.network.http_connection_manager' } } };

function filter(name: string, patches: unknown[], priority?: number): IstioObject {
  return istio('EnvoyFilter', 'bookinfo', name, {
    workloadSelector: { labels: { app: name } },
    configPatches: patches,
    ...(priority !== undefined && { priority }),
  });
}

const codes = (obj: IstioObject, others: IstioObject[] = []) =>
  checkEnvoyFilterPatches(obj, meshOf([...others, obj])).map((v) => `${v.code} ${v.path ?? ''}`);

describe('checkEnvoyFilterPatches', () => {
  it('warns on INSERT_BEFORE / INSERT_AFTER without a priority (IST0151), not on ADD', () => {
    const f = filter('test-relative-1', [
      {
        applyTo: 'HTTP_FILTER',
        match: { listener: hcm },
        patch: { operation: 'INSERT_BEFORE', value: lua },
      },
      {
        applyTo: 'CLUSTER',
        match: { context: 'SIDECAR_OUTBOUND' },
        patch: { operation: 'ADD', value: { name: 'c' } },
      },
    ]);
    expect(codes(f)).toEqual(['IST0151 spec.configPatches[0]']);
    expect(checkEnvoyFilterPatches(f, meshOf([f]))[0]?.severity).toBe('warning');
  });

  it('accepts relative operations once a priority orders the filter, and absolute ones always', () => {
    const prioritized = filter(
      'with-priority',
      [{ applyTo: 'HTTP_FILTER', patch: { operation: 'INSERT_AFTER', value: lua } }],
      10,
    );
    const absolute = filter('absolute', [
      { applyTo: 'HTTP_FILTER', patch: { operation: 'INSERT_FIRST', value: lua } },
      {
        applyTo: 'FILTER_CHAIN',
        match: { listener: { filterChain: { sni: 'a' } } },
        patch: { operation: 'MERGE', value: {} },
      },
    ]);
    expect(codes(prioritized)).toEqual([]);
    expect(codes(absolute)).toEqual([]);
  });

  it('errs on REPLACE outside HTTP_FILTER and NETWORK_FILTER (IST0152), warns on a relative REPLACE', () => {
    const f = filter('test-replace', [
      { applyTo: 'HTTP_FILTER', patch: { operation: 'REPLACE', value: lua } },
      { applyTo: 'CLUSTER', patch: { operation: 'REPLACE', value: { name: 'c' } } },
    ]);
    const found = checkEnvoyFilterPatches(f, meshOf([f]));
    expect(found.map((v) => [v.code, v.severity])).toEqual([
      ['IST0151', 'warning'],
      ['IST0152', 'error'],
    ]);
  });

  it('errs on ADD and REMOVE of a route configuration or an HTTP route (IST0153, IST0154)', () => {
    const f = filter('test-route', [
      { applyTo: 'ROUTE_CONFIGURATION', patch: { operation: 'ADD', value: { name: 'r' } } },
      { applyTo: 'HTTP_ROUTE', patch: { operation: 'REMOVE' } },
      { applyTo: 'NETWORK_FILTER', match: { listener: hcm }, patch: { operation: 'REMOVE' } },
    ]);
    expect(codes(f)).toEqual([
      'IST0153 spec.configPatches[0]',
      'IST0154 spec.configPatches[1]',
      'IST0151 spec.configPatches[2]',
    ]);
  });

  it('names a relative patch on a filter an earlier patch pins to a proxyVersion (IST0155)', () => {
    const pinned = {
      applyTo: 'HTTP_FILTER',
      match: { proxy: { proxyVersion: '^1\\.11.*' }, listener: hcm },
      patch: { operation: 'INSERT_AFTER', value: { name: 'envoy.lua1' } },
    };
    const again = { ...pinned, match: { listener: hcm } };
    const first = filter('test-relative-3', [pinned]);
    const later = filter('test-relative-4', [again]);
    expect(codes(first, [later])).toEqual(['IST0151 spec.configPatches[0]']);
    expect(codes(later, [first])).toEqual(['IST0155 spec.configPatches[0]']);
    // Within one filter the pin counts from the next patch on.
    expect(codes(filter('both', [pinned, again]))).toEqual([
      'IST0151 spec.configPatches[0]',
      'IST0155 spec.configPatches[1]',
    ]);
  });

  it('stops at the first patch without a patch section, as istioctl does', () => {
    const f = filter('partial', [
      { applyTo: 'HTTP_FILTER' },
      { applyTo: 'HTTP_ROUTE', patch: { operation: 'ADD', value: {} } },
    ]);
    expect(codes(f)).toEqual([]);
  });

  it('ignores other kinds', () => {
    const vs = istio('VirtualService', 'bookinfo', 'v', { configPatches: [] });
    expect(checkEnvoyFilterPatches(vs, meshOf([vs]))).toEqual([]);
  });
});
