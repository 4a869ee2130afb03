import type { NamespacesQuery } from '@/lib/api/namespaces';
import { parseQuery } from '@/lib/server/parse-input';
import { ListParams } from '@/app/api/services/schema';

const Query = ListParams.pick({ window: true, end: true });

export function parseNamespacesQuery(search: URLSearchParams): NamespacesQuery {
  return parseQuery(Query, search);
}
