import type { MeshNode } from '@/lib/mesh/types';

/**
 * The Kubernetes Service whose traffic split a node's panel may show, or undefined where none can
 * apply: a service node names its service; an app node (app graph) or app box (versionedApp graph)
 * stands for all versions of an app, and Istio's convention is a Service named after the app.
 * Workloads and single versions are one side of a split, not the split, so they get none.
 */
export function splitServiceOf(node: MeshNode): string | undefined {
  if (node.kind === 'service') return node.service ?? node.name;
  if (node.kind === 'app' && node.id.startsWith('app:')) return node.app;
  return undefined;
}
