/**
 * The one health rule set, used by the graph, the overview and the lists: error shares judged against
 * {@link HealthRules} per direction (worst wins), joined with pod readiness.
 */
import type { ErrorThreshold, HealthRules } from './rules';
import type { RequestCounts } from './request-counts';
import { NO_REQUESTS } from './request-counts';
import type { Health } from '../types';

export {
  DEFAULT_HEALTH_RULES,
  HEALTH_THRESHOLDS_ANNOTATION,
  parseHealthThresholds,
  rulesFor,
} from './rules';
export { KIALI_RATE_ANNOTATION, parseKialiRate } from './kiali';
export type { HealthRuleProblem, HealthRules } from './rules';

/** unknown < idle < healthy < degraded < failing: problems win, then any sign of life. */
const RANK: Readonly<Record<Health, number>> = {
  unknown: 0,
  idle: 1,
  healthy: 2,
  degraded: 3,
  failing: 4,
};

/** Shares are ratios of floating-point rates; exactly 10% must count as 10%. */
const EPSILON = 1e-9;

export function worstHealth(...healths: readonly Health[]): Health {
  let worst: Health = 'unknown';
  for (const h of healths) if (RANK[h] > RANK[worst]) worst = h;
  return worst;
}

function judge(errors: number, total: number, threshold: ErrorThreshold | null): Health {
  if (threshold === null || errors <= 0) return 'healthy';
  const share = errors / total;
  if (share >= threshold.failing - EPSILON) return 'failing';
  if (share >= threshold.degraded - EPSILON) return 'degraded';
  return 'healthy';
}

/**
 * Health of one direction of traffic; 'idle' when there is none. An edge is judged as inbound traffic
 * of its destination, whose rules it is given.
 */
export function evaluateTrafficHealth(
  counts: RequestCounts,
  rules: HealthRules,
  direction: 'inbound' | 'outbound' = 'inbound',
): Health {
  if (!(counts.total > 0)) return 'idle';
  const categories = direction === 'outbound' ? (rules.outbound ?? rules) : rules;
  return worstHealth(
    judge(counts.serverErrors, counts.total, categories.serverErrors),
    judge(counts.clientErrors, counts.total, categories.clientErrors),
  );
}

export interface Replicas {
  readonly desiredReplicas: number;
  readonly readyReplicas: number;
}

/** 'idle' when scaled to zero; failing with none ready; degraded with some missing. */
export function readinessHealth(replicas: Replicas): Health {
  if (replicas.desiredReplicas <= 0) return 'idle';
  if (replicas.readyReplicas <= 0) return 'failing';
  if (replicas.readyReplicas < replicas.desiredReplicas) return 'degraded';
  return 'healthy';
}

export interface WorkloadHealthInput {
  readonly inbound?: RequestCounts;
  readonly outbound?: RequestCounts;
  /** TCP traffic carries no error signal, but shows the node is alive: not idle. */
  readonly hasTcpTraffic?: boolean;
  /**
   * Absent when the inventory does not know the node (another cluster, outside the mesh). An app node
   * spans several workloads: the least ready one counts.
   */
  readonly replicas?: Replicas | readonly Replicas[];
}

/**
 * Inbound and outbound are judged separately so a node failing its callers is not hidden by a healthy
 * inbound share, and vice versa. Readiness can only make things worse: full readiness with no traffic
 * is 'idle', not 'healthy'. Without traffic or inventory, nothing is known: 'unknown'.
 */
export function workloadHealth(input: WorkloadHealthInput, rules: HealthRules): Health {
  let traffic = worstHealth(
    evaluateTrafficHealth(input.inbound ?? NO_REQUESTS, rules, 'inbound'),
    evaluateTrafficHealth(input.outbound ?? NO_REQUESTS, rules, 'outbound'),
  );
  if (input.hasTcpTraffic === true) traffic = worstHealth(traffic, 'healthy');
  const replicas = input.replicas;
  const list: readonly Replicas[] | undefined =
    replicas === undefined ? undefined : 'desiredReplicas' in replicas ? [replicas] : replicas;
  const readiness = worstHealth(...(list ?? []).map(readinessHealth));
  if (readiness === 'degraded' || readiness === 'failing') return worstHealth(traffic, readiness);
  if (traffic === 'idle') return list === undefined ? 'unknown' : 'idle';
  return traffic;
}
