/**
 * What a VirtualService http rule does to the requests it takes besides picking a destination:
 * injected faults, mirrors, timeout and retries, read as Istio applies them so that the split view
 * can say what the traffic will really do.
 * Ref https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRoute
 */
import { isRecord } from '../istio/read';

export interface RouteAbort {
  /** Share of the rule's requests aborted, 0..100. */
  readonly percent: number;
  /** `HTTP 503`, `gRPC UNAVAILABLE`, `HTTP/2 error …`. */
  readonly status: string;
}

export interface RouteDelay {
  readonly percent: number;
  /** As written (`5s`, `100ms`). */
  readonly fixedDelay: string;
}

export interface RouteMirror {
  readonly host: string;
  readonly subset?: string;
  /** Share of the rule's requests copied there, 0..100. */
  readonly percent: number;
}

export interface RouteRetries {
  /** Retries after the first try; 0 turns retries off. */
  readonly attempts: number;
  readonly perTryTimeout?: string;
  readonly retryOn?: string;
}

export interface RouteBehaviour {
  /** `redirect`: Envoy answers with a redirect (status, target as written); the route sends nothing on. */
  readonly redirect?: { readonly status: number; readonly to: string };
  /** `directResponse`: Envoy answers with this status itself; the route sends nothing on. */
  readonly directResponse?: number;
  readonly abort?: RouteAbort;
  readonly delay?: RouteDelay;
  readonly mirrors: readonly RouteMirror[];
  /** As written; absent when the rule sets none (Istio's default: no timeout). */
  readonly timeout?: string;
  /** Absent when the rule sets none: Istio's mesh-wide default retry policy applies. */
  readonly retries?: RouteRetries;
}

const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const clampPercent = (p: number): number => Math.min(100, Math.max(0, p));

/**
 * `percentage.value`, else the deprecated integer `percent`, else 0: Istio hands Envoy no
 * percentage then and Envoy injects the fault into no request, whatever older docs said
 * (istio/istio#36303, #39969).
 */
function faultPercent(raw: Record<string, unknown>): number {
  const value = isRecord(raw.percentage) ? num(raw.percentage.value) : undefined;
  return clampPercent(value ?? num(raw.percent) ?? 0);
}

function abortOf(raw: unknown): RouteAbort | undefined {
  if (!isRecord(raw)) return undefined;
  const http = num(raw.httpStatus);
  const grpc = str(raw.grpcStatus);
  const http2 = str(raw.http2Error);
  const status =
    http !== undefined
      ? `HTTP ${http}`
      : grpc !== undefined
        ? `gRPC ${grpc}`
        : http2 !== undefined
          ? `HTTP/2 error ${http2}`
          : undefined;
  return status === undefined ? undefined : { percent: faultPercent(raw), status };
}

function delayOf(raw: unknown): RouteDelay | undefined {
  if (!isRecord(raw)) return undefined;
  const fixedDelay = str(raw.fixedDelay);
  // Istio drops exponential delays (not supported), so only a fixed one delays anything.
  return fixedDelay === undefined ? undefined : { percent: faultPercent(raw), fixedDelay };
}

/**
 * Istio mirrors 100% when no percentage is set; an explicit 0 (mirrorPercentage, the old
 * integer mirrorPercent, or a mirrors[] entry's percentage) turns that mirror off.
 */
function mirrorsOf(rule: Record<string, unknown>): RouteMirror[] {
  const out: RouteMirror[] = [];
  const add = (dest: unknown, percent: number | undefined): void => {
    if (!isRecord(dest) || typeof dest.host !== 'string') return;
    out.push({
      host: dest.host,
      ...(typeof dest.subset === 'string' && { subset: dest.subset }),
      percent: clampPercent(percent ?? 100),
    });
  };
  const single = isRecord(rule.mirrorPercentage)
    ? num(rule.mirrorPercentage.value)
    : num(rule.mirrorPercent);
  add(rule.mirror, single);
  for (const m of Array.isArray(rule.mirrors) ? rule.mirrors : []) {
    if (isRecord(m))
      add(m.destination, isRecord(m.percentage) ? num(m.percentage.value) : undefined);
  }
  return out;
}

