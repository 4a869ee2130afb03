import type { ServiceListItem } from '@/lib/mesh/lists/service-list';
import type { ListMetricsNotes, ListQuery } from './list-query';

/** GET /api/services?namespaces=a,b&window=1h&end=…. The rows are the domain's ServiceListItem (lib/mesh/lists/service-list.ts). */

export type ServicesQuery = ListQuery;

export interface ServicesResponse extends ListMetricsNotes {
  readonly services: readonly ServiceListItem[];
}
