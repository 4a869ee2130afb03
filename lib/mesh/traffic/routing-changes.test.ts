import { describe, expect, it } from 'vitest';
import { RoutingChangeLog, type SeenObject } from './routing-changes';

const START = Date.parse('2026-12-05T10:00:00Z');
const reviews = { namespace: 'bookinfo', name: 'reviews' };

function vs(resourceVersion: string, generation: number, host = 'reviews'): SeenObject {
  return {
    object: {
      kind: 'VirtualService',
      apiVersion: 'networking.istio.io/v1',
      namespace: 'bookinfo',
      name: `${host}-route`,
      resourceVersion,
      labels: {},
      spec: { hosts: [host], http: [{ route: [{ destination: { host } }] }] },
    },
    generation,
    createdAt: START - 3_600_000,
  };
}

function dr(resourceVersion: string, generation: number, createdAt: number): SeenObject {
  return {
    object: {
      kind: 'DestinationRule',
      apiVersion: 'networking.istio.io/v1',
      namespace: 'bookinfo',
      name: 'reviews',
      resourceVersion,
      labels: {},
      spec: { host: 'reviews.bookinfo.svc.cluster.local' },
    },
    generation,
    createdAt,
  };
}

const ALL = [0, Number.MAX_SAFE_INTEGER] as const;

describe('RoutingChangeLog', () => {
  it('records nothing for the objects it finds at start, nor for status-only updates', () => {
    const log = new RoutingChangeLog(START);
    log.observe('add', vs('10', 1), START + 5);
    log.observe('update', vs('11', 1), START + 10);
    expect(log.forService(reviews, ...ALL)).toEqual([]);
  });

  it('records a spec change seen by the watch, at the moment it arrived', () => {
    const log = new RoutingChangeLog(START);
    log.observe('add', vs('10', 1), START + 5);
    log.observe('update', vs('12', 2), START + 60_000);
    expect(log.forService(reviews, ...ALL)).toEqual([
      {
        at: START + 60_000,
        kind: 'VirtualService',
        namespace: 'bookinfo',
        name: 'reviews-route',
        change: 'changed',
        resourceVersion: '12',
      },
    ]);
  });

  it('keeps a Meshlens write and its watch event as one change, in either order', () => {
    const writeFirst = new RoutingChangeLog(START);
    writeFirst.observe('add', vs('10', 1), START);
    writeFirst.recordWrite(vs('12', 2), 'changed', START + 100, 'alice', 'route 0: v1 90→50');
    writeFirst.observe('update', vs('12', 2), START + 150);

    const watchFirst = new RoutingChangeLog(START);
    watchFirst.observe('add', vs('10', 1), START);
    watchFirst.observe('update', vs('12', 2), START + 100);
    watchFirst.recordWrite(vs('12', 2), 'changed', START + 150, 'alice', 'route 0: v1 90→50');

    for (const log of [writeFirst, watchFirst]) {
      const changes = log.forService(reviews, ...ALL);
      expect(changes).toHaveLength(1);
      expect(changes[0]).toMatchObject({
        at: START + 100,
        by: 'alice',
        summary: 'route 0: v1 90→50',
        change: 'changed',
      });
    }
  });

  it('after a write the API server answered without a generation, a status update is no change', () => {
    const log = new RoutingChangeLog(START);
    log.observe('add', vs('10', 1), START);
    log.observe('update', vs('12', 2), START + 100);
    const stored = { object: vs('12', 2).object };
    log.recordWrite(stored, 'changed', START + 150, 'alice');
    log.observe('update', vs('13', 2), START + 200);
    expect(log.forService(reviews, ...ALL).map((c) => c.resourceVersion)).toEqual(['12']);
  });

  it('records objects created and deleted after it began, and matches them by host even when gone', () => {
    const log = new RoutingChangeLog(START);
    log.observe('add', dr('20', 1, START + 2_000), START + 2_100);
    log.observe('delete', dr('21', 1, START + 2_000), START + 9_000);
    expect(log.forService(reviews, ...ALL).map((c) => [c.kind, c.change])).toEqual([
      ['DestinationRule', 'created'],
      ['DestinationRule', 'deleted'],
    ]);
  });

  it('answers only for the service and the window asked', () => {
    const log = new RoutingChangeLog(START);
    log.observe('add', vs('10', 1), START);
    log.observe('add', vs('30', 1, 'ratings'), START);
    log.observe('update', vs('11', 2), START + 1_000);
    log.observe('update', vs('31', 2, 'ratings'), START + 2_000);
    log.observe('update', vs('12', 3), START + 5_000);
    expect(log.forService(reviews, START, START + 2_000).map((c) => c.resourceVersion)).toEqual([
      '11',
    ]);
    expect(
      log.forService({ namespace: 'bookinfo', name: 'ratings' }, ...ALL).map((c) => c.name),
    ).toEqual(['ratings-route']);
  });

  it('keeps the newest changes when more than its capacity pile up', () => {
    const log = new RoutingChangeLog(START, 3);
    log.observe('add', vs('1', 1), START);
    for (let g = 2; g <= 6; g++) log.observe('update', vs(String(g), g), START + g);
    expect(log.forService(reviews, ...ALL).map((c) => c.resourceVersion)).toEqual(['4', '5', '6']);
  });
});

describe('RoutingChangeLog with Gateway API routes', () => {
  const route = (resourceVersion: string, generation: number, parent: string): SeenObject => ({
    object: {
      kind: 'HTTPRoute',
      apiVersion: 'gateway.networking.k8s.io/v1',
      namespace: 'bookinfo',
      name: `${parent}-route`,
      resourceVersion,
      labels: {},
      spec: { parentRefs: [{ group: '', kind: 'Service', name: parent }], rules: [] },
    },
    generation,
    createdAt: START - 3_600_000,
  });

  it('lists a change to an HTTPRoute among the routing changes of its parent Service', () => {
    const log = new RoutingChangeLog(START);
    log.observe('add', route('1', 1, 'reviews'), START);
    log.observe('add', route('1', 1, 'ratings'), START);
    log.observe('update', route('2', 2, 'reviews'), START + 1000);
    log.observe('update', route('2', 2, 'ratings'), START + 1000);
    expect(log.forService(reviews, ...ALL).map((c) => [c.kind, c.name, c.change])).toEqual([
      ['HTTPRoute', 'reviews-route', 'changed'],
    ]);
  });
});
