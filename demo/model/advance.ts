import type { ConfigSource } from '../kube/types.js';
import type { BuiltScenario, Topology } from '../scenarios/topology.js';
import { Rng, rateNoise } from './random.js';
import type { SimContext } from './sim-context.js';
import { simulateHttpRequest } from './simulate-http.js';
import { simulateTcp } from './simulate-tcp.js';
import type { ModelState } from './state.js';
import { MeshViewSource, type IndexedCall } from './view.js';

/** The traffic model bound to one scenario and one live config. */
export interface TrafficModel {
  seed: number;
  topology: Topology;
  views: MeshViewSource;
}

export function createTrafficModel(scenario: BuiltScenario, config: ConfigSource): TrafficModel {
  return {
    seed: scenario.seed,
    topology: scenario.topology,
    views: new MeshViewSource(config, scenario.topology),
  };
}

/**
 * Simulates every request between fromMs and toMs and adds them to `state` (in place; counters only
 * grow). Deterministic: the same state, config and interval give the same result, whether the
 * interval is one live tick or one backfill step.
 */
export function advance(
  model: TrafficModel,
  state: ModelState,
  fromMs: number,
  toMs: number,
): void {
  const seconds = (toMs - fromMs) / 1000;
  if (seconds <= 0) return;
  const view = model.views.current();
  const rng = new Rng(state.rngState);
  const classCount = Math.max(1, model.topology.requestClasses.length);
  const arrivals = new Map<string, Float64Array>();
  const sim: SimContext = {
    state,
    rng,
    view,
    behaviours: model.topology.behaviours,
    nowMs: toMs,
    arrive(key, classId) {
      let a = arrivals.get(key);
      if (!a) arrivals.set(key, (a = new Float64Array(classCount)));
      a[classId] = (a[classId] ?? 0) + 1;
    },
  };
  const midMs = (fromMs + toMs) / 2;
  for (const root of view.rootCalls) {
    const rate =
      (root.call.rps ?? 0) * seconds * rateNoise(model.seed, `call-${root.index}`, midMs);
    for (let classId = 0; classId < classCount; classId++) {
      const share = root.call.classShares
        ? (root.call.classShares[classId] ?? 0)
        : classId === 0
          ? 1
          : 0;
      if (share > 0) runCall(sim, root, classId, rate * share);
    }
  }
  for (const callerKey of view.workloadOrder) {
    const served = arrivals.get(callerKey);
    const calls = view.childCallsByCaller.get(callerKey);
    if (!served || !calls) continue;
    for (const c of calls) {
      for (let classId = 0; classId < classCount; classId++) {
        const n = served[classId] ?? 0;
        if (n > 0) runCall(sim, c, classId, n * (c.call.perRequest ?? 1));
      }
    }
  }
  state.rngState = rng.state;
  state.nowMs = toMs;
}

function runCall(sim: SimContext, c: IndexedCall, classId: number, expected: number): void {
  const caller = sim.view.caller(c.callerKey);
  for (const flow of sim.view.flows(c, classId)) {
    const count = sim.rng.round(expected * flow.share);
    if (c.call.protocol === 'tcp') simulateTcp(sim, caller, c.call, flow, count);
    else for (let i = 0; i < count; i++) simulateHttpRequest(sim, caller, c.call, flow, classId);
  }
}

/** Advances `state` to nowMs; what the simulator's timer calls. */
export function tick(model: TrafficModel, state: ModelState, nowMs: number): void {
  advance(model, state, state.nowMs, nowMs);
}
