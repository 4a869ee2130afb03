import type { NamespaceSummary as MeshNamespaceSummary } from '@/lib/mesh/lists/namespace-summary';

/**
 * GET /api/namespaces. The card itself is the domain's NamespaceSummary (lib/mesh computes it);
 * only what the route adds to it is declared here.
 */

/** One overview card: the domain summary plus, when Prometheus failed, why its rates are null. */
export type NamespaceSummary = MeshNamespaceSummary & { readonly metricsError?: string };

export type NamespacesResponse = NamespaceSummary[];
