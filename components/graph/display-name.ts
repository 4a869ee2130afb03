import type { NodeKind } from '@/lib/mesh/types';

/**
 * How a node is named in lists and headings. Workload names already carry their version; a
 * versioned app node does not, so its version is spelled out.
 */
export function displayName(node: {
  readonly kind: NodeKind;
  readonly name: string;
  readonly version?: string;
  readonly isBox?: boolean;
}): string {
  if (node.kind !== 'app' || node.version === undefined || node.isBox === true) return node.name;
  return `${node.name} ${node.version}`;
}
