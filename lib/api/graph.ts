import type { GraphType, MeshGraph, Window } from '@/lib/mesh/types';

/**
 * GET /api/graph. The graph is the domain's MeshGraph (lib/mesh builds it); the query and what the
 * route adds to the graph are declared here.
 */

/** The query string, parsed: the page's preload, the client's query key and the server agree on it. */
export interface GraphQuery {
  readonly namespaces: readonly string[];
  readonly type: GraphType;
  readonly window: Window;
  readonly idle: boolean;
}

/** The graph, plus what is missing from it and why (e.g. latencies when that query timed out). */
export type GraphResponse = MeshGraph & { readonly warnings?: readonly string[] };
