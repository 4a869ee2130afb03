import type { ElementDefinition } from 'cytoscape';
import { formatBytesPerSecond, formatMs, formatPercent, formatRps } from '@/components/ui/format';
import type { GraphEdge, GraphResponse, RestrictedNode } from '@/lib/api/graph';
import type { Health, MeshEdge, MeshNode, NodeKind } from '@/lib/mesh/types';
import { displayName } from './display-name';
import { edgeWidth } from './edge-width';

/** Data on every cytoscape node; styles select on role, kind, health and outside. */
export interface GraphNodeData {
  readonly id: string;
  readonly parent?: string;
  /**
   * cluster: a cluster box (multi-cluster graphs, on request); namespace: a namespace box; box: an app
   * box of a versionedApp graph; node: a workload/app/service/...
   */
  readonly role: 'cluster' | 'namespace' | 'box' | 'node';
  readonly kind: NodeKind | 'cluster' | 'namespace' | 'restricted';
  readonly health: Health;
  readonly label: string;
  readonly name: string;
  readonly namespace: string;
  readonly outside: boolean;
  readonly noSidecar: boolean;
}

/** Data on every cytoscape edge: one precomputed label per label mode, so switching modes is a style change. */
export interface GraphEdgeData {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly protocol: MeshEdge['protocol'];
  readonly health: Health;
  readonly width: number;
  /** Requests per second, or KiB/s for TCP: drives the optional traffic animation. */
  readonly rate: number;
  readonly rateLabel: string;
  readonly errorLabel: string;
  readonly p95Label: string;
  readonly mtlsLabel: string;
}

export const NAMESPACE_BOX_PREFIX = 'ns:';
export const CLUSTER_BOX_PREFIX = 'cl:';

export interface ElementOptions {
  /** Multi-cluster graphs: a box per cluster around its namespace boxes. */
  readonly clusterBoxes?: boolean;
}

/** unknown and external nodes are not inside a namespace of the mesh, so they get no box. */
function inNamespaceBox(n: MeshNode): boolean {
  return n.kind !== 'unknown' && n.kind !== 'external' && n.namespace !== 'unknown';
}

function nodeLabel(n: MeshNode, clusterBoxes: boolean): string {
  // Inside an app box the box already names the app; inside a cluster box the box names the cluster.
  const own = n.parent !== undefined && n.version !== undefined ? n.version : displayName(n);
  const name = n.cluster !== undefined && !clusterBoxes ? `${own} · ${n.cluster}` : own;
  if (n.isWaypoint === true) return `${name}\n(waypoint)`;
  // ztunnel captures an ambient workload: no sidecar, yet in the mesh.
  if (n.dataPlane === 'ambient') return `${name}\n(ambient)`;
  return n.hasSidecar === false ? `${name}\n(no sidecar)` : name;
}

export function mtlsLabel(mtls: number): string {
  if (mtls >= 0.995) return '🔒';
  if (mtls > 0) return `◐ ${Math.round(mtls * 100)}% mTLS`;
  return '';
}

/** The one node standing for every namespace the person may not see: no name, no numbers, no health. */
function restrictedNodeData(n: RestrictedNode): GraphNodeData {
  return {
    id: n.id,
    role: 'node',
    kind: 'restricted',
    health: 'unknown',
    label: n.label,
    name: '',
    namespace: '',
    outside: false,
    noSidecar: false,
  };
}

function edgeData(edge: GraphEdge): GraphEdgeData {
  if ('restricted' in edge) {
    // The server sends no rate for it (restrict-graph.ts): width and labels say nothing.
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      protocol: edge.protocol,
      health: 'unknown',
      width: edgeWidth(0),
      rate: 0,
      rateLabel: '',
      errorLabel: '',
      p95Label: '',
      mtlsLabel: '',
    };
  }
  return meshEdgeData(edge);
}

