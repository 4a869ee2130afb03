import type { NamespaceSummary as MeshNamespaceSummary } from '@/lib/mesh/lists/namespace-summary';
import type { ListQuery } from './list-query';

/**
 * GET /api/namespaces. The card itself is the domain's NamespaceSummary (lib/mesh computes it);
 * only what the route adds to it is declared here.
 */

/** One overview card: the domain summary plus, when Prometheus failed, why its rates are null. */
export type NamespaceSummary = MeshNamespaceSummary & { readonly metricsError?: string };

export type NamespacesResponse = NamespaceSummary[];

/** GET /api/namespaces?window=&end=: the time the cards' rates describe (the last minute by default). */
export type NamespacesQuery = Pick<ListQuery, 'window' | 'end'>;
