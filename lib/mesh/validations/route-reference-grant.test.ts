import { describe, expect, it } from 'vitest';
import { checkRouteReferenceGrant } from './route-reference-grant';
import { gatewayApi, travelMesh, TRAVEL_OBJECTS } from '../testing/travel-mesh';

const ingress = TRAVEL_OBJECTS.find((o) => o.name === 'travel-ingress');
const withoutGrants = TRAVEL_OBJECTS.filter((o) => o.kind !== 'ReferenceGrant');

describe('checkRouteReferenceGrant', () => {
  it('accepts the demo ingress route, granted by travel/allow-ingress-routes', () => {
    expect(ingress && checkRouteReferenceGrant(ingress, travelMesh())).toEqual([]);
  });

  it('flags a cross-namespace backendRef without a grant (MESHLENS-101)', () => {
    expect(ingress && checkRouteReferenceGrant(ingress, travelMesh(withoutGrants))).toEqual([
      {
        code: 'MESHLENS-101',
        severity: 'error',
        message: expect.stringContaining(
          "No ReferenceGrant in namespace 'travel' lets a HTTPRoute of 'istio-system' refer to Service 'web'",
        ) as string,
        path: 'spec.rules[0].backendRefs[0]',
      },
    ]);
  });

  it('needs the grant to name the route’s kind, namespace and (if named) the Service', () => {
    const grant = (from: Record<string, string>, to: Record<string, string>) =>
      gatewayApi('ReferenceGrant', 'travel', 'g', {
        from: [{ group: 'gateway.networking.k8s.io', ...from }],
        to: [{ group: '', kind: 'Service', ...to }],
      });
    const cases = [
      grant({ kind: 'GRPCRoute', namespace: 'istio-system' }, {}),
      grant({ kind: 'HTTPRoute', namespace: 'shop' }, {}),
      grant({ kind: 'HTTPRoute', namespace: 'istio-system' }, { name: 'hotels' }),
    ];
    for (const g of cases)
      expect(
        ingress && checkRouteReferenceGrant(ingress, travelMesh([...withoutGrants, g])),
      ).toHaveLength(1);
    const named = grant({ kind: 'HTTPRoute', namespace: 'istio-system' }, { name: 'web' });
    expect(
      ingress && checkRouteReferenceGrant(ingress, travelMesh([...withoutGrants, named])),
    ).toEqual([]);
  });

  it('needs no grant inside the route’s own namespace', () => {
    const route = gatewayApi('HTTPRoute', 'travel', 'r', {
      rules: [{ backendRefs: [{ name: 'web', namespace: 'travel' }] }],
    });
    expect(checkRouteReferenceGrant(route, travelMesh(withoutGrants))).toEqual([]);
  });
});
