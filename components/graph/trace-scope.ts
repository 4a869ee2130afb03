import type { TraceScope } from '@/components/ui/traces-href';
import type { MeshNode } from '@/lib/mesh/types';

/** Outside the mesh there is no namespace to search in and no proxy that traced the node. */
const isTraceable = (node: MeshNode): boolean =>
  node.kind !== 'unknown' && node.kind !== 'external' && node.namespace !== 'unknown';

/** The name /api/traces resolves for a callee: its Service first, else its workload, else its app. */
const calleeName = (node: MeshNode): string => node.service ?? node.workload ?? node.name;

/** An edge's traces, searched in the callee's namespace unless the callee is outside the mesh. */
export function edgeTraceScope(source: MeshNode, target: MeshNode): TraceScope {
  return {
    namespace: target.namespace !== 'unknown' ? target.namespace : source.namespace,
    source: source.workload ?? source.service ?? source.name,
    target: calleeName(target),
  };
}

/** A node's inbound traces: the traces view takes a node alone as the target of its search. */
export function nodeTraceScope(node: MeshNode): TraceScope | undefined {
  return isTraceable(node) ? { namespace: node.namespace, target: calleeName(node) } : undefined;
}
