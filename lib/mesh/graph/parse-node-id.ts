import { isNamespaceName } from '../namespace-name';
import type { GraphType } from '../types';
import { UNKNOWN_DESTINATION_ID, UNKNOWN_SOURCE_ID } from './node-ids';

/** A graph node id (lib/mesh/graph/node-ids.ts) taken apart; the inverse of the id builders. */
export type NodeRef =
  | { readonly kind: 'workload'; readonly namespace: string; readonly workload: string }
  | { readonly kind: 'app'; readonly namespace: string; readonly app: string }
  | {
      readonly kind: 'versionedApp';
      readonly namespace: string;
      readonly app: string;
      /** Undefined for the `unknown` version: the workloads carry no version label. */
      readonly version: string | undefined;
    }
  | { readonly kind: 'service'; readonly namespace: string; readonly service: string }
  | { readonly kind: 'unknownSource' }
  | { readonly kind: 'unknownDestination' }
  | { readonly kind: 'external'; readonly host: string };

// Names come back from Prometheus labels, so only the id grammar is enforced here; PromQL builders
// escape whatever passes. Control characters never appear in Kubernetes names or hosts.
const NAME = /^[^:\s\p{Cc}]{1,253}$/u;
const HOST = /^[^\s\p{Cc}]{1,253}$/u;

function parts(rest: string, count: number): string[] | undefined {
  const p = rest.split(':');
  return p.length === count && p.every((s) => NAME.test(s)) ? p : undefined;
}

/** The node an id names, or undefined when the string is not a graph node id. */
export function parseNodeId(id: string): NodeRef | undefined {
  if (id === UNKNOWN_SOURCE_ID) return { kind: 'unknownSource' };
  if (id === UNKNOWN_DESTINATION_ID) return { kind: 'unknownDestination' };
  const colon = id.indexOf(':');
  if (colon < 0) return undefined;
  const prefix = id.slice(0, colon);
  const rest = id.slice(colon + 1);
  if (prefix === 'ext') return HOST.test(rest) ? { kind: 'external', host: rest } : undefined;
  const p = parts(rest, prefix === 'ver' ? 3 : 2);
  if (p === undefined) return undefined;
  const [namespace = '', name = '', version] = p;
  if (!isNamespaceName(namespace)) return undefined;
  switch (prefix) {
    case 'wl':
      return { kind: 'workload', namespace, workload: name };
    case 'app':
      return { kind: 'app', namespace, app: name };
    case 'ver':
      return {
        kind: 'versionedApp',
        namespace,
        app: name,
        version: version === 'unknown' ? undefined : version,
      };
    case 'svc':
      return { kind: 'service', namespace, service: name };
    default:
      return undefined;
  }
}

/** Whether traffic can leave this node: external hosts and unrouted requests only ever receive. */
export function canBeSource(ref: NodeRef): boolean {
  return ref.kind !== 'external' && ref.kind !== 'unknownDestination';
}

/** Whether traffic can reach this node: `unknown` is the caller outside the mesh, never a callee. */
export function canBeTarget(ref: NodeRef): boolean {
  return ref.kind !== 'unknownSource';
}

/**
 * The graph type whose ids these are, for series requests that do not say. App and versioned-app ids
 * are unambiguous (a versionedApp graph's app box is the app graph's node); a service id as a caller
 * only exists in the service graph. A workload → service edge is ambiguous (the workload graph draws
 * one only for requests no workload served), so callers should pass the graph type explicitly.
 */
export function graphTypeOf(refs: readonly NodeRef[]): GraphType {
  if (refs.some((r) => r.kind === 'versionedApp')) return 'versionedApp';
  if (refs.some((r) => r.kind === 'app')) return 'app';
  const [source, target] = refs;
  if (source?.kind === 'service' && (target === undefined || target.kind === 'service')) {
    return 'service';
  }
  return 'workload';
}
