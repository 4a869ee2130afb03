/**
 * A route's behaviour in sentences, shown beside its split: what happens to its requests besides
 * the weights (faults, mirrors, timeout, retries), and whether the route can take requests at all.
 */
import type { TrafficRoute } from './route-weights';
import type { RouteBehaviour } from './route-behaviour';

export type RouteFactKind =
  'unreachable' | 'dead-match' | 'answer' | 'abort' | 'delay' | 'mirror' | 'timeout' | 'retries';

export interface RouteFact {
  readonly kind: RouteFactKind;
  /** Whether the fact changes what callers get (failures, delays, no traffic): shown as a warning. */
  readonly alert: boolean;
  readonly text: string;
}

/**
 * Istio's retry policy for routes that set none (pilot's default; a mesh's `defaultHttpRetryPolicy`
 * can change it, which Meshlens does not read here).
 */
const DEFAULT_RETRIES = '2 retries on connect-failure, refused-stream, unavailable, cancelled, 503';

const pct = (p: number): string => `${Math.round(p * 10) / 10}%`;

function destinationsWord(route: TrafficRoute): string {
  const taking = route.destinations.filter((d) => d.share > 0);
  const parts = taking.map((d) => `${d.subset ?? d.host} (${pct(d.share * 100)})`);
  if (parts.length === 0) return 'no destination';
  return parts.length === 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} or ${parts.at(-1)}`;
}

/** A redirect or direct response: Envoy answers itself and no destination gets the request. */
function answerFact(b: RouteBehaviour, what: string): RouteFact | undefined {
  const text = b.redirect
    ? `Redirects all ${what} (HTTP ${b.redirect.status}) to ${b.redirect.to}; no destination gets them.`
    : b.directResponse !== undefined
      ? `Answers all ${what} itself with HTTP ${b.directResponse}; no destination gets them.`
      : undefined;
  return text === undefined ? undefined : { kind: 'answer', alert: false, text };
}

function abortFact(route: TrafficRoute, b: RouteBehaviour, what: string): RouteFact | undefined {
  const a = b.abort;
  if (a === undefined) return undefined;
  if (a.percent === 0)
    return {
      kind: 'abort',
      alert: false,
      text: `Abort fault (${a.status}) with no percentage above 0: Istio aborts no request.`,
    };
  const rest =
    a.percent >= 100
      ? `none of them reaches ${destinationsWord(route)}`
      : `the other ${pct(100 - a.percent)} go on to ${destinationsWord(route)}`;
  return {
    kind: 'abort',
    alert: true,
    text: `Aborts ${pct(a.percent)} of ${what} with ${a.status}: ${rest}.`,
  };
}

function delayFact(b: RouteBehaviour, what: string): RouteFact | undefined {
  const d = b.delay;
  if (d === undefined) return undefined;
  return d.percent === 0
    ? {
        kind: 'delay',
        alert: false,
        text: `Delay fault (${d.fixedDelay}) with no percentage above 0: Istio delays no request.`,
      }
    : {
        kind: 'delay',
        alert: true,
        text: `Delays ${pct(d.percent)} of ${what} by ${d.fixedDelay}.`,
      };
}

function mirrorFacts(b: RouteBehaviour, what: string): RouteFact[] {
  return b.mirrors.map((m) => {
    const to = m.subset === undefined ? m.host : `${m.host} (subset ${m.subset})`;
    return {
      kind: 'mirror',
      alert: false,
      text:
        m.percent === 0
          ? `to ${to} at 0%: copies nothing.`
          : `${pct(m.percent)} of ${what} copied to ${to}; the copies' responses are dropped.`,
    };
  });
}

/** A duration Istio reads as "none" when zero. */
const isZeroDuration = (d: string): boolean => /^0+(\.0*)?(h|m|s|ms|us|µs|ns)?$/.test(d.trim());

function timeoutFact(b: RouteBehaviour): RouteFact | undefined {
  if (b.timeout === undefined) return undefined;
  return {
    kind: 'timeout',
    alert: false,
    text: isZeroDuration(b.timeout)
      ? `${b.timeout}, which means none.`
      : `${b.timeout}, then Envoy answers 504.`,
  };
}

function retriesFact(b: RouteBehaviour): RouteFact | undefined {
  const r = b.retries;
  if (r === undefined) return undefined;
  if (r.attempts <= 0) return { kind: 'retries', alert: false, text: 'off (attempts 0).' };
  const details = [
    ...(r.perTryTimeout !== undefined ? [`${r.perTryTimeout} per try`] : []),
    ...(r.retryOn !== undefined ? [`on ${r.retryOn}`] : []),
  ];
  return {
    kind: 'retries',
    alert: false,
    text: `up to ${r.attempts} time${r.attempts === 1 ? '' : 's'}${details.length > 0 ? `, ${details.join(', ')}` : ''}.`,
  };
}

/**
 * Once under a VirtualService's routes when one sets no retries: Istio's default policy applies to
 * it (Gateway API routes leave retries to the implementation, so nothing is said for them).
 */
export function defaultRetriesNote(routes: readonly TrafficRoute[]): string | undefined {
  const without = routes.some(
    (r) => r.unreachable === undefined && r.destinations.length > 0 && !r.behaviour?.retries,
  );
  return without
    ? `Routes that set no retries use the mesh's default retry policy (Istio's own: ${DEFAULT_RETRIES}).`
    : undefined;
}

/** The facts of one route, most important first. */
export function routeFacts(route: TrafficRoute): RouteFact[] {
  const b = route.behaviour;
  const what = route.match === undefined ? 'requests' : 'matching requests';
  const facts: (RouteFact | undefined)[] = [
    route.unreachable && { kind: 'unreachable', alert: true, text: route.unreachable.message },
    ...(route.deadMatches ?? []).map((text): RouteFact => ({
      kind: 'dead-match',
      alert: false,
      text,
    })),
    ...(b
      ? [
          answerFact(b, what),
          abortFact(route, b, what),
          delayFact(b, what),
          ...mirrorFacts(b, what),
          timeoutFact(b),
          retriesFact(b),
        ]
      : []),
  ];
  return facts.filter((f): f is RouteFact => f !== undefined);
}
