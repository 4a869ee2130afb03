import type { ConfigSource, KubeObject } from '../kube/types.js';
import { field, matchesSelector } from './workloads.js';

/**
 * Reading Gateway API objects (gateway.networking.k8s.io) the way Istio does: which routes attach to
 * a parent, which rule a request takes (the spec's precedence), backendRef weights and ReferenceGrants.
 */

export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

/**
 * The Gateway API objects of one resource, as the ConfigSource keys them: Istio's Gateway and the
 * Gateway API's share the plural "gateways", so the store keeps the latter as "k8sgateways".
 */
export function listGatewayApi(config: ConfigSource, resource: string): readonly KubeObject[] {
  return config.list(resource).filter((o) => o.apiVersion.startsWith(`${GATEWAY_API_GROUP}/`));
}

export interface ParentRef {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  port?: number;
  sectionName?: string;
}

/** A route's parentRefs with the spec's defaults filled in (group gateway.networking.k8s.io, kind Gateway). */
export function parentRefs(route: KubeObject): ParentRef[] {
  const ns = route.metadata.namespace ?? 'default';
  return field
    .arr(field.obj(route.spec).parentRefs)
    .map(field.obj)
    .map((r) => ({
      group: typeof r.group === 'string' ? r.group : GATEWAY_API_GROUP,
      kind: typeof r.kind === 'string' ? r.kind : 'Gateway',
      namespace: typeof r.namespace === 'string' ? r.namespace : ns,
      name: String(r.name ?? ''),
      ...(typeof r.port === 'number' ? { port: r.port } : {}),
      ...(typeof r.sectionName === 'string' ? { sectionName: r.sectionName } : {}),
    }));
}

/** A listener or route hostname (maybe "*.example.com") against a request's host. */
export function hostnameMatches(pattern: unknown, host: string): boolean {
  if (typeof pattern !== 'string' || pattern === '') return true;
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host !== pattern.slice(2);
  return pattern === host;
}

export interface RouteRequest {
  path: string;
  method: string;
  headers: Readonly<Record<string, string>>;
}

/** How specific a matching match is, compared field by field in the spec's order of precedence. */
type Specificity = readonly number[];

function pathSpecificity(path: Record<string, unknown>, requestPath: string): number[] | null {
  const type = typeof path.type === 'string' ? path.type : 'PathPrefix';
  const value = typeof path.value === 'string' ? path.value : '/';
  if (type === 'Exact') return requestPath === value ? [1, value.length] : null;
  if (type === 'RegularExpression') {
    try {
      return new RegExp(`^(?:${value})$`).test(requestPath) ? [0, 0] : null;
    } catch {
      return null;
    }
  }
  // PathPrefix matches whole path elements: "/api" matches "/api" and "/api/x", not "/apix".
  const prefix = value.length > 1 ? value.replace(/\/+$/, '') : value;
  const ok =
    prefix === '/' ||
    requestPath === prefix ||
    requestPath.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
  return ok ? [0, prefix.length] : null;
}

function valueMatches(m: Record<string, unknown>, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  const value = String(m.value ?? '');
  if (m.type === 'RegularExpression') {
    try {
      return new RegExp(`^(?:${value})$`).test(actual);
    } catch {
      return false;
    }
  }
  return actual === value;
}

function headersMatch(list: unknown, headers: Readonly<Record<string, string>>): number | null {
  const wanted = field.arr(list).map(field.obj);
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  for (const h of wanted)
    if (!valueMatches(h, lower.get(String(h.name ?? '').toLowerCase()))) return null;
  return wanted.length;
}

function queryMatch(list: unknown, path: string): number | null {
  const wanted = field.arr(list).map(field.obj);
  const params = new URLSearchParams(path.split('?')[1] ?? '');
  for (const q of wanted)
    if (!valueMatches(q, params.get(String(q.name ?? '')) ?? undefined)) return null;
  return wanted.length;
}

/** An HTTPRoute match against a request: its specificity, or null when it does not match. */
function httpMatch(m: Record<string, unknown>, req: RouteRequest): Specificity | null {
  const path = pathSpecificity(
    field.obj(m.path ?? { type: 'PathPrefix', value: '/' }),
    req.path.split('?')[0] ?? '',
  );
  if (!path) return null;
  if (typeof m.method === 'string' && m.method !== req.method) return null;
  const headers = headersMatch(m.headers, req.headers);
  const query = queryMatch(m.queryParams, req.path);
  if (headers === null || query === null) return null;
  return [...path, typeof m.method === 'string' ? 1 : 0, headers, query];
}

