import { routeLabel } from './route-shadow';
import type { TrafficRoute } from './route-weights';
import type { SubsetSignals, TrafficWarning } from './split-types';
import { windowSeconds as secondsOf, type Window } from '../types';

/** Configured and observed shares may differ by this much (0..1) before it is worth a warning. */
export const DIVERGENCE_THRESHOLD = 0.05;

/** Below this rate a few requests swing the shares by many points: no divergence warning. */
export const MIN_RPS_FOR_DIVERGENCE = 0.2;

export interface TrafficWarningsInput {
  readonly routes: readonly TrafficRoute[];
  readonly defaultRoute: number;
  readonly subsets: readonly SubsetSignals[];
  readonly shares: Readonly<Record<string, number>>;
  readonly totalRps: number;
  /** Share of requests from callers without a proxy, which never see the VirtualService, 0..1. */
  readonly unproxiedShare: number;
  /** Share of requests an abort fault answered before any subset, 0..1. */
  readonly faultAbortedShare?: number;
  readonly undefinedSubsets: readonly string[];
  /** Parts (defined subsets, existing backend Services) that no workload or pod provides. */
  readonly unprovided?: readonly string[];
  /** `namespace/name` of every VirtualService claiming the service's host. */
  readonly virtualServices: readonly string[];
  readonly window: Window;
  /**
   * Seconds the routes have been as they are now; null when unknown (the change predates what the
   * server has seen), in which case they are judged as settled.
   */
  readonly routesAgeSeconds: number | null;
  /** What the parts of the split are: DestinationRule subsets (the default) or a route's backend Services. */
  readonly parts?: 'subset' | 'backend';
  /** The kind of the routing object, as the messages name it; VirtualService when absent. */
  readonly routingKind?: string;
}

const pct = (share: number): string => `${Math.round(share * 100)}%`;

const partNoun = (input: TrafficWarningsInput): string =>
  input.parts === 'backend' ? 'Backend' : 'Subset';

const duration = (seconds: number): string =>
  seconds < 90 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;

/** Configured share per part: by subset, or for a route's backends (no subsets) by host. */
function configuredShares(route: TrafficRoute | undefined, byHost: boolean): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of route?.destinations ?? []) {
    const key = byHost ? d.host : d.subset;
    if (key !== undefined) out.set(key, (out.get(key) ?? 0) + d.share);
  }
  return out;
}

function likelyCauses(
  s: SubsetSignals | undefined,
  observedLow: boolean,
  input: TrafficWarningsInput,
): string[] {
  const causes: string[] = [];
  const backend = input.parts === 'backend';
  if (s && observedLow && s.workloads.length === 0)
    causes.push(
      backend
        ? 'the backend Service selects no workload'
        : `no workload of the service has the subset's labels`,
    );
  else if (s && observedLow && s.readyReplicas === 0)
    causes.push(`the ${backend ? 'backend' : 'subset'} has no ready pods`);
  const matched = input.routes.filter(
    (r) => r.index !== input.defaultRoute && r.match !== undefined && r.unreachable === undefined,
  );
  if (matched.length > 0) {
    causes.push(
      `${matched.length} header- or path-matched route${matched.length === 1 ? '' : 's'} take${matched.length === 1 ? 's' : ''} part of the traffic by ${matched.length === 1 ? 'its' : 'their'} own rules`,
    );
  }
  if (observedLow && (input.faultAbortedShare ?? 0) > DIVERGENCE_THRESHOLD) {
    causes.push(
      `${pct(input.faultAbortedShare ?? 0)} of requests were aborted by an injected fault and reached no ${backend ? 'backend' : 'subset'}`,
    );
  }
  if (input.unproxiedShare > DIVERGENCE_THRESHOLD) {
    causes.push(
      `${pct(input.unproxiedShare)} of requests come from callers without a sidecar, which bypass the ${input.routingKind ?? 'VirtualService'}`,
    );
  }
  if (input.routesAgeSeconds === null) {
    causes.push(
      `a change made less than ${input.window} ago is still averaging in (the observed share covers the last ${input.window})`,
    );
  }
  return causes;
}

