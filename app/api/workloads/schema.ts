import { z } from 'zod';
import type { WorkloadsQuery } from '@/lib/api/workloads';
import { optionalNamespaceList } from '@/app/api/services/schema';
import { parseQuery } from '@/lib/server/parse-input';

const Query = z.object({ namespaces: optionalNamespaceList });

export function parseWorkloadsQuery(search: URLSearchParams): WorkloadsQuery {
  return parseQuery(Query, search);
}
