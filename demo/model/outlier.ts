import type { Endpoint } from './mesh.js';
import type { ResolvedFlow } from './routing.js';
import type { SimContext } from './sim-context.js';

/**
 * A simple outlier detector: a pod that returns consecutive5xxErrors 5xx in a row is ejected for
 * baseEjectionTime. Envoy keeps this per client proxy; one shared view is close enough here.
 * Envoy ejects at least one host whatever maxEjectionPercent says, and never the last one standing
 * (panic mode then spreads traffic over all hosts again).
 */
export function pickEndpoint(sim: SimContext, flow: ResolvedFlow): Endpoint | undefined {
  const all = flow.endpoints;
  if (all.length <= 1 || !flow.outlier) return all[sim.rng.int(all.length)];
  const healthy = all.filter((ep) => (sim.state.ejectedUntil.get(ep.pod.name) ?? 0) <= sim.nowMs);
  const pool = healthy.length > 0 ? healthy : all;
  return pool[sim.rng.int(pool.length)];
}

export function noteOutcome(
  sim: SimContext,
  flow: ResolvedFlow,
  podName: string,
  is5xx: boolean,
): void {
  const policy = flow.outlier;
  if (!policy) return;
  const { state } = sim;
  if (!is5xx) {
    state.consecutive5xx.delete(podName);
    return;
  }
  const run = (state.consecutive5xx.get(podName) ?? 0) + 1;
  state.consecutive5xx.set(podName, run);
  if (run < policy.consecutive5xx) return;
  state.consecutive5xx.delete(podName);
  const ejected = flow.endpoints.filter(
    (ep) => (state.ejectedUntil.get(ep.pod.name) ?? 0) > sim.nowMs,
  ).length;
  const allowed = Math.max(
    1,
    Math.floor((flow.endpoints.length * policy.maxEjectionPercent) / 100),
  );
  if (ejected < allowed && ejected < flow.endpoints.length - 1)
    state.ejectedUntil.set(podName, sim.nowMs + policy.baseEjectionMs);
}
