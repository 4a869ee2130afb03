import { ScenarioBuilder } from '../scenarios/builder.js';
import {
  destinationRule,
  peerAuthentication,
  versionSubsets,
  virtualService,
} from '../scenarios/istio-objects.js';
import { serviceHost, type BuiltScenario, type WorkloadBehaviour } from '../scenarios/topology.js';
import { advance, createTrafficModel } from './advance.js';
import { newModelState, type ModelState } from './state.js';
import { StaticConfig } from './static-config.js';

/** Test support: a two-workload mesh (client → server v1/v2) and readers for the model's series. */

export interface MiniMeshOptions {
  clientSidecar?: boolean;
  mtls?: 'STRICT' | 'PERMISSIVE';
  rps?: number;
  server?: Partial<WorkloadBehaviour>;
  serverReplicas?: number;
  /** Share of requests carrying `end-user: jason`. */
  jasonShare?: number;
}

export const NS = 'app';
export const SERVER_HOST = serviceHost('server', NS);

export function miniMesh(opts: MiniMeshOptions = {}): {
  scenario: BuiltScenario;
  config: StaticConfig;
} {
  const b = new ScenarioBuilder(7);
  b.namespace(NS, true);
  b.service(NS, 'server', [{ name: 'http', port: 8080 }], { app: 'server' });
  for (const version of ['v1', 'v2']) {
    b.workload(
      {
        namespace: NS,
        name: `server-${version}`,
        app: 'server',
        version,
        serviceAccount: 'server',
        replicas: opts.serverReplicas ?? 1,
        sidecar: true,
        containerPorts: [8080],
        image: 'server',
      },
      { latency: { medianMs: 20, p95Ms: 60 }, responseBytes: 800, ...opts.server },
    );
  }
  b.workload({
    namespace: NS,
    name: 'client',
    app: 'client',
    serviceAccount: 'client',
    replicas: 1,
    sidecar: opts.clientSidecar ?? true,
    containerPorts: [8080],
    image: 'client',
  });
  const jason = opts.jasonShare ?? 0;
  b.call({
    from: { namespace: NS, name: 'client' },
    host: SERVER_HOST,
    port: 8080,
    protocol: 'http',
    rps: opts.rps ?? 50,
    method: 'GET',
    path: '/api',
    classShares: [1 - jason, jason],
  });
  b.add(
    destinationRule(NS, 'server', { host: 'server', subsets: versionSubsets(['v1', 'v2']) }),
    virtualService(NS, 'server', {
      hosts: ['server'],
      http: [
        {
          route: [
            { destination: { host: 'server', subset: 'v1' }, weight: 80 },
            { destination: { host: 'server', subset: 'v2' }, weight: 20 },
          ],
        },
      ],
    }),
    peerAuthentication(NS, 'default', opts.mtls ?? 'PERMISSIVE'),
  );
  const scenario: BuiltScenario = {
    name: 'demo',
    seed: 7,
    objects: b.objects,
    topology: {
      behaviours: b.behaviours,
      calls: b.calls,
      requestClasses: [{ headers: {} }, { headers: { 'end-user': 'jason' } }],
      tracesPerSecond: 1,
      maxTraces: 100,
      metrics: { byteHistograms: true, destinationHistograms: true },
    },
  };
  return { scenario, config: new StaticConfig(scenario.objects) };
}

/** Runs the model for `seconds` one-second ticks and returns the state. */
export function run(
  scenario: BuiltScenario,
  config: StaticConfig,
  seconds: number,
  state: ModelState = newModelState(scenario.seed, 0),
): ModelState {
  const model = createTrafficModel(scenario, config);
  for (let i = 0; i < seconds; i++) advance(model, state, state.nowMs, state.nowMs + 1000);
  return state;
}

export function parseLabels(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of block.matchAll(/([a-z_]+)="((?:[^"\\]|\\.)*)"/g)) out[m[1] ?? ''] = m[2] ?? '';
  return out;
}

/** Requests summed over the HTTP series whose labels include every pair in `match`. */
export function requests(state: ModelState, match: Readonly<Record<string, string>>): number {
  let total = 0;
  for (const s of state.http.values()) {
    const labels = parseLabels(s.labels);
    if (Object.entries(match).every(([k, v]) => labels[k] === v)) total += s.requests;
  }
  return total;
}

export function seriesLabels(state: ModelState): Record<string, string>[] {
  return [...state.http.values()].map((s) => parseLabels(s.labels));
}

/** The TCP series' labels and counters. */
export function tcpSeries(
  state: ModelState,
): { labels: Record<string, string>; opened: number; sent: number; received: number }[] {
  return [...state.tcp.values()].map((s) => ({
    labels: parseLabels(s.labels),
    opened: s.opened,
    sent: s.sent,
    received: s.received,
  }));
}