function meshEdgeData(e: MeshEdge): GraphEdgeData {
  const isTcp = e.protocol === 'tcp';
  const bytes = e.bytesPerSecond ?? 0;
  const rps = e.rps ?? 0;
  return {
    id: e.id,
    source: e.source,
    target: e.target,
    protocol: e.protocol,
    health: e.health,
    width: edgeWidth(isTcp ? bytes / 1024 : rps),
    rate: isTcp ? bytes / 1024 : rps,
    rateLabel: isTcp ? formatBytesPerSecond(bytes) : `${formatRps(rps)} rps`,
    errorLabel: isTcp || rps === 0 ? '' : formatPercent(e.errorRate),
    p95Label: e.p95Ms === undefined ? '' : formatMs(e.p95Ms),
    mtlsLabel: mtlsLabel(e.mtls),
  };
}

/** Where a mesh node's namespace box is: one per namespace, or per namespace and cluster. */
interface NamespaceBox {
  readonly name: string;
  readonly cluster: string | undefined;
  outside: boolean;
}

/**
 * Cytoscape elements for a graph: cluster boxes (on request) around namespace boxes around their
 * nodes, app boxes, nodes, edges. Parents come before their children.
 */
export function toElements(
  graph: GraphResponse,
  options: ElementOptions = {},
): ElementDefinition[] {
  const clusterBoxes = options.clusterBoxes === true;
  const namespaces = new Map<string, NamespaceBox>();
  const nodes: ElementDefinition[] = [];
  for (const n of graph.nodes) {
    if (n.kind === 'restricted') {
      nodes.push({ group: 'nodes', data: restrictedNodeData(n) });
      continue;
    }
    const cluster = clusterBoxes ? n.cluster : undefined;
    const box = inNamespaceBox(n)
      ? `${NAMESPACE_BOX_PREFIX}${n.namespace}${cluster === undefined ? '' : `@${cluster}`}`
      : undefined;
    if (box !== undefined && n.parent === undefined) {
      const seen = namespaces.get(box);
      if (seen === undefined)
        namespaces.set(box, { name: n.namespace, cluster, outside: n.outside === true });
      else seen.outside &&= n.outside === true;
    }
    const parent = n.parent ?? box;
    const data: GraphNodeData = {
      id: n.id,
      ...(parent === undefined ? {} : { parent }),
      role: n.isBox === true ? 'box' : 'node',
      kind: n.kind,
      health: n.health,
      label: n.isBox === true ? n.name : nodeLabel(n, clusterBoxes),
      name: n.name,
      namespace: n.namespace,
      outside: n.outside === true,
      noSidecar: n.hasSidecar === false,
    };
    nodes.push({ group: 'nodes', data });
  }
  const clusters = new Set<string>();
  const boxes: ElementDefinition[] = [...namespaces].map(([id, { name, cluster, outside }]) => {
    if (cluster !== undefined) clusters.add(cluster);
    const data: GraphNodeData = {
      id,
      ...(cluster === undefined ? {} : { parent: `${CLUSTER_BOX_PREFIX}${cluster}` }),
      role: 'namespace',
      kind: 'namespace',
      health: 'unknown',
      label: outside ? `${name} · outside selection` : name,
      name,
      namespace: name,
      outside,
      noSidecar: false,
    };
    return { group: 'nodes', data };
  });
  const clusterElements: ElementDefinition[] = [...clusters].map((name) => ({
    group: 'nodes',
    data: {
      id: `${CLUSTER_BOX_PREFIX}${name}`,
      role: 'cluster',
      kind: 'cluster',
      health: 'unknown',
      label: `cluster ${name}`,
      name,
      namespace: '',
      outside: false,
      noSidecar: false,
    } satisfies GraphNodeData,
  }));
  const edges: ElementDefinition[] = graph.edges.map((e) => ({
    group: 'edges',
    data: edgeData(e),
  }));
  return [...clusterElements, ...boxes, ...nodes, ...edges];
}
