import type { AppListItem } from '@/lib/mesh/lists/app-list';
import type { ListMetricsNotes, ListQuery } from './list-query';

/** GET /api/apps?namespaces=a,b&window=1h&end=…. The rows are the domain's AppListItem (lib/mesh/lists/app-list.ts). */

export type AppsQuery = ListQuery;

export interface AppsResponse extends ListMetricsNotes {
  readonly apps: readonly AppListItem[];
}
