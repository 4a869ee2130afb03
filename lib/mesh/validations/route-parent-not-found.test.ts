import { describe, expect, it } from 'vitest';
import { checkRouteParentNotFound } from './route-parent-not-found';
import { gatewayApi, travelMesh, TRAVEL_OBJECTS } from '../testing/travel-mesh';

const route = (parentRefs: unknown[]) =>
  gatewayApi('HTTPRoute', 'travel', 'r', { parentRefs, rules: [] });

describe('checkRouteParentNotFound', () => {
  it('finds the demo routes’ parents: a Service (GAMMA) and a Gateway in another namespace', () => {
    const mesh = travelMesh();
    for (const obj of TRAVEL_OBJECTS) expect(checkRouteParentNotFound(obj, mesh)).toEqual([]);
  });

  it('flags a missing Gateway parent (KIA1401), defaulting kind and namespace', () => {
    expect(checkRouteParentNotFound(route([{ name: 'nope' }]), travelMesh())).toEqual([
      {
        code: 'KIA1401',
        severity: 'error',
        message: expect.stringContaining(
          "Gateway (Gateway API) 'travel/nope' does not exist",
        ) as string,
        path: 'spec.parentRefs[0]',
      },
    ]);
  });

  it('does not take an Istio Gateway of that name for the parent', () => {
    const istioGateway = {
      ...gatewayApi('Gateway', 'travel', 'gw', {}),
      apiVersion: 'networking.istio.io/v1',
    };
    const mesh = travelMesh([...TRAVEL_OBJECTS, istioGateway]);
    expect(checkRouteParentNotFound(route([{ name: 'gw' }]), mesh)[0]?.code).toBe('KIA1401');
  });

  it('flags a missing Service parent (KIA1402) and ignores parents of other kinds', () => {
    const found = checkRouteParentNotFound(
      route([
        { group: '', kind: 'Service', name: 'trains' },
        { group: 'example.com', kind: 'Thing', name: 'x' },
      ]),
      travelMesh(),
    );
    expect(found.map((v) => [v.code, v.path])).toEqual([['KIA1402', 'spec.parentRefs[0]']]);
    expect(found[0]?.message).toContain("Service 'travel/trains' does not exist");
  });
});
