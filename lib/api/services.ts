import type { ServiceListItem } from '@/lib/mesh/lists/service-list';

/** GET /api/services?namespaces=a,b. The rows are the domain's ServiceListItem (lib/mesh/lists/service-list.ts). */

export interface ServicesQuery {
  /** Absent (or empty in the query string): every namespace. */
  readonly namespaces?: readonly string[];
}

export interface ServicesResponse {
  readonly services: readonly ServiceListItem[];
  /** Why rps and errorRate are null. */
  readonly metricsError?: string;
}
