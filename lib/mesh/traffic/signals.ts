/**
 * One part of a split (a DestinationRule subset, or a GAMMA route's backend Service) summed from
 * the requests it received: the golden signals shown side by side.
 */
import { histogramQuantile } from '../graph/histogram-quantile';
import { workloadHealth } from '../health/health';
import type { HealthRules } from '../health/rules';
import type { InventoryWorkload } from '../types';
import type { SubsetSignals } from './split-types';

/** Request and latency-bucket rates of one part, per second. Mutated only while summing. */
export interface Tally {
  requests: number;
  serverErrors: number;
  clientErrors: number;
  buckets: Map<number, number>;
}

export const emptyTally = (): Tally => ({
  requests: 0,
  serverErrors: 0,
  clientErrors: 0,
  buckets: new Map(),
});

export function addTally(t: Tally, add: Readonly<Tally>): void {
  t.requests += add.requests;
  t.serverErrors += add.serverErrors;
  t.clientErrors += add.clientErrors;
  for (const [le, rate] of add.buckets) t.buckets.set(le, (t.buckets.get(le) ?? 0) + rate);
}

/** The signals of one part named `name`, whose pods are those of `members`. */
export function partSignals(
  name: string,
  labels: Readonly<Record<string, string>>,
  members: readonly InventoryWorkload[],
  t: Tally | undefined,
  rules: HealthRules,
): SubsetSignals {
  const requests = t?.requests ?? 0;
  const p95 = t
    ? histogramQuantile(
        0.95,
        [...t.buckets].map(([upperBound, count]) => ({ upperBound, count })),
      )
    : NaN;
  return {
    name,
    labels,
    workloads: members.map((w) => w.name),
    readyReplicas: members.reduce((n, w) => n + w.readyReplicas, 0),
    desiredReplicas: members.reduce((n, w) => n + w.desiredReplicas, 0),
    rps: requests,
    errorRate: requests > 0 ? (t?.serverErrors ?? 0) / requests : null,
    p95Ms: Number.isFinite(p95) ? p95 : null,
    health: workloadHealth(
      {
        inbound: {
          total: requests,
          serverErrors: t?.serverErrors ?? 0,
          clientErrors: t?.clientErrors ?? 0,
        },
        replicas: members,
      },
      rules,
    ),
  };
}
