import type { KubeObject } from '../kube/types.js';
import type { CompiledMesh } from './mesh.js';
import { field, matchesSelector, type WorkloadInfo } from './workloads.js';

/**
 * The server sidecar's RBAC filter, as Envoy runs what istiod builds from AuthorizationPolicies
 * (istio.io "Authorization Policy"): a DENY that matches denies, then with any ALLOW policy only a
 * matching ALLOW rule lets the request in. The demo knows every request attribute, so it decides
 * what Meshlens can only infer from metrics. CUSTOM (no external authorizer here) and AUDIT never
 * deny; a field the demo does not model never matches, so an ALLOW using one admits nothing.
 */

export interface AuthzRequest {
  /** The peer principal without "spiffe://"; '' over plaintext. */
  principal: string;
  method: string;
  path: string;
  port: number;
}

const ROOT_NAMESPACE = 'istio-system';

function matches(pattern: string, value: string): boolean {
  if (pattern === '*') return value !== '';
  if (pattern.endsWith('*')) return value !== '' && value.startsWith(pattern.slice(0, -1));
  if (pattern.startsWith('*')) return value !== '' && value.endsWith(pattern.slice(1));
  return value === pattern;
}

function attribute(name: string, r: AuthzRequest): string | null {
  switch (name) {
    case 'principals':
      return r.principal;
    case 'namespaces':
      return /\/ns\/([^/]+)\//.exec(r.principal)?.[1] ?? '';
    case 'methods':
      return r.method;
    // Envoy matches `paths` on the path without its query string.
    case 'paths':
      return r.path.split('?')[0] ?? '';
    case 'ports':
      return String(r.port);
    default:
      return null;
  }
}

function clauseMatches(clause: Record<string, unknown>, r: AuthzRequest): boolean {
  return Object.entries(clause).every(([name, raw]) => {
    const values = field.arr(raw).filter((v): v is string => typeof v === 'string');
    const negative = /^not[A-Z]/.test(name);
    const base = negative ? name.charAt(3).toLowerCase() + name.slice(4) : name;
    const actual = attribute(base, r);
    if (actual === null) return false;
    return values.some((v) => matches(v, actual)) !== negative;
  });
}

function ruleMatches(rule: Record<string, unknown>, r: AuthzRequest): boolean {
  const from = field.arr(rule.from).map((f) => field.obj(field.obj(f).source));
  const to = field.arr(rule.to).map((t) => field.obj(field.obj(t).operation));
  if (from.length > 0 && !from.some((s) => clauseMatches(s, r))) return false;
  if (to.length > 0 && !to.some((o) => clauseMatches(o, r))) return false;
  return field.arr(rule.when).length === 0;
}

function applies(policy: KubeObject, destination: WorkloadInfo): boolean {
  const ns = policy.metadata.namespace;
  if (ns !== destination.namespace && ns !== ROOT_NAMESPACE) return false;
  const spec = field.obj(policy.spec);
  if (field.arr(spec.targetRefs).length > 0 || spec.targetRef !== undefined) return false;
  const selector = field.labels(field.obj(spec.selector).matchLabels);
  return matchesSelector(destination.pods[0]?.labels ?? {}, selector);
}

/** Whether the destination's sidecar lets the request through to the application. */
export function rbacAllows(
  mesh: CompiledMesh,
  destination: WorkloadInfo,
  request: AuthzRequest,
): boolean {
  const policies = mesh.authorizationPolicies.filter((p) => applies(p, destination));
  const matching = (action: string) =>
    policies
      .filter((p) => (field.obj(p.spec).action ?? 'ALLOW') === action)
      .map((p) => field.arr(field.obj(p.spec).rules).map(field.obj));
  if (matching('DENY').some((rules) => rules.some((rule) => ruleMatches(rule, request))))
    return false;
  const allows = matching('ALLOW');
  return (
    allows.length === 0 || allows.some((rules) => rules.some((rule) => ruleMatches(rule, request)))
  );
}
