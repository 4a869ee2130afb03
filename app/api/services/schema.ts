import { z } from 'zod';
import type { ServicesQuery } from '@/lib/api/services';
import { endParam, namespaceList, windowParam } from '@/app/api/graph/schema';
import { parseQuery } from '@/lib/server/parse-input';

/** `namespaces=` (empty) means every namespace, as leaving the parameter out does. */
export const optionalNamespaceList = z.preprocess(
  (v) => (v === '' ? undefined : v),
  namespaceList.optional(),
);

/** The parameters every list takes; the window stays 1m when absent, as the lists were before it. */
export const ListParams = z.object({
  namespaces: optionalNamespaceList,
  window: windowParam.default('1m'),
  end: endParam.optional(),
});

export function parseServicesQuery(search: URLSearchParams): ServicesQuery {
  return parseQuery(ListParams, search);
}
