import { describe, expect, it } from 'vitest';
import { checkVirtualServiceOnWaypoint } from './virtual-service-on-waypoint';
import { istio } from '../testing/mesh';
import { travelMesh } from '../testing/travel-mesh';

const vs = (hosts: string[], gateways?: string[]) =>
  istio('VirtualService', 'travel', 'vs', { hosts, ...(gateways && { gateways }), http: [] });

describe('checkVirtualServiceOnWaypoint', () => {
  it('warns, as Istio words it, on a VirtualService for a host a waypoint serves', () => {
    const [finding] = checkVirtualServiceOnWaypoint(vs(['flights']), travelMesh());
    expect(finding).toMatchObject({
      code: 'MESHLENS-104',
      severity: 'warning',
      path: 'spec.hosts',
    });
    expect(finding?.message).toContain('flights.travel (waypoint travel/waypoint)');
    expect(finding?.message).toContain('VirtualService support with waypoints is Alpha');
  });

  it('matches a fully qualified host too', () => {
    expect(
      checkVirtualServiceOnWaypoint(vs(['hotels.travel.svc.cluster.local']), travelMesh()),
    ).toHaveLength(1);
  });

  it('leaves DestinationRules (supported on waypoints), bare ambient and sidecar hosts alone', () => {
    const mesh = travelMesh();
    expect(
      checkVirtualServiceOnWaypoint(
        istio('DestinationRule', 'travel', 'd', { host: 'flights' }),
        mesh,
      ),
    ).toEqual([]);
    expect(checkVirtualServiceOnWaypoint(vs(['hotels-db']), mesh)).toEqual([]);
    expect(checkVirtualServiceOnWaypoint(vs(['cart.shop.svc.cluster.local']), mesh)).toEqual([]);
    expect(checkVirtualServiceOnWaypoint(vs(['flights'], ['istio-system/gw']), mesh)).toEqual([]);
  });
});
