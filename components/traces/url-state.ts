import type { TracesQuery } from '@/lib/api/traces';
import { formatEnd } from '@/lib/mesh/time/duration';
import { readEnd, readWindow } from '@/lib/mesh/time/params';
import type { Window } from '@/lib/mesh/types';

export const TRACE_LIMITS = [10, 20, 50, 100, 200] as const;
export type TraceSortOrder = TracesQuery['sort'];

/** Everything a copied /traces link reproduces; namespace/source/target/window come from the graph. */
export interface TracesViewState {
  readonly namespace: string;
  readonly source: string;
  readonly target: string;
  readonly window: Window;
  /** Epoch ms the window ends at; null for "until now". */
  readonly end: number | null;
  readonly limit: number;
  readonly minDurationMs: number | undefined;
  readonly errorsOnly: boolean;
  readonly operation: string;
  readonly sort: TraceSortOrder;
  /** The open trace. */
  readonly trace: string | undefined;
}

export const DEFAULT_TRACES_VIEW: TracesViewState = {
  namespace: '',
  source: '',
  target: '',
  window: '15m',
  end: null,
  limit: 20,
  minDurationMs: undefined,
  errorsOnly: false,
  operation: '',
  sort: 'newest',
  trace: undefined,
};

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const TRACE_ID = /^[0-9a-f]{1,32}$/i;

interface ReadableParams {
  get(name: string): string | null;
}

function name(value: string | null): string {
  return value !== null && DNS_LABEL.test(value) ? value : '';
}

/** Reads the view from a query string; a malformed value falls back to its default rather than failing. */
export function parseTracesViewState(params: ReadableParams): TracesViewState {
  const limit = Number(params.get('limit'));
  const min = Number(params.get('minDurationMs'));
  const trace = params.get('trace');
  const window = readWindow(params.get('window') ?? '');
  const end = params.get('end');
  return {
    namespace: name(params.get('namespace')),
    source: name(params.get('source')),
    target: name(params.get('target')),
    window: window.ok ? window.window : DEFAULT_TRACES_VIEW.window,
    end: (end === null ? undefined : readEnd(end)) ?? null,
    limit:
      Number.isInteger(limit) && limit >= 1 && limit <= 200 ? limit : DEFAULT_TRACES_VIEW.limit,
    minDurationMs:
      params.get('minDurationMs') && Number.isFinite(min) && min >= 0 ? min : undefined,
    errorsOnly: params.get('errorsOnly') === 'true',
    operation: (params.get('operation') ?? '').slice(0, 300),
    sort: params.get('sort') === 'slowest' ? 'slowest' : 'newest',
    trace: trace && TRACE_ID.test(trace) ? trace.toLowerCase() : undefined,
  };
}

/** The query string for a view, defaults left out so links stay short. */
export function serializeTracesViewState(view: TracesViewState): string {
  const q = new URLSearchParams();
  if (view.namespace) q.set('namespace', view.namespace);
  if (view.source) q.set('source', view.source);
  if (view.target) q.set('target', view.target);
  if (view.window !== DEFAULT_TRACES_VIEW.window) q.set('window', view.window);
  if (view.end !== null) q.set('end', formatEnd(view.end));
  if (view.limit !== DEFAULT_TRACES_VIEW.limit) q.set('limit', String(view.limit));
  if (view.minDurationMs !== undefined) q.set('minDurationMs', String(view.minDurationMs));
  if (view.errorsOnly) q.set('errorsOnly', 'true');
  if (view.operation) q.set('operation', view.operation);
  if (view.sort !== 'newest') q.set('sort', view.sort);
  if (view.trace) q.set('trace', view.trace);
  return q.toString();
}

/** The API search for a view; undefined until the view names a namespace and an edge or node. */
export function tracesQueryOf(view: TracesViewState): TracesQuery | undefined {
  if (!view.namespace || (!view.source && !view.target)) return undefined;
  return {
    namespace: view.namespace,
    ...(view.source ? { source: view.source } : {}),
    ...(view.target ? { target: view.target } : {}),
    window: view.window,
    ...(view.end !== null ? { end: view.end } : {}),
    limit: view.limit,
    ...(view.minDurationMs !== undefined ? { minDurationMs: view.minDurationMs } : {}),
    errorsOnly: view.errorsOnly,
    ...(view.operation ? { operation: view.operation } : {}),
    sort: view.sort,
  };
}

/** "Traces from productpage to reviews in bookinfo", or for a node alone "Traces into reviews …". */
export function describeScope(view: TracesViewState): string {
  const ns = view.namespace ? ` in ${view.namespace}` : '';
  if (view.source && view.target) return `Traces from ${view.source} to ${view.target}${ns}`;
  if (view.target) return `Traces through ${view.target}${ns}`;
  if (view.source) return `Traces through ${view.source}${ns}`;
  return 'Traces';
}
