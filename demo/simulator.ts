import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createJaegerHandler } from './jaeger/handler.js';
import { TraceStore } from './jaeger/store.js';
import { Tracer } from './jaeger/tracer.js';
import type { ConfigSource } from './kube/types.js';
import { PROMETHEUS_CONTENT_TYPE, renderMetrics } from './metrics/render.js';
import { createTrafficModel, tick } from './model/advance.js';
import { newModelState, type ModelState } from './model/state.js';
import type { BuiltScenario } from './scenarios/topology.js';

export interface SimulatorOptions {
  port?: number;
  host?: '127.0.0.1';
  /** Defaults to the scenario's seed. */
  seed?: number;
  scenario: BuiltScenario;
  /** The live config (the simulated API server's store); traffic follows its edits. */
  config: ConfigSource;
  /** Serves the Kubernetes API; returns false for paths it does not own. */
  handleKube?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean;
  tickMs?: number;
  /** The state a backfill ended with, so live counters continue the history without a reset. */
  startState?: ModelState;
  /** Traces spread over the hour before start, so the traces view is not empty at first. */
  historyTraces?: number;
}

export interface Simulator {
  url: string;
  state: ModelState;
  stop(): Promise<void>;
}

const JAEGER_BASE = '/jaeger';

/**
 * The demo mesh on loopback: GET /metrics (Istio's metrics, as Prometheus scrapes a sidecar),
 * /jaeger/api/* (Jaeger's query API) and, through handleKube, the Kubernetes API.
 */
export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  const seed = opts.seed ?? opts.scenario.seed;
  const model = createTrafficModel({ ...opts.scenario, seed }, opts.config);
  const startMs = Date.now();
  const state = opts.startState ?? newModelState(seed, startMs);
  const tracer = new Tracer(model, new TraceStore(opts.scenario.topology.maxTraces));
  tracer.seedHistory(startMs - 3_600_000, startMs, opts.historyTraces ?? 300);
  const jaeger = createJaegerHandler(tracer.store);
  const shape = opts.scenario.topology.metrics;
  let lastTraceMs = startMs;
  let tickFailure: string | null = null;

  const step = (): void => {
    const now = Date.now();
    try {
      tick(model, state, now);
      tracer.generate(lastTraceMs, now);
      tickFailure = null;
    } catch (err) {
      // Keep serving: a config the model cannot read must not take the simulator down.
      const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
      if (message !== tickFailure) console.error(`demo simulator: tick failed: ${message}`);
      tickFailure = message;
    }
    lastTraceMs = now;
  };
  const timer = setInterval(step, opts.tickMs ?? 1000);

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/metrics' && (req.method === 'GET' || req.method === 'HEAD')) {
      // Catch up to the scrape's own time, so counters are current whatever the tick phase.
      step();
      res.writeHead(200, { 'Content-Type': PROMETHEUS_CONTENT_TYPE });
      res.end(req.method === 'HEAD' ? undefined : renderMetrics(state, shape));
      return;
    }
    if (jaeger(req, res, JAEGER_BASE)) return;
    if (opts.handleKube?.(req, res)) return;
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('404 page not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    stop: async () => {
      clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
