import { z } from 'zod';
import { optionalNamespaceList } from '@/app/api/services/schema';
import type { SecurityQuery } from '@/lib/api/security';
import { WINDOWS } from '@/lib/mesh/types';
import { parseQuery } from '@/lib/server/parse-input';

const Query = z.object({
  namespaces: optionalNamespaceList,
  window: z.enum(WINDOWS, { error: `one of ${WINDOWS.join(', ')}` }).default('5m'),
});

export function parseSecurityQuery(search: URLSearchParams): SecurityQuery {
  return parseQuery(Query, search);
}
