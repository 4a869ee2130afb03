import type { AppsQuery } from '@/lib/api/apps';
import { ListParams } from '@/app/api/services/schema';
import { parseQuery } from '@/lib/server/parse-input';

export function parseAppsQuery(search: URLSearchParams): AppsQuery {
  return parseQuery(ListParams, search);
}
