import { describe, expect, it } from 'vitest';
import {
  UNKNOWN_DESTINATION_ID,
  UNKNOWN_SOURCE_ID,
  appId,
  externalId,
  inCluster,
  serviceId,
  versionedAppId,
  workloadId,
} from './node-ids';
import { canBeSource, canBeTarget, graphTypeOf, parseNodeId, type NodeRef } from './parse-node-id';

describe('parseNodeId', () => {
  it('inverts every id builder', () => {
    expect(parseNodeId(workloadId('bookinfo', 'reviews-v2'))).toEqual({
      kind: 'workload',
      namespace: 'bookinfo',
      workload: 'reviews-v2',
    });
    expect(parseNodeId(appId('bookinfo', 'reviews'))).toEqual({
      kind: 'app',
      namespace: 'bookinfo',
      app: 'reviews',
    });
    expect(parseNodeId(versionedAppId('bookinfo', 'reviews', 'v3'))).toEqual({
      kind: 'versionedApp',
      namespace: 'bookinfo',
      app: 'reviews',
      version: 'v3',
    });
    expect(parseNodeId(serviceId('shop', 'cart'))).toEqual({
      kind: 'service',
      namespace: 'shop',
      service: 'cart',
    });
    expect(parseNodeId(externalId('api.stripe.com'))).toEqual({
      kind: 'external',
      host: 'api.stripe.com',
    });
    expect(parseNodeId(UNKNOWN_SOURCE_ID)).toEqual({ kind: 'unknownSource' });
    expect(parseNodeId(UNKNOWN_DESTINATION_ID)).toEqual({ kind: 'unknownDestination' });
  });

  it('reads the cluster of a multi-cluster id', () => {
    expect(parseNodeId(inCluster(workloadId('bookinfo', 'reviews-v2'), 'east'))).toEqual({
      kind: 'workload',
      namespace: 'bookinfo',
      workload: 'reviews-v2',
      cluster: 'east',
    });
    expect(parseNodeId(inCluster(versionedAppId('ns', 'a', undefined), 'cluster-2.prod'))).toEqual({
      kind: 'versionedApp',
      namespace: 'ns',
      app: 'a',
      version: undefined,
      cluster: 'cluster-2.prod',
    });
    expect(parseNodeId(inCluster(serviceId('shop', 'cart'), 'west'))).toMatchObject({
      cluster: 'west',
    });
  });

  it('reads the unknown version back as no version', () => {
    expect(parseNodeId(versionedAppId('ns', 'a', undefined))).toMatchObject({ version: undefined });
  });

  it('keeps hosts with ports and odd characters whole (they are escaped later)', () => {
    expect(parseNodeId('ext:db.example.com:5432')).toEqual({
      kind: 'external',
      host: 'db.example.com:5432',
    });
    expect(parseNodeId('wl:ns:a"b')).toEqual({
      kind: 'workload',
      namespace: 'ns',
      workload: 'a"b',
    });
  });

  it.each([
    '',
    'wl',
    'wl:',
    'wl:ns',
    'wl:ns:',
    'wl:ns:a:b',
    'ver:ns:a',
    'pod:ns:a',
    'wl:Bad_NS:a',
    'wl:-ns:a',
    `wl:${'a'.repeat(64)}:a`,
    'wl:ns:a b',
    'wl:ns:a\nb',
    'ext:',
    'unknown:source',
    'wl:ns:a@',
    'wl:ns:a@b c',
    'unknown@east',
    'wl:ns@east:a',
  ])('refuses %j', (id) => {
    expect(parseNodeId(id)).toBeUndefined();
  });
});

describe('canBeSource / canBeTarget', () => {
  it('lets only real callers call and real callees receive', () => {
    const ext = parseNodeId('ext:api.example.com');
    const unknown = parseNodeId('unknown');
    const wl = parseNodeId('wl:ns:a');
    if (!ext || !unknown || !wl) throw new Error('fixture ids must parse');
    expect(canBeSource(ext)).toBe(false);
    expect(canBeTarget(ext)).toBe(true);
    expect(canBeSource(unknown)).toBe(true);
    expect(canBeTarget(unknown)).toBe(false);
    expect(canBeSource(wl) && canBeTarget(wl)).toBe(true);
  });
});

describe('graphTypeOf', () => {
  const refs = (...ids: string[]): NodeRef[] =>
    ids.map((id) => parseNodeId(id) ?? { kind: 'unknownSource' });

  it('reads the graph type off the ids', () => {
    expect(graphTypeOf(refs('wl:ns:a', 'wl:ns:b'))).toBe('workload');
    expect(graphTypeOf(refs('app:ns:a', 'app:ns:b'))).toBe('app');
    expect(graphTypeOf(refs('unknown', 'ver:ns:a:v1'))).toBe('versionedApp');
    expect(graphTypeOf(refs('svc:ns:a', 'svc:ns:b'))).toBe('service');
    expect(graphTypeOf(refs('svc:ns:a', 'ext:x.com'))).toBe('workload');
    expect(graphTypeOf(refs('svc:ns:a'))).toBe('service');
    expect(graphTypeOf(refs('wl:ns:a', 'svc:ns:b'))).toBe('workload');
  });
});
