import { z } from 'zod';
import { optionalNamespaceList } from '@/app/api/services/schema';
import type { SecurityQuery } from '@/lib/api/security';
import { endParam, windowParam } from '@/app/api/graph/schema';
import { parseQuery } from '@/lib/server/parse-input';

const Query = z.object({
  namespaces: optionalNamespaceList,
  window: windowParam.default('5m'),
  end: endParam.optional(),
});

export function parseSecurityQuery(search: URLSearchParams): SecurityQuery {
  return parseQuery(Query, search);
}
