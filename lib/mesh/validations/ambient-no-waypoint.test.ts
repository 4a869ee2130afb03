import { describe, expect, it } from 'vitest';
import type { MeshConfig } from './types';
import { checkAmbientNoWaypoint } from './ambient-no-waypoint';
import { istio } from '../testing/mesh';
import { travelMesh } from '../testing/travel-mesh';

const dr = (host: string, namespace = 'travel') =>
  istio('DestinationRule', namespace, 'dr', { host });
const vs = (hosts: string[], gateways?: string[]) =>
  istio('VirtualService', 'travel', 'vs', { hosts, ...(gateways && { gateways }), http: [] });

/** The travel mesh with dataPlane left out: the namespace labels decide. */
function withoutDataPlane(mesh: MeshConfig): MeshConfig {
  return {
    ...mesh,
    inventory: {
      ...mesh.inventory,
      workloads: mesh.inventory.workloads.map((w) => ({ ...w, dataPlane: undefined })),
    },
  };
}

describe('checkAmbientNoWaypoint', () => {
  it('warns on a DestinationRule for ambient workloads that no waypoint serves', () => {
    expect(checkAmbientNoWaypoint(dr('hotels-db'), travelMesh())).toEqual([
      {
        code: 'MESHLENS-103',
        severity: 'warning',
        message: expect.stringContaining(
          'hotels-db.travel runs in ambient mode without a waypoint',
        ) as string,
        path: 'spec.host',
      },
    ]);
  });

  it('warns on a mesh VirtualService for them, not on one bound only to a gateway', () => {
    expect(checkAmbientNoWaypoint(vs(['hotels-db']), travelMesh())[0]?.path).toBe('spec.hosts');
    expect(checkAmbientNoWaypoint(vs(['hotels-db'], ['istio-system/gw']), travelMesh())).toEqual(
      [],
    );
  });

  it('says nothing where a waypoint serves the host, or for sidecar workloads', () => {
    expect(checkAmbientNoWaypoint(dr('flights'), travelMesh())).toEqual([]);
    expect(checkAmbientNoWaypoint(dr('cart', 'shop'), travelMesh())).toEqual([]);
  });

  it('reads the namespace labels when the inventory has no data plane for the workloads', () => {
    const mesh = withoutDataPlane(travelMesh());
    // The travel namespace names a waypoint for every workload; none is bare then.
    expect(checkAmbientNoWaypoint(dr('hotels-db'), mesh)).toEqual([]);
    const noWaypointNs: MeshConfig = {
      ...mesh,
      inventory: {
        ...mesh.inventory,
        namespaces: [
          { name: 'travel', labels: { 'istio.io/dataplane-mode': 'ambient' }, annotations: {} },
        ],
      },
    };
    expect(checkAmbientNoWaypoint(dr('hotels'), noWaypointNs)).toHaveLength(1);
  });
});
