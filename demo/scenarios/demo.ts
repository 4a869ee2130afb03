import { addBookinfo } from './bookinfo.js';
import { ScenarioBuilder } from './builder.js';
import { INGRESS_HOST, addIstioSystem } from './istio-system.js';
import { addShop } from './shop.js';
import { serviceHost, type BuiltScenario } from './topology.js';
import { TRAVEL_NS, addTravel } from './travel.js';

/**
 * The default demo mesh: Bookinfo (STRICT, healthy), a shop with the usual problems, and travel in
 * ambient mode behind a waypoint and a Gateway API ingress.
 */
export function buildDemoScenario(seed: number): BuiltScenario {
  const b = new ScenarioBuilder(seed);
  // Nothing runs in `default`; its label says it is left out of the mesh on purpose.
  b.labelledNamespace('default', { 'istio-injection': 'disabled' });
  addIstioSystem(b);
  addBookinfo(b);
  addShop(b);
  addTravel(b);
  // A sidecar client of an ambient service: the shop suggests hotels, through travel's waypoint.
  b.call({
    from: { namespace: 'shop', name: 'frontend-v1' },
    host: serviceHost('hotels', TRAVEL_NS),
    port: 8080,
    protocol: 'http',
    perRequest: 0.1,
    method: 'GET',
    path: '/api/hotels?partner=shop',
  });
  // Browsers and bots reach the gateway from outside the mesh; the gateway fans out by host.
  b.call({
    from: 'outside',
    host: INGRESS_HOST,
    port: 80,
    protocol: 'http',
    rps: 20,
    method: 'GET',
    path: '/',
  });
  return {
    name: 'demo',
    seed,
    objects: b.objects,
    topology: {
      behaviours: b.behaviours,
      calls: b.calls,
      requestClasses: [{ headers: {} }, { headers: { 'end-user': 'jason' } }],
      tracesPerSecond: 2,
      maxTraces: 20_000,
      metrics: { byteHistograms: true, destinationHistograms: true },
    },
  };
}
