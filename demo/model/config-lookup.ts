import type { KubeObject } from '../kube/types.js';
import { qualifyHost, type CompiledMesh } from './mesh.js';
import { field, matchesSelector, type WorkloadInfo } from './workloads.js';

/** Finding the VirtualService / DestinationRule for a host, and matching an HTTP route. */

export interface RequestShape {
  headers: Readonly<Record<string, string>>;
  path: string;
  port: number;
}

export function routeMatches(
  route: Record<string, unknown>,
  request: RequestShape,
  caller: WorkloadInfo,
): boolean {
  const matches = field.arr(route.match).map(field.obj);
  if (matches.length === 0) return true;
  return matches.some((m) => {
    for (const [name, cond] of Object.entries(field.obj(m.headers))) {
      if (!stringMatches(field.obj(cond), request.headers[name])) return false;
    }
    if (m.uri !== undefined && !stringMatches(field.obj(m.uri), request.path.split('?')[0]))
      return false;
    if (typeof m.port === 'number' && m.port !== request.port) return false;
    if (
      m.sourceLabels !== undefined &&
      !matchesSelector(caller.pods[0]?.labels ?? {}, field.labels(m.sourceLabels))
    )
      return false;
    if (typeof m.sourceNamespace === 'string' && m.sourceNamespace !== caller.namespace)
      return false;
    return true;
  });
}

function stringMatches(cond: Record<string, unknown>, value: string | undefined): boolean {
  if (value === undefined) return false;
  if (typeof cond.exact === 'string') return value === cond.exact;
  if (typeof cond.prefix === 'string') return value.startsWith(cond.prefix);
  if (typeof cond.regex === 'string') {
    try {
      return new RegExp(`^(?:${cond.regex})$`).test(value);
    } catch {
      return false;
    }
  }
  return true;
}

/** Sidecar-scope VirtualServices: no `gateways`, or `mesh` among them; caller's namespace first. */
export function findVirtualService(
  mesh: CompiledMesh,
  fqdn: string,
  callerNamespace: string,
): KubeObject | undefined {
  const candidates = mesh.virtualServices.filter((vs) => {
    const spec = field.obj(vs.spec);
    const gateways = field.arr(spec.gateways);
    if (gateways.length > 0 && !gateways.includes('mesh')) return false;
    const ns = vs.metadata.namespace ?? 'default';
    return field.arr(spec.hosts).some((h) => typeof h === 'string' && qualifyHost(h, ns) === fqdn);
  });
  return candidates.find((vs) => vs.metadata.namespace === callerNamespace) ?? candidates[0];
}

export function findDestinationRule(
  mesh: CompiledMesh,
  fqdn: string,
  callerNamespace: string,
): KubeObject | undefined {
  const candidates = mesh.destinationRules.filter((dr) => {
    const host = field.obj(dr.spec).host;
    return (
      typeof host === 'string' && qualifyHost(host, dr.metadata.namespace ?? 'default') === fqdn
    );
  });
  return candidates.find((dr) => dr.metadata.namespace === callerNamespace) ?? candidates[0];
}
