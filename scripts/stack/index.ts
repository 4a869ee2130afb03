import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { KubeApi } from '../../demo/kube/api-server';
import type { StaticToken } from '../../demo/kube/authn';
import type { DemoUser, MeshlensScope } from '../../demo/kube/rbac-seed';
import { writeKubeconfig } from '../../demo/kube/kubeconfig';
import { buildApp, buildIsStale, startApp } from './app';
import { readyOrExit, startChild, type Child } from './child';
import { freePort } from './free-port';
import { startPrometheus } from './prometheus';
import {
  accessFileIn,
  backfillFileIn,
  startSimulation,
  type SimulationAccess,
  type SimulationOptions,
} from './simulation';
import { waitForHttp } from './wait-for';

export interface StackOptions {
  readonly scenario?: 'demo' | 'scale';
  readonly seed?: number;
  readonly services?: number;
  /** Start Meshlens too (`next start`, building first when the build is missing or stale). */
  readonly app?: boolean;
  readonly appPort?: number;
  readonly appEnv?: Readonly<Record<string, string>>;
  readonly scrapeIntervalSeconds?: number;
  /** Minutes of history to backfill into Prometheus before it starts; 0 for none. */
  readonly historyMinutes?: number;
  /**
   * Run the simulator as a child process instead of in this one, so that a test can SIGSTOP it (an
   * API server that hangs); the stack then has `simulatorProcess` and no in-process `kube`.
   */
  readonly simulatorProcess?: boolean;
  /** More static tokens for the simulated API (like --token-auth-file lines); an expiresAt in the past gives 401. */
  readonly extraTokens?: readonly StaticToken[];
  /** Where Meshlens' service account may act: 'cluster' (the default) or RoleBindings in some namespaces only. */
  readonly meshlensScope?: MeshlensScope;
  readonly log?: (line: string) => void;
}

interface StackBase {
  readonly dir: string;
  readonly simulatorUrl: string;
  readonly prometheusUrl: string;
  readonly jaegerUrl: string;
  readonly kubeconfig: string;
  readonly appUrl?: string;
  /** The environment Meshlens runs with: the same variables as against a real cluster. */
  readonly appEnv: Readonly<Record<string, string>>;
  /** The demo users (admin, bookinfo-editor, viewer) with this start's bearer tokens. */
  readonly users: readonly DemoUser[];
  stopPrometheus(): Promise<void>;
  startPrometheus(): Promise<void>;
  stop(): Promise<void>;
}

/** The default stack: the simulated cluster runs in this process, for tests to look into. */
export interface Stack extends StackBase {
  readonly kube: KubeApi;
}

/** With `simulatorProcess: true`: the simulator is a child process, to be signalled. */
export interface ProcessStack extends StackBase {
  readonly simulatorProcess: Child;
}

type Launched = SimulationAccess & { readonly url: string; readonly backfillFile?: string } & (
    { readonly kube: KubeApi } | { readonly simulatorProcess: Child }
  );

const SIMULATION_MAIN = path.join(import.meta.dirname, 'simulation-main.ts');

const accessSchema = z.object({
  users: z.array(z.object({ name: z.string(), token: z.string(), description: z.string() })),
  meshlensToken: z.string(),
});

/** The tokens a simulator child process wrote before it started listening. */
function readAccess(dir: string): SimulationAccess {
  return accessSchema.parse(JSON.parse(fs.readFileSync(accessFileIn(dir), 'utf8')));
}

/**
 * The simulator in this process, or as one node process of its own (tsx as a loader, not its CLI,
 * which would fork), so that its PID is the simulator's and a signal reaches it.
 */
