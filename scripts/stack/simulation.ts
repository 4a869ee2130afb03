import fs from 'node:fs';
import path from 'node:path';
import { backfill } from '../../demo/backfill';
import { createKubeApi, type KubeApi } from '../../demo/kube/api-server';
import type { StaticToken } from '../../demo/kube/authn';
import { demoAccess, type DemoUser, type MeshlensScope } from '../../demo/kube/rbac-seed';
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
  readonly meshlensScope?: MeshlensScope;
  readonly extraTokens?: readonly StaticToken[];
}

/** Who may use the simulated API: the demo users and Meshlens' own service account token. */
export interface SimulationAccess {
  readonly users: readonly DemoUser[];
  readonly meshlensToken: string;
}

export interface Simulation extends SimulationAccess {
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

/** Where {@link startSimulation} writes the tokens (mode 0600), so that a parent process can read them. */
export function accessFileIn(dir: string): string {
  return path.join(dir, 'access.json');
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
  const access = demoAccess(scenario.objects, {
    ...(opts.meshlensScope ? { meshlensScope: opts.meshlensScope } : {}),
    ...(opts.extraTokens ? { extraTokens: opts.extraTokens } : {}),
  });
  const kube = createKubeApi([...scenario.objects, ...access.objects], {
    authentication: { tokens: access.tokens },
  });
  const shared: SimulationAccess = { users: access.users, meshlensToken: access.meshlensToken };
  fs.writeFileSync(accessFileIn(opts.dir), JSON.stringify(shared), { mode: 0o600 });
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
      ...shared,
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
