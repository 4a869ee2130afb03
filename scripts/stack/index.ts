import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKubeApi } from '../../demo/kube/api-server';
import { writeKubeconfig } from '../../demo/kube/kubeconfig';
import { buildScenario } from '../../demo/scenarios/index';
import { startSimulator } from '../../demo/simulator';
import { backfill } from '../../demo/backfill';
import { buildApp, buildIsStale, startApp } from './app';
import type { Child } from './child';
import { freePort } from './free-port';
import { startPrometheus } from './prometheus';

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
  readonly log?: (line: string) => void;
}

export interface Stack {
  readonly dir: string;
  readonly simulatorUrl: string;
  readonly prometheusUrl: string;
  readonly jaegerUrl: string;
  readonly kubeconfig: string;
  readonly appUrl?: string;
  /** The environment Meshlens runs with: the same variables as against a real cluster. */
  readonly appEnv: Readonly<Record<string, string>>;
  readonly kube: ReturnType<typeof createKubeApi>;
  stopPrometheus(): Promise<void>;
  startPrometheus(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the demo mesh simulator, a real Prometheus scraping it and, optionally, Meshlens configured
 * against both, all on free loopback ports. `stop()` ends every process it started.
 */
export async function startStack(opts: StackOptions = {}): Promise<Stack> {
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
    const scenario = buildScenario(scenarioName, seed, { services: opts.services ?? 100 });
    const historyMinutes = opts.historyMinutes ?? 60;
    const backfillFile = path.join(dir, 'history.om');
    const history =
      historyMinutes > 0
        ? backfill({
            scenario,
            seed,
            hours: historyMinutes / 60,
            stepSeconds: 10,
            outFile: backfillFile,
          })
        : undefined;
    const kube = createKubeApi(scenario.objects);
    stops.push(async () => kube.close());
    const simulatorPort = await freePort();
    const simulator = await startSimulator({
      port: simulatorPort,
      seed,
      scenario,
      config: kube.store,
      handleKube: kube.handle,
      ...(history ? { startState: history.state } : {}),
    });
    stops.push(() => simulator.stop());
    const kubeconfig = path.join(dir, 'kubeconfig');
    writeKubeconfig(kubeconfig, simulator.url);

    const interval = opts.scrapeIntervalSeconds ?? 5;
    const promPort = await freePort();
    const promOptions = {
      dir,
      port: promPort,
      scrapeTarget: new URL(simulator.url).host,
      scrapeIntervalSeconds: interval,
      log,
    };
    let prometheus: { url: string; child: Child } | undefined = await startPrometheus({
      ...promOptions,
      ...(history ? { backfillFile } : {}),
    });
    stops.push(async () => {
      await prometheus?.child.stop();
    });

    const jaegerUrl = `${simulator.url}/jaeger`;
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
      simulatorUrl: simulator.url,
      prometheusUrl: prometheus.url,
      jaegerUrl,
      kubeconfig,
      ...(appUrl ? { appUrl } : {}),
      appEnv,
      kube,
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
