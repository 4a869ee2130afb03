import { describe, expect, it } from 'vitest';
import type { IstioObject } from '@/lib/mesh/types';
import { checkTelemetrySelectors } from './telemetry-selectors';
import { istio, meshOf, pod } from '../testing/mesh';

const telemetry = (namespace: string, name: string, matchLabels?: Record<string, string>) =>
  istio('Telemetry', namespace, name, {
    ...(matchLabels && { selector: { matchLabels } }),
    metrics: [{ providers: [{ name: 'prometheus' }] }],
  });

const pods = [
  pod('default', 'productpage', { app: 'productpage' }),
  pod('other', 'productpage-other', { app: 'productpage' }),
  pod('default', 'reviews', { app: 'reviews' }),
  pod('default', 'ratings', { app: 'ratings-app', myapp: 'ratings-myapp' }),
];

const check = (obj: IstioObject, all: IstioObject[]) =>
  checkTelemetrySelectors(obj, meshOf(all, [], pods)).map((v) => v.code);

describe('checkTelemetrySelectors', () => {
  it('accepts a selector that matches a pod of its namespace and no other Telemetry', () => {
    const t = telemetry('default', 'maps-correctly', { app: 'productpage' });
    expect(check(t, [t])).toEqual([]);
  });

  it('flags a selector that matches no pod, in its own namespace only (IST0101)', () => {
    const bogus = telemetry('default', 'maps-to-nonexistent', { app: 'bogus' });
    const elsewhere = telemetry('other', 'maps-to-different-ns', { app: 'reviews' });
    expect(check(bogus, [bogus, elsewhere])).toEqual(['IST0101']);
    expect(check(elsewhere, [bogus, elsewhere])).toEqual(['IST0101']);
    expect(checkTelemetrySelectors(bogus, meshOf([bogus], [], pods))[0]?.message).toContain(
      'Referenced selector not found: "app=bogus"',
    );
  });

  it('flags each of two Telemetries selecting the same pod, by equal or overlapping selectors (IST0159)', () => {
    const dupe1 = telemetry('default', 'dupe-1', { app: 'reviews' });
    const dupe2 = telemetry('default', 'dupe-2', { app: 'reviews' });
    const overlap1 = telemetry('default', 'overlap-1', { app: 'ratings-app' });
    const overlap2 = telemetry('default', 'overlap-2', { myapp: 'ratings-myapp' });
    const all = [dupe1, dupe2, overlap1, overlap2];
    expect(all.map((t) => check(t, all))).toEqual([
      ['IST0159'],
      ['IST0159'],
      ['IST0159'],
      ['IST0159'],
    ]);
    expect(checkTelemetrySelectors(dupe1, meshOf(all, [], pods))[0]?.message).toContain(
      'The Telemetries dupe-1, dupe-2 in namespace "default" select the same workload pod "reviews"',
    );
  });

  it('flags each of two namespace-wide Telemetries in one namespace (IST0160), not one beside a selector', () => {
    const alone = telemetry('ns1', 'no-selector');
    const selected = telemetry('ns1', 'has-selector', { app: 'foo' });
    const conflict1 = telemetry('ns2', 'has-conflict-1');
    const conflict2 = telemetry('ns2', 'has-conflict-2');
    const all = [alone, selected, conflict1, conflict2];
    expect(check(alone, all)).toEqual([]);
    expect(check(conflict1, all)).toEqual(['IST0160']);
    expect(check(conflict2, all)).toEqual(['IST0160']);
  });

  it('does not count a Telemetry attached by targetRefs as namespace-wide', () => {
    const wide = telemetry('ns2', 'wide');
    const attached = istio('Telemetry', 'ns2', 'attached', {
      targetRefs: [{ kind: 'Gateway', group: 'gateway.networking.k8s.io', name: 'waypoint' }],
    });
    expect(check(wide, [wide, attached])).toEqual([]);
  });
});