async function launchSimulation(
  opts: SimulationOptions,
  asProcess: boolean,
  stops: (() => Promise<void>)[],
): Promise<Launched> {
  if (!asProcess) {
    const started = await startSimulation(opts);
    stops.push(() => started.stop());
    return started;
  }
  const logFile = path.join(opts.dir, 'simulator.log');
  const child = startChild(
    'simulator',
    process.execPath,
    ['--import', 'tsx', SIMULATION_MAIN, JSON.stringify(opts)],
    { logFile, cwd: path.resolve(import.meta.dirname, '../..') },
  );
  stops.push(() => child.stop());
  const url = `http://127.0.0.1:${opts.port}`;
  await readyOrExit(child, logFile, waitForHttp(`${url}/version`, 120_000, 'the simulator'));
  return {
    url,
    ...readAccess(opts.dir),
    simulatorProcess: child,
    ...(opts.historyMinutes > 0 && { backfillFile: backfillFileIn(opts.dir) }),
  };
}

/**
 * Starts the demo mesh simulator, a real Prometheus scraping it and, optionally, Meshlens configured
 * against both, all on free loopback ports. `stop()` ends every process it started.
 */
export function startStack(
  opts: StackOptions & { readonly simulatorProcess: true },
): Promise<ProcessStack>;
export function startStack(opts?: StackOptions): Promise<Stack>;
export async function startStack(opts: StackOptions = {}): Promise<Stack | ProcessStack> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const seed = opts.seed ?? 42;
  const scenarioName = opts.scenario ?? 'demo';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meshlens-stack-'));
  const stops: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const s of stops.reverse())
      await s().catch((err: unknown) => log(`stop failed: ${String(err)}`));
    stops.length = 0;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const simulation: SimulationOptions = {
      scenario: scenarioName,
      seed,
      services: opts.services ?? 100,
      historyMinutes: opts.historyMinutes ?? 60,
      dir,
      port: await freePort(),
      ...(opts.meshlensScope ? { meshlensScope: opts.meshlensScope } : {}),
      ...(opts.extraTokens ? { extraTokens: opts.extraTokens } : {}),
    };
    const launched = await launchSimulation(simulation, opts.simulatorProcess === true, stops);
    const { url: simulatorUrl, backfillFile } = launched;
    const kubeconfig = path.join(dir, 'kubeconfig');
    writeKubeconfig(kubeconfig, simulatorUrl, launched.meshlensToken);

    const interval = opts.scrapeIntervalSeconds ?? 5;
    const promPort = await freePort();
    const promOptions = {
      dir,
      port: promPort,
      scrapeTarget: new URL(simulatorUrl).host,
      scrapeIntervalSeconds: interval,
      log,
    };
    let prometheus: { url: string; child: Child } | undefined = await startPrometheus({
      ...promOptions,
      ...(backfillFile ? { backfillFile } : {}),
    });
    stops.push(async () => {
      await prometheus?.child.stop();
    });

    const jaegerUrl = `${simulatorUrl}/jaeger`;
    const appEnv: Record<string, string> = {
      PROMETHEUS_URL: prometheus.url,
      JAEGER_URL: jaegerUrl,
      KUBECONFIG: kubeconfig,
      MESH_NAME: scenarioName === 'demo' ? 'demo' : `scale-${opts.services ?? 100}`,
      ...opts.appEnv,
    };
    let appUrl: string | undefined;
    if (opts.app) {
      if (buildIsStale()) buildApp(log);
      const app = await startApp({
        port: opts.appPort ?? (await freePort()),
        env: appEnv,
        logFile: path.join(dir, 'meshlens.log'),
      });
      stops.push(() => app.child.stop());
      appUrl = app.url;
    }
    return {
      dir,
      simulatorUrl,
      prometheusUrl: prometheus.url,
      jaegerUrl,
      kubeconfig,
      ...(appUrl ? { appUrl } : {}),
      appEnv,
      users: launched.users,
      ...('kube' in launched
        ? { kube: launched.kube }
        : { simulatorProcess: launched.simulatorProcess }),
      async stopPrometheus() {
        await prometheus?.child.stop();
        prometheus = undefined;
      },
      async startPrometheus() {
        if (prometheus) return;
        prometheus = await startPrometheus(promOptions);
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