/**
 * One warning per part the routes send traffic to although nothing provides it, with the share
 * each reachable route sends there ("100% of traffic goes to v2, which no workload provides").
 */
function unprovidedWarnings(input: TrafficWarningsInput): TrafficWarning[] {
  const byHost = input.parts === 'backend';
  const reachable = input.routes.filter((r) => r.unreachable === undefined);
  return (input.unprovided ?? []).flatMap((name): TrafficWarning[] => {
    const sending = reachable.flatMap((r) => {
      const share = configuredShares(r, byHost).get(name) ?? 0;
      return share > 0 ? [{ r, share }] : [];
    });
    if (sending.length === 0) return [];
    const what =
      reachable.length === 1
        ? `${pct(sending[0]?.share ?? 0)} of traffic goes`
        : `${sending.map(({ r, share }) => `${pct(share)} of ${routeLabel(r.index, r.name)}'s traffic`).join(' and ')} go${sending.length === 1 ? 'es' : ''}`;
    return [
      {
        code: 'no-workload',
        subset: name,
        message: `${what} to ${name}, which no workload provides: those requests fail with 503 (no healthy upstream).`,
      },
    ];
  });
}

/**
 * Warnings a person should see before trusting or changing the split: two VirtualServices for one host,
 * subsets no DestinationRule defines, weight sent to a subset with no ready pods, and configured
 * weights of the default route that the observed shares have not followed for a whole window (until
 * the routes are that old, a `settling` note instead).
 */
export function trafficWarnings(input: TrafficWarningsInput): TrafficWarning[] {
  const warnings: TrafficWarning[] = [];
  if (input.virtualServices.length > 1) {
    warnings.push({
      code: 'several-virtual-services',
      message: `${input.virtualServices.length} VirtualServices claim this host (${input.virtualServices.join(', ')}); Istio uses one of them, so the others' routes may be ignored. Showing ${input.virtualServices[0]}.`,
    });
  }
  for (const subset of input.undefinedSubsets) {
    warnings.push({
      code: 'undefined-subset',
      subset,
      message: `Routes send traffic to subset ${subset}, which no DestinationRule for this host defines: those requests fail with 503.`,
    });
  }
  warnings.push(...unprovidedWarnings(input));
  const configured = configuredShares(input.routes[input.defaultRoute], input.parts === 'backend');
  for (const s of input.subsets) {
    if ((configured.get(s.name) ?? 0) > 0 && s.workloads.length > 0 && s.readyReplicas === 0) {
      warnings.push({
        code: 'no-ready-pods',
        subset: s.name,
        message: `${partNoun(input)} ${s.name} is given ${pct(configured.get(s.name) ?? 0)} of the traffic but has no ready pods: those requests fail.`,
      });
    }
  }
  if (input.routes.length === 0 || input.totalRps < MIN_RPS_FOR_DIVERGENCE) return warnings;
  const windowSeconds = secondsOf(input.window);
  // Right after a change the window still averages the old split in: any difference is expected, and
  // a warning then would teach people to ignore the real ones.
  if (input.routesAgeSeconds !== null && input.routesAgeSeconds < windowSeconds) {
    warnings.push({
      code: 'settling',
      message: `The routes changed ${duration(input.routesAgeSeconds)} ago; the observed shares cover the last ${input.window} and still include the split before. They are compared with the configured weights in ${duration(windowSeconds - input.routesAgeSeconds)}.`,
    });
    return warnings;
  }
  const names = new Set([...configured.keys(), ...input.subsets.map((s) => s.name)]);
  for (const name of names) {
    const want = configured.get(name) ?? 0;
    const got = input.shares[name] ?? 0;
    if (Math.abs(got - want) <= DIVERGENCE_THRESHOLD) continue;
    const signals = input.subsets.find((s) => s.name === name);
    const causes = likelyCauses(signals, got < want, input);
    warnings.push({
      code: 'divergence',
      subset: name,
      message: `${partNoun(input)} ${name} is configured for ${pct(want)} but received ${pct(got)} over the last ${input.window}. Likely cause: ${causes.join('; or ')}.`,
    });
  }
  return warnings;
}
