import { describe, expect, it } from 'vitest';
import { checkRouteBackendNotFound } from './route-backend-not-found';
import { gatewayApi, travelMesh, TRAVEL_OBJECTS } from '../testing/travel-mesh';

const route = (backendRefs: unknown[], namespace = 'travel') =>
  gatewayApi('GRPCRoute', namespace, 'r', { parentRefs: [], rules: [{ backendRefs }] });

describe('checkRouteBackendNotFound', () => {
  it('finds every backend of the demo routes', () => {
    const mesh = travelMesh();
    for (const obj of TRAVEL_OBJECTS) expect(checkRouteBackendNotFound(obj, mesh)).toEqual([]);
  });

  it('looks a Service up in the route’s namespace unless the ref names another', () => {
    const found = checkRouteBackendNotFound(
      route([
        { name: 'web' },
        { name: 'web', namespace: 'shop' },
        { name: 'cart', namespace: 'shop' },
      ]),
      travelMesh(),
    );
    expect(found).toEqual([
      {
        code: 'KIA1402',
        severity: 'error',
        message: expect.stringContaining("Service 'shop/web' does not exist") as string,
        path: 'spec.rules[0].backendRefs[1]',
      },
    ]);
  });

  it('leaves backends of other kinds alone', () => {
    const ref = { group: 'networking.istio.io', kind: 'Hostname', name: 'api.example.com' };
    expect(checkRouteBackendNotFound(route([ref]), travelMesh())).toEqual([]);
  });
});
