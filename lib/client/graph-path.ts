import type { GraphQuery } from '@/lib/api/graph';
import { formatEnd } from '@/lib/mesh/time/duration';

/** The /api/graph request for a view: the page's server preload and the client's query must agree. */
export function graphPath(params: GraphQuery): string {
  const search = new URLSearchParams({
    namespaces: params.namespaces.join(','),
    type: params.type,
    window: params.window,
    idle: String(params.idle),
    ambient: params.ambient,
  });
  if (params.end !== undefined) search.set('end', formatEnd(params.end));
  return `/api/graph?${search.toString()}`;
}
