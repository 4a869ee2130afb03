import { ScenarioBuilder } from './builder.js';
import { destinationRule, versionSubsets, virtualService } from './istio-objects.js';
import { INGRESS, INGRESS_HOST, addIstioSystem } from './istio-system.js';
import { serviceHost, type BuiltScenario, type WorkloadRef } from './topology.js';

export const MAX_SCALE_SERVICES = 3000;
const SERVICES_PER_NAMESPACE = 100;

/**
 * A synthetic layered mesh for benchmarks: N services in N/100 namespaces, each called by exactly
 * one parent with a fan-out of 2–4, so edges stay ~N and every service sees ~1 req/s per root req/s.
 * Only a few labels vary per edge (200, and 503 on every 37th service) to keep /metrics scrapeable.
 */
export function buildScaleScenario(seed: number, services: number): BuiltScenario {
  const n = Math.max(1, Math.min(MAX_SCALE_SERVICES, Math.floor(services)));
  const b = new ScenarioBuilder(seed);
  addIstioSystem(b);
  const namespaces = Math.ceil(n / SERVICES_PER_NAMESPACE);
  for (let i = 0; i < namespaces; i++) b.namespace(namespaceName(i), true);

  const refs: WorkloadRef[] = [];
  for (let i = 0; i < n; i++) {
    const namespace = namespaceName(Math.floor(i / SERVICES_PER_NAMESPACE));
    const app = `svc-${String(i).padStart(4, '0')}`;
    const canary = i % 50 === 49;
    b.service(namespace, app, [{ name: 'http', port: 8080 }], { app });
    for (const version of canary ? ['v1', 'v2'] : ['v1']) {
      const medianMs = 3 + b.rng.int(20);
      b.workload(
        {
          namespace,
          name: `${app}-${version}`,
          app,
          version,
          serviceAccount: app,
          replicas: 1,
          sidecar: true,
          containerPorts: [8080],
          image: `ghcr.io/meshlens-demo/synthetic:1.0`,
        },
        {
          latency: { medianMs, p95Ms: medianMs * (3 + b.rng.int(3)) },
          responseBytes: 400 + b.rng.int(4000),
          ...(i % 37 === 36 ? { errorRate: 0.02, errorStatus: 503 } : {}),
        },
      );
    }
    if (canary) {
      b.add(
        virtualService(namespace, app, {
          hosts: [app],
          http: [
            {
              route: [
                { destination: { host: app, subset: 'v1' }, weight: 90 },
                { destination: { host: app, subset: 'v2' }, weight: 10 },
              ],
            },
          ],
        }),
        destinationRule(namespace, app, { host: app, subsets: versionSubsets(['v1', 'v2']) }),
      );
    }
    refs.push({ namespace, name: `${app}-v1` });
  }

  // Breadth-first: each parent takes 2–4 children in order, one root per namespace.
  const roots = Math.min(namespaces, n);
  let nextChild = roots;
  for (let parent = 0; parent < n && nextChild < n; parent++) {
    const fanOut = 2 + b.rng.int(3);
    for (let k = 0; k < fanOut && nextChild < n; k++, nextChild++) {
      const child = refs[nextChild];
      const from = refs[parent];
      if (!child || !from) continue;
      b.call({
        from,
        host: serviceHost(child.name.replace(/-v1$/, ''), child.namespace),
        port: 8080,
        protocol: 'http',
        perRequest: 1,
        method: 'GET',
        path: '/work',
      });
    }
  }
  for (let r = 0; r < roots; r++) {
    const root = refs[r];
    if (!root) continue;
    b.call({
      from: INGRESS,
      host: serviceHost(root.name.replace(/-v1$/, ''), root.namespace),
      port: 8080,
      protocol: 'http',
      rps: 1,
      method: 'GET',
      path: '/',
    });
  }
  b.call({
    from: 'outside',
    host: INGRESS_HOST,
    port: 80,
    protocol: 'http',
    rps: roots,
    method: 'GET',
    path: '/',
  });

  return {
    name: 'scale',
    seed,
    objects: b.objects,
    topology: {
      behaviours: b.behaviours,
      calls: b.calls,
      requestClasses: [{ headers: {} }],
      tracesPerSecond: 0.05,
      maxTraces: 500,
      metrics: { byteHistograms: false, destinationHistograms: false },
    },
  };
}

function namespaceName(i: number): string {
  return `mesh-${String(i + 1).padStart(3, '0')}`;
}
