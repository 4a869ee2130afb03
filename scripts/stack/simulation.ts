import path from 'node:path';
import { backfill } from '../../demo/backfill';
import { createKubeApi, type KubeApi } from '../../demo/kube/api-server';
import { buildScenario } from '../../demo/scenarios/index';
import { startSimulator } from '../../demo/simulator';

export interface SimulationOptions {
  readonly scenario: 'demo' | 'scale';
  readonly seed: number;
  readonly services: number;
  /** Minutes of history written to `<dir>/history.om` for Prometheus to import; 0 for none. */
  readonly historyMinutes: number;
  readonly dir: string;
  readonly port: number;
}

export interface Simulation {
  readonly url: string;
  readonly kube: KubeApi;
  /** The history for Prometheus, when one was asked for. */
  readonly backfillFile?: string;
  stop(): Promise<void>;
}

/** Where {@link startSimulation} writes the history, so that a parent process can find it. */
export function backfillFileIn(dir: string): string {
  return path.join(dir, 'history.om');
}

/** The demo mesh: its Kubernetes API, metrics and Jaeger API on one loopback port. */
export async function startSimulation(opts: SimulationOptions): Promise<Simulation> {
  const scenario = buildScenario(opts.scenario, opts.seed, { services: opts.services });
  const backfillFile = backfillFileIn(opts.dir);
  const history =
    opts.historyMinutes > 0
      ? backfill({
          scenario,
          seed: opts.seed,
          hours: opts.historyMinutes / 60,
          stepSeconds: 10,
          outFile: backfillFile,
        })
      : undefined;
  const kube = createKubeApi(scenario.objects);
  try {
    const simulator = await startSimulator({
      port: opts.port,
      seed: opts.seed,
      scenario,
      config: kube.store,
      handleKube: kube.handle,
      ...(history ? { startState: history.state } : {}),
    });
    return {
      url: simulator.url,
      kube,
      ...(history ? { backfillFile } : {}),
      async stop() {
        kube.close();
        await simulator.stop();
      },
    };
  } catch (err) {
    kube.close();
    throw err;
  }
}
