import { DEFAULT_BEHAVIOUR, type WorkloadBehaviour } from '../scenarios/topology.js';
import { logNormalFrom, sampleLogNormal, type LogNormal, type Rng } from './random.js';

/** A workload's behaviour with its distributions precomputed. */
export interface BehaviourModel {
  latency: LogNormal;
  responseBytes: LogNormal;
  spec: WorkloadBehaviour;
}

const cache = new WeakMap<WorkloadBehaviour, BehaviourModel>();

export function behaviourModel(spec: WorkloadBehaviour | undefined): BehaviourModel {
  const s = spec ?? DEFAULT_BEHAVIOUR;
  let m = cache.get(s);
  if (!m) {
    m = {
      latency: logNormalFrom(s.latency.medianMs, s.latency.p95Ms),
      responseBytes: logNormalFrom(s.responseBytes, s.responseBytes * 1.8),
      spec: s,
    };
    cache.set(s, m);
  }
  return m;
}

/** Error probability of one pod: errorPods concentrate the workload's errorRate on a few pods. */
export function podErrorRate(spec: WorkloadBehaviour, podIndex: number, podCount: number): number {
  const rate = spec.errorRate ?? 0;
  if (!spec.errorPods) return rate;
  if (!spec.errorPods.includes(podIndex)) return 0;
  const failing = spec.errorPods.filter((i) => i < podCount).length;
  return failing === 0 ? 0 : Math.min(1, (rate * podCount) / failing);
}

const GET_REQUEST = logNormalFrom(420, 700);
const POST_REQUEST = logNormalFrom(1400, 3200);

export function sampleRequestBytes(rng: Rng, method: 'GET' | 'POST'): number {
  return Math.round(sampleLogNormal(rng, method === 'GET' ? GET_REQUEST : POST_REQUEST));
}

/** Envoy's own replies ("fault filter abort", "no healthy upstream", …) are small. */
export const LOCAL_REPLY_BYTES = 95;

/** Sidecar-to-sidecar hop cost added on the client side, in ms. */
export const HOP_OVERHEAD = logNormalFrom(0.4, 1.2);
