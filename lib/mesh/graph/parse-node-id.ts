import { isNamespaceName } from '../namespace-name';
import type { GraphType } from '../types';
import { CLUSTER_SEPARATOR, UNKNOWN_DESTINATION_ID, UNKNOWN_SOURCE_ID } from './node-ids';

/** Multi-cluster ids only: the cluster the node is in (see inCluster). */
interface InCluster {
  readonly cluster?: string;
}

/** A graph node id (lib/mesh/graph/node-ids.ts) taken apart; the inverse of the id builders. */
export type NodeRef =
  | ({
      readonly kind: 'workload';
      readonly namespace: string;
      readonly workload: string;
    } & InCluster)
  | ({ readonly kind: 'app'; readonly namespace: string; readonly app: string } & InCluster)
  | ({
      readonly kind: 'versionedApp';
      readonly namespace: string;
      readonly app: string;
      /** Undefined for the `unknown` version: the workloads carry no version label. */
      readonly version: string | undefined;
    } & InCluster)
  | ({ readonly kind: 'service'; readonly namespace: string; readonly service: string } & InCluster)
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

// Istio's cluster ids are free-form names; what an id can carry stays printable and unambiguous.
const CLUSTER = /^[^:@\s\p{Cc}]{1,253}$/u;

/** The node an id names, or undefined when the string is not a graph node id. */
export function parseNodeId(id: string): NodeRef | undefined {
  const at = id.startsWith('ext:') ? -1 : id.lastIndexOf(CLUSTER_SEPARATOR);
  if (at < 0) return parseSingleClusterId(id);
  const cluster = id.slice(at + CLUSTER_SEPARATOR.length);
  const ref = CLUSTER.test(cluster) ? parseSingleClusterId(id.slice(0, at)) : undefined;
  switch (ref?.kind) {
    case 'workload':
    case 'app':
    case 'versionedApp':
    case 'service':
      return { ...ref, cluster };
    default:
      return undefined;
  }
}

function parseSingleClusterId(id: string): NodeRef | undefined {
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
