/**
 * buildGraph alone on a synthetic mesh, without Prometheus or a server: the "processing" part of
 * /api/graph, quick to profile (`node --cpu-prof --import tsx bench/build-graph-cpu.ts`). Samples
 * come out of JSON.parse, as the server's do, so no label object or string is shared by accident.
 * Usage: tsx bench/build-graph-cpu.ts [services=1000] [runs=20]
 */
import { buildGraph } from '../lib/mesh/graph/build-graph';
import { durations, request, workload, type Peer } from '../lib/mesh/testing/graph-samples';
import type { Inventory, Sample } from '../lib/mesh/types';
import { median } from './graph-server';

const LE = [
  '0.5',
  '1',
  '5',
  '10',
  '25',
  '50',
  '100',
  '250',
  '500',
  '1000',
  '2500',
  '5000',
  '10000',
  '30000',
  '60000',
  '300000',
  '600000',
  '1800000',
  '3600000',
  '+Inf',
];

function synthetic(services: number): {
  inventory: Inventory;
  requests: Sample[];
  buckets: Sample[];
} {
  const perNs = 100;
  const peers: Peer[] = Array.from({ length: services }, (_, i) => ({
    ns: `scale-${Math.floor(i / perNs)}`,
    wl: `svc-${i}-v1`,
    app: `svc-${i}`,
    version: 'v1',
  }));
  const requests: Sample[] = [];
  const buckets: Sample[] = [];
  peers.forEach((from, i) => {
    const callee = peers[(i + 1) % services];
    if (callee === undefined) return;
    const to = { ...callee, svc: callee.app ?? callee.wl };
    for (const reporter of ['source', 'destination'] as const) {
      requests.push(
        request(from, to, 9, { reporter }),
        request(from, to, 1, { reporter, code: '503' }),
      );
      const counts = Object.fromEntries(LE.map((le, k) => [le, k + 1]));
      buckets.push(...durations(from, to, counts, { reporter }));
    }
  });
  const inventory: Inventory = {
    namespaces: [...new Set(peers.map((p) => p.ns))].map((name) => ({
      name,
      labels: {},
      annotations: {},
    })),
    services: peers.map((p) => ({
      namespace: p.ns,
      name: p.app ?? p.wl,
      selector: { app: p.app ?? p.wl },
      ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
    })),
    workloads: peers.map((p) => workload(p.ns, p.wl)),
    pods: [],
  };
  // Fresh objects per sample, as decoded from Prometheus' JSON.
  const fresh = (s: Sample[]): Sample[] => JSON.parse(JSON.stringify(s)) as Sample[];
  return { inventory, requests: fresh(requests), buckets: fresh(buckets) };
}

const services = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 20);
const input = synthetic(services);
const times: number[] = [];
for (let r = 0; r < runs; r++) {
  const t = performance.now();
  const graph = buildGraph({
    type: 'workload',
    window: '5m',
    timestamp: Date.now(),
    namespaces: input.inventory.namespaces.map((n) => n.name),
    requests: input.requests,
    durations: input.buckets,
    tcpSent: [],
    tcpReceived: [],
    inventory: input.inventory,
    externalHosts: [],
  });
  times.push(performance.now() - t);
  if (r === 0)
    console.log(
      `${services} services: ${input.requests.length + input.buckets.length} samples → ${graph.nodes.length} nodes, ${graph.edges.length} edges`,
    );
}
console.log(
  `buildGraph median ${median(times).toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms over ${runs} runs`,
);
