import { addBookinfo } from './bookinfo.js';
import { ScenarioBuilder } from './builder.js';
import { INGRESS_HOST, addIstioSystem } from './istio-system.js';
import { addShop } from './shop.js';
import type { BuiltScenario } from './topology.js';

/** The default demo mesh: Bookinfo (STRICT, healthy) and a shop with the usual problems. */
export function buildDemoScenario(seed: number): BuiltScenario {
  const b = new ScenarioBuilder(seed);
  addIstioSystem(b);
  addBookinfo(b);
  addShop(b);
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