function retriesOf(raw: unknown): RouteRetries | undefined {
  if (!isRecord(raw)) return undefined;
  const perTryTimeout = str(raw.perTryTimeout);
  const retryOn = str(raw.retryOn);
  return {
    attempts: num(raw.attempts) ?? 0,
    ...(perTryTimeout !== undefined && { perTryTimeout }),
    ...(retryOn !== undefined && { retryOn }),
  };
}

function redirectOf(raw: unknown): RouteBehaviour['redirect'] {
  if (!isRecord(raw)) return undefined;
  const scheme = str(raw.scheme);
  const authority = str(raw.authority);
  const to = `${scheme !== undefined ? `${scheme}://` : ''}${authority ?? ''}${str(raw.uri) ?? ''}`;
  // Istio's default redirect code is 301 (MOVED_PERMANENTLY).
  return { status: num(raw.redirectCode) || 301, to: to === '' ? 'the same URL' : to };
}

/** The behaviour of one `spec.http` rule as stored; empty for what is not an object. */
export function readRouteBehaviour(rule: unknown): RouteBehaviour {
  if (!isRecord(rule)) return { mirrors: [] };
  const redirect = redirectOf(rule.redirect);
  const directResponse = isRecord(rule.directResponse)
    ? num(rule.directResponse.status)
    : undefined;
  const fault = isRecord(rule.fault) ? rule.fault : {};
  const abort = abortOf(fault.abort);
  const delay = delayOf(fault.delay);
  const timeout = str(rule.timeout);
  const retries = retriesOf(rule.retries);
  return {
    ...(redirect && { redirect }),
    ...(directResponse !== undefined && { directResponse }),
    ...(abort && { abort }),
    ...(delay && { delay }),
    mirrors: mirrorsOf(rule),
    ...(timeout !== undefined && { timeout }),
    ...(retries && { retries }),
  };
}

/** A RequestMirror filter's share: `percent`, else `fraction` (denominator 100 by default), else all. */
function gatewayMirrorPercent(mirror: Record<string, unknown>): number | undefined {
  const percent = num(mirror.percent);
  if (percent !== undefined) return percent;
  if (!isRecord(mirror.fraction)) return undefined;
  const numerator = num(mirror.fraction.numerator) ?? 0;
  const denominator = num(mirror.fraction.denominator) ?? 100;
  return denominator > 0 ? (numerator * 100) / denominator : undefined;
}

/**
 * The behaviour of one HTTPRoute or GRPCRoute rule: its RequestMirror filters, its request timeout
 * and its retry (Gateway API has no fault injection). Mirror hosts are `name` or `name.namespace`
 * when the backend is in another namespace than the route, as the split names backends.
 * Ref https://gateway-api.sigs.k8s.io/reference/spec/#gateway.networking.k8s.io/v1.HTTPRouteRule
 */
export function readGatewayRuleBehaviour(rule: unknown, routeNamespace: string): RouteBehaviour {
  if (!isRecord(rule)) return { mirrors: [] };
  const mirrors: RouteMirror[] = [];
  for (const f of Array.isArray(rule.filters) ? rule.filters : []) {
    if (!isRecord(f) || f.type !== 'RequestMirror' || !isRecord(f.requestMirror)) continue;
    const ref = f.requestMirror.backendRef;
    if (!isRecord(ref) || typeof ref.name !== 'string') continue;
    const ns = str(ref.namespace);
    mirrors.push({
      host: ns === undefined || ns === routeNamespace ? ref.name : `${ref.name}.${ns}`,
      percent: clampPercent(gatewayMirrorPercent(f.requestMirror) ?? 100),
    });
  }
  const timeout = isRecord(rule.timeouts) ? str(rule.timeouts.request) : undefined;
  const retry = isRecord(rule.retry) ? rule.retry : {};
  // Without `attempts` the number of retries is the implementation's choice: nothing to state.
  const attempts = num(retry.attempts);
  const codes = Array.isArray(retry.codes) ? retry.codes.filter((c) => typeof c === 'number') : [];
  return {
    mirrors,
    ...(timeout !== undefined && { timeout }),
    ...(attempts !== undefined && {
      retries: { attempts, ...(codes.length > 0 && { retryOn: codes.join(',') }) },
    }),
  };
}
