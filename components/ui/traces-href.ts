import { formatEnd } from '@/lib/mesh/time/duration';

/** What a /traces link searches: an edge (source and target) or a node alone (target only). */
export interface TraceScope {
  readonly namespace: string;
  readonly source?: string;
  readonly target?: string;
}

/**
 * A /traces link in the query string components/traces/url-state.ts reads. Without a window the
 * traces view keeps its own default.
 */
export function tracesHref(scope: TraceScope, window?: string, end?: number): string {
  const search = new URLSearchParams({ namespace: scope.namespace });
  if (scope.source !== undefined) search.set('source', scope.source);
  if (scope.target !== undefined) search.set('target', scope.target);
  if (window !== undefined) search.set('window', window);
  if (end !== undefined) search.set('end', formatEnd(end));
  return `/traces?${search.toString()}`;
}
