import { describe, expect, it } from 'vitest';
import type { InventoryService, InventoryWorkload } from '@/lib/mesh/types';
import { analyzeDeploymentServices } from './deployment-services';
import { workload } from '../testing/mesh';
import type { MeshConfig } from './types';

type Port = InventoryService['ports'][number];

const svc = (namespace: string, name: string, app: string, ports: Port[]): InventoryService => ({
  namespace,
  name,
  selector: { app },
  ports,
});

const injected = { name: 'bookinfo', labels: { 'istio-injection': 'enabled' }, annotations: {} };
const plain = { name: 'plain', labels: {}, annotations: {} };

function meshWith(workloads: InventoryWorkload[], services: InventoryService[]): MeshConfig {
  return {
    objects: [],
    inventory: { namespaces: [injected, plain], services, workloads, pods: [] },
  };
}

/** Istio's analyzer reads the pod template, not the running pods: a Deployment without a proxy in it. */
const deployment = (namespace: string, name: string, app: string): InventoryWorkload => ({
  ...workload(namespace, name, { app }),
  hasSidecar: false,
});

const found = (mesh: MeshConfig) =>
  analyzeDeploymentServices(mesh).map(
    (f) => `${f.validation.code} ${f.resource.namespace}/${f.resource.name}`,
  );

describe('analyzeDeploymentServices', () => {
  it('flags a Deployment whose Services use one port with different protocols (IST0116)', () => {
    const mesh = meshWith(
      [deployment('bookinfo', 'details-v1', 'details')],
      [
        svc('bookinfo', 'details-tcp', 'details', [{ name: 'tcp', port: 9080, protocol: 'TCP' }]),
        svc('bookinfo', 'details-http', 'details', [
          { name: 'http', port: 9080, protocol: 'HTTP' },
        ]),
      ],
    );
    const findings = analyzeDeploymentServices(mesh);
    expect(found(mesh)).toEqual(['IST0116 bookinfo/details-v1']);
    expect(findings[0]?.validation.message).toContain(
      'bookinfo/details-http, bookinfo/details-tcp',
    );
  });

  it('flags Services that send one targetPort from different ports (IST0137)', () => {
    const mesh = meshWith(
      [deployment('bookinfo', 'conflicting-ports', 'conflicting-ports')],
      [
        svc('bookinfo', 'cp-1', 'conflicting-ports', [
          { port: 9080, targetPort: 9080, protocol: 'TCP' },
        ]),
        svc('bookinfo', 'cp-2', 'conflicting-ports', [
          { port: 9090, targetPort: 9080, protocol: 'TCP' },
        ]),
      ],
    );
    expect(found(mesh)).toEqual(['IST0137 bookinfo/conflicting-ports']);
    expect(analyzeDeploymentServices(mesh)[0]?.validation.message).toContain(
      'using targetPort "9080" but different ports: 9080, 9090',
    );
  });

  it('accepts Services on different ports, and a Deployment with no Service at all', () => {
    const mesh = meshWith(
      [
        deployment('bookinfo', 'reviews-v2', 'reviews'),
        deployment('bookinfo', 'no-services', 'ratings'),
      ],
      [
        svc('bookinfo', 'reviews-9080', 'reviews', [{ port: 9080, protocol: 'TCP' }]),
        svc('bookinfo', 'reviews-9090', 'reviews', [{ port: 9090, protocol: 'TCP' }]),
      ],
    );
    expect(found(mesh)).toEqual([]);
  });

  it('only counts Services of the Deployment’s namespace that have a selector', () => {
    const mesh = meshWith(
      [deployment('bookinfo', 'details-v1', 'details')],
      [
        svc('bookinfo', 'details', 'details', [{ port: 9080, protocol: 'TCP' }]),
        svc('other', 'details', 'details', [{ port: 9080, protocol: 'UDP' }]),
        { ...svc('bookinfo', 'headless', 'x', [{ port: 9080, protocol: 'UDP' }]), selector: {} },
      ],
    );
    expect(found(mesh)).toEqual([]);
  });

  it('skips Deployments outside the mesh and waypoints, and reads the inject annotation', () => {
    const twoProtocols = (ns: string): InventoryService[] => [
      svc(ns, 'a', 'ratings', [{ port: 9080, protocol: 'TCP' }]),
      svc(ns, 'b', 'ratings', [{ port: 9080, protocol: 'UDP' }]),
    ];
    const optedOut = {
      ...deployment('bookinfo', 'opted-out', 'ratings'),
      annotations: { 'sidecar.istio.io/inject': 'false' },
    };
    const waypoint: InventoryWorkload = {
      ...deployment('bookinfo', 'waypoint', 'ratings'),
      hasSidecar: true,
      dataPlane: { mode: 'none', proxy: 'waypoint' },
    };
    const notInjected = deployment('plain', 'not-injected', 'ratings');
    const optedIn = {
      ...deployment('plain', 'ann-enabled-ns-disabled', 'ratings'),
      annotations: { 'sidecar.istio.io/inject': 'true' },
    };
    const mesh = meshWith(
      [optedOut, waypoint, notInjected, optedIn],
      [...twoProtocols('bookinfo'), ...twoProtocols('plain')],
    );
    expect(found(mesh)).toEqual(['IST0116 plain/ann-enabled-ns-disabled']);
  });
});
