import type { VisibleGraph } from '@/lib/mesh/graph/restrict-graph';
import type { AmbientView, GraphType, Window } from '@/lib/mesh/types';

export type { GraphEdge, RestrictedNode } from '@/lib/mesh/graph/restrict-graph';

/**
 * GET /api/graph. The graph is the domain's MeshGraph (lib/mesh builds it) as one person may see it:
 * nodes of namespaces they may not see folded into one restricted node (lib/mesh/graph/restrict-graph.ts).
 * The query and what the route adds to the graph are declared here.
 */

/** The query string, parsed: the page's preload, the client's query key and the server agree on it. */
export interface GraphQuery {
  readonly namespaces: readonly string[];
  readonly type: GraphType;
  readonly window: Window;
  /** The moment the window ends, epoch ms (`end` in the URL: RFC 3339 or Unix seconds); now when absent. */
  readonly end?: number;
  readonly idle: boolean;
  /** How ambient traffic is drawn (`ambient` in the URL, total by default). */
  readonly ambient: AmbientView;
}

/** The graph, plus what is missing from it and why (e.g. latencies when that query timed out). */
export type GraphResponse = VisibleGraph & { readonly warnings?: readonly string[] };
