import type { WorkloadsQuery } from '@/lib/api/workloads';
import { ListParams } from '@/app/api/services/schema';
import { parseQuery } from '@/lib/server/parse-input';

export function parseWorkloadsQuery(search: URLSearchParams): WorkloadsQuery {
  return parseQuery(ListParams, search);
}
