import { describe, expect, it } from 'vitest';
import { checkRouteNotAccepted } from './route-not-accepted';
import { gatewayApi, TRAVEL_OBJECTS } from '../testing/travel-mesh';

const routeWith = (conditions: unknown[]) =>
  gatewayApi(
    'HTTPRoute',
    'travel',
    'r',
    {},
    {
      parents: [
        {
          parentRef: { name: 'travel-gateway', namespace: 'istio-system' },
          controllerName: 'istio.io/gateway-controller',
          conditions,
        },
      ],
    },
  );

describe('checkRouteNotAccepted', () => {
  it('passes the demo routes, accepted with their references resolved', () => {
    for (const obj of TRAVEL_OBJECTS) expect(checkRouteNotAccepted(obj)).toEqual([]);
  });

  it('reports Accepted and ResolvedRefs False with the controller’s reason and message', () => {
    const found = checkRouteNotAccepted(
      routeWith([
        {
          type: 'Accepted',
          status: 'False',
          reason: 'NotAllowedByListeners',
          message: 'no listener allows this namespace',
        },
        {
          type: 'ResolvedRefs',
          status: 'False',
          reason: 'BackendNotFound',
          message: 'backend(web.travel) not found',
        },
        { type: 'Programmed', status: 'False', reason: 'Pending' },
      ]),
    );
    expect(found.map((v) => [v.code, v.severity])).toEqual([
      ['MESHLENS-102', 'error'],
      ['MESHLENS-102', 'error'],
    ]);
    expect(found[0]?.message).toBe(
      'istio.io/gateway-controller did not accept this route at parent Gateway istio-system/travel-gateway: Accepted False, NotAllowedByListeners (no listener allows this namespace).',
    );
    expect(found[1]?.message).toContain('ResolvedRefs False, BackendNotFound');
  });

  it('says nothing for a route without status (not yet reconciled) or a non-route', () => {
    expect(checkRouteNotAccepted(gatewayApi('HTTPRoute', 'travel', 'r', {}))).toEqual([]);
    const gateway = {
      ...routeWith([{ type: 'Accepted', status: 'False' }]),
      kind: 'K8sGateway' as const,
    };
    expect(checkRouteNotAccepted(gateway)).toEqual([]);
  });
});
