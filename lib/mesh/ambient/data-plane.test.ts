import { describe, expect, it } from 'vitest';
import type { InventoryGateway, InventoryNamespace, InventoryService } from '../types';
import { dataPlaneOf, type DataPlaneContext } from './data-plane';

const ns = (labels: Record<string, string>): InventoryNamespace => ({
  name: 'travel',
  labels,
  annotations: {},
});
const AMBIENT = ns({ 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' });
const WAYPOINT: InventoryGateway = {
  namespace: 'travel',
  name: 'waypoint',
  className: 'istio-waypoint',
  labels: { 'istio.io/waypoint-for': 'service' },
};
const svc = (name: string, selector: Record<string, string>, labels = {}): InventoryService => ({
  namespace: 'travel',
  name,
  selector,
  ports: [],
  labels,
});
const SERVICES = [
  svc('flights', { app: 'flights' }),
  svc('hotels-db', { app: 'hotels-db' }, { 'istio.io/use-waypoint': 'none' }),
];
const context = (over: Partial<DataPlaneContext> = {}): DataPlaneContext => ({
  namespace: AMBIENT,
  services: SERVICES,
  gateways: [WAYPOINT],
  ...over,
});
const workload = (labels: Record<string, string>, hasSidecar = false) => ({
  namespace: 'travel',
  labels,
  hasSidecar,
});

describe('dataPlaneOf', () => {
  it('puts a workload of an ambient namespace behind the namespace waypoint of its Service', () => {
    expect(dataPlaneOf(workload({ app: 'flights' }), context())).toEqual({
      mode: 'ambient',
      waypoint: { namespace: 'travel', name: 'waypoint' },
    });
  });

  it('leaves a Service that opts out of the waypoint at L4', () => {
    expect(dataPlaneOf(workload({ app: 'hotels-db' }), context())).toEqual({ mode: 'ambient' });
  });

  it('gives no waypoint to a workload no Service selects when the waypoint serves services only', () => {
    expect(dataPlaneOf(workload({ app: 'batch' }), context())).toEqual({ mode: 'ambient' });
  });

  it('uses a waypoint for workload traffic when it says so', () => {
    const all = { ...WAYPOINT, labels: { 'istio.io/waypoint-for': 'all' } };
    expect(dataPlaneOf(workload({ app: 'batch' }), context({ gateways: [all] }))).toEqual({
      mode: 'ambient',
      waypoint: { namespace: 'travel', name: 'waypoint' },
    });
  });

  it('names a waypoint in another namespace through use-waypoint-namespace', () => {
    const shared = { ...WAYPOINT, namespace: 'infra', name: 'shared' };
    const labelled = svc(
      'flights',
      { app: 'flights' },
      { 'istio.io/use-waypoint': 'shared', 'istio.io/use-waypoint-namespace': 'infra' },
    );
    expect(
      dataPlaneOf(
        workload({ app: 'flights' }),
        context({ services: [labelled], gateways: [shared] }),
      ),
    ).toEqual({ mode: 'ambient', waypoint: { namespace: 'infra', name: 'shared' } });
  });

  it('gives no waypoint when the named one does not exist or is not a waypoint', () => {
    expect(dataPlaneOf(workload({ app: 'flights' }), context({ gateways: [] }))).toEqual({
      mode: 'ambient',
    });
    const ingress = { ...WAYPOINT, className: 'istio' };
    expect(dataPlaneOf(workload({ app: 'flights' }), context({ gateways: [ingress] }))).toEqual({
      mode: 'ambient',
    });
  });

  it('takes the label at its word when the Gateways are unknown', () => {
    expect(dataPlaneOf(workload({ app: 'flights' }), context({ gateways: undefined }))).toEqual({
      mode: 'ambient',
      waypoint: { namespace: 'travel', name: 'waypoint' },
    });
  });

  it('lets the pod label override the namespace, both ways', () => {
    const optOut = workload({ app: 'flights', 'istio.io/dataplane-mode': 'none' });
    expect(dataPlaneOf(optOut, context())).toEqual({ mode: 'none' });
    const optIn = workload({ app: 'x', 'istio.io/dataplane-mode': 'ambient' });
    expect(dataPlaneOf(optIn, context({ namespace: ns({}) }))).toEqual({ mode: 'ambient' });
    const byHand = dataPlaneOf(
      workload({ app: 'x' }),
      context({ podLabels: [{ 'istio.io/dataplane-mode': 'none' }] }),
    );
    expect(byHand).toEqual({ mode: 'none' });
  });

  it('keeps a sidecar even in an ambient namespace', () => {
    expect(dataPlaneOf(workload({ app: 'flights' }, true), context())).toEqual({ mode: 'sidecar' });
  });

  it('says none outside ambient without a sidecar', () => {
    expect(dataPlaneOf(workload({ app: 'flights' }), context({ namespace: ns({}) }))).toEqual({
      mode: 'none',
    });
  });

  it("marks Istio's waypoint and gateway Deployments as proxies, whatever their containers", () => {
    const gw = 'gateway.networking.k8s.io/gateway-name';
    expect(dataPlaneOf(workload({ [gw]: 'waypoint' }, true), context())).toEqual({
      mode: 'none',
      proxy: 'waypoint',
    });
    const ingress = { ...WAYPOINT, name: 'travel-gateway', className: 'istio' };
    expect(
      dataPlaneOf(workload({ [gw]: 'travel-gateway' }, true), context({ gateways: [ingress] })),
    ).toEqual({ mode: 'none', proxy: 'gateway' });
    const managed = { [gw]: 'waypoint', 'gateway.istio.io/managed': 'istio.io-mesh-controller' };
    expect(dataPlaneOf(workload(managed), context({ gateways: undefined }))).toEqual({
      mode: 'none',
      proxy: 'waypoint',
    });
  });
});
