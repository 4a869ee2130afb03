import { z } from 'zod';
import type { ServicesQuery } from '@/lib/api/services';
import { namespaceList } from '@/app/api/graph/schema';
import { parseQuery } from '@/lib/server/parse-input';

/** `namespaces=` (empty) means every namespace, as leaving the parameter out does. */
export const optionalNamespaceList = z.preprocess(
  (v) => (v === '' ? undefined : v),
  namespaceList.optional(),
);

const Query = z.object({ namespaces: optionalNamespaceList });

export function parseServicesQuery(search: URLSearchParams): ServicesQuery {
  return parseQuery(Query, search);
}
