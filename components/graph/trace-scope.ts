import type { TraceScope } from '@/components/ui/traces-href';
import type { MeshEdge, MeshNode } from '@/lib/mesh/types';

/** Outside the mesh there is no namespace to search in and no proxy that traced the node. */
const isTraceable = (node: MeshNode): boolean =>
  node.kind !== 'unknown' && node.kind !== 'external' && node.namespace !== 'unknown';

/** The name /api/traces resolves for a callee: its Service first, else its workload, else its app. */
const calleeName = (node: MeshNode): string => node.service ?? node.workload ?? node.name;

/**
 * An edge's traces, searched in the callee's namespace unless the callee is outside the mesh. In
 * ambient mode neither the caller nor the callee emits spans; the waypoint between them does, one
 * client span per request with the backend in upstream_cluster, so the waypoint stands for the caller.
 */
export function edgeTraceScope(
  source: MeshNode,
  target: MeshNode,
  edge?: Pick<MeshEdge, 'reportedBy' | 'waypoint'>,
): TraceScope {
  const namespace = target.namespace !== 'unknown' ? target.namespace : source.namespace;
  const waypoint = edge?.reportedBy === 'waypoint' ? edge.waypoint : undefined;
  if (waypoint !== undefined && waypoint.namespace === namespace)
    return { namespace, source: waypoint.name, target: calleeName(target) };
  return {
    namespace,
    source: source.workload ?? source.service ?? source.name,
    target: calleeName(target),
  };
}

/** A node's inbound traces: the traces view takes a node alone as the target of its search. */
export function nodeTraceScope(node: MeshNode): TraceScope | undefined {
  return isTraceable(node) ? { namespace: node.namespace, target: calleeName(node) } : undefined;
}