/** A GRPCRoute match: gRPC requests are POSTs to /package.Service/Method. */
function grpcMatch(m: Record<string, unknown>, req: RouteRequest): Specificity | null {
  const [, service = '', method = ''] = req.path.split('?')[0]?.split('/') ?? [];
  const want = field.obj(m.method);
  if (want.type === 'RegularExpression') {
    if (!valueMatches({ type: 'RegularExpression', value: want.service ?? '.*' }, service))
      return null;
    if (!valueMatches({ type: 'RegularExpression', value: want.method ?? '.*' }, method))
      return null;
  } else {
    if (typeof want.service === 'string' && want.service !== service) return null;
    if (typeof want.method === 'string' && want.method !== method) return null;
  }
  const headers = headersMatch(m.headers, req.headers);
  if (headers === null) return null;
  const s = typeof want.service === 'string' ? want.service.length : 0;
  const mm = typeof want.method === 'string' ? want.method.length : 0;
  return [s, mm, headers];
}

export interface RuleChoice {
  route: KubeObject;
  rule: Record<string, unknown>;
}

function compare(a: Specificity, b: Specificity): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Oldest first, then by namespace/name: the spec's tie-break between routes. */
function routeOrder(a: KubeObject, b: KubeObject): number {
  const ta = String(a.metadata.creationTimestamp ?? '');
  const tb = String(b.metadata.creationTimestamp ?? '');
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const nb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/**
 * The rule a request takes among the routes attached to one parent: the most specific matching match
 * wins (exact path, then the longest prefix, method, most headers, most query params); ties go to the
 * oldest route and then to the first rule. A rule without matches matches every path ("/" prefix).
 */
export function selectRule(
  routes: readonly KubeObject[],
  req: RouteRequest,
  grpc: boolean,
): RuleChoice | null {
  let best: { choice: RuleChoice; specificity: Specificity } | null = null;
  for (const route of [...routes].sort(routeOrder)) {
    const isGrpc = route.kind === 'GRPCRoute';
    for (const rule of field.arr(field.obj(route.spec).rules).map(field.obj)) {
      const matches = field.arr(rule.matches).map(field.obj);
      for (const m of matches.length > 0 ? matches : [{}]) {
        const specificity = isGrpc ? (grpc ? grpcMatch(m, req) : null) : httpMatch(m, req);
        if (specificity && (!best || compare(specificity, best.specificity) > 0))
          best = { choice: { route, rule }, specificity };
      }
    }
  }
  return best?.choice ?? null;
}

export interface WeightedBackend {
  /** Relative weight: a missing weight is 1, 0 sends nothing. */
  weight: number;
  name: string;
  namespace: string;
  port?: number;
  /** A Service reference (the only kind the demo resolves). */
  isService: boolean;
}

export function backendRefs(route: KubeObject, rule: Record<string, unknown>): WeightedBackend[] {
  const ns = route.metadata.namespace ?? 'default';
  return field
    .arr(rule.backendRefs)
    .map(field.obj)
    .map((b) => ({
      weight: typeof b.weight === 'number' ? b.weight : 1,
      name: String(b.name ?? ''),
      namespace: typeof b.namespace === 'string' ? b.namespace : ns,
      ...(typeof b.port === 'number' ? { port: b.port } : {}),
      isService: (b.group ?? '') === '' && (b.kind ?? 'Service') === 'Service',
    }));
}

/** Whether a route in fromNamespace may send to a Service in toNamespace (ReferenceGrant). */
export function referencePermitted(
  grants: readonly KubeObject[],
  fromKind: string,
  fromNamespace: string,
  toNamespace: string,
  serviceName: string,
): boolean {
  if (fromNamespace === toNamespace) return true;
  return grants.some((g) => {
    if (g.metadata.namespace !== toNamespace) return false;
    const spec = field.obj(g.spec);
    const from = field
      .arr(spec.from)
      .map(field.obj)
      .some(
        (f) =>
          f.group === GATEWAY_API_GROUP && f.kind === fromKind && f.namespace === fromNamespace,
      );
    const to = field
      .arr(spec.to)
      .map(field.obj)
      .some(
        (t) =>
          (t.group ?? '') === '' &&
          t.kind === 'Service' &&
          (typeof t.name !== 'string' || t.name === serviceName),
      );
    return from && to;
  });
}

/** Whether a listener admits routes from a namespace (allowedRoutes.namespaces; default Same). */
export function listenerAllows(
  listener: Record<string, unknown>,
  gatewayNamespace: string,
  routeNamespace: string,
  namespaceLabels: ReadonlyMap<string, Record<string, string>>,
): boolean {
  const namespaces = field.obj(field.obj(listener.allowedRoutes).namespaces);
  const from = typeof namespaces.from === 'string' ? namespaces.from : 'Same';
  if (from === 'All') return true;
  if (from === 'Selector')
    return matchesSelector(
      namespaceLabels.get(routeNamespace) ?? {},
      field.labels(field.obj(namespaces.selector).matchLabels),
    );
  return routeNamespace === gatewayNamespace;
}
