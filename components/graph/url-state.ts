import { formatEnd } from '@/lib/mesh/time/duration';
import { readEnd, readWindow } from '@/lib/mesh/time/params';
import {
  AMBIENT_VIEWS,
  GRAPH_TYPES,
  type AmbientView,
  type GraphType,
  type Window,
} from '@/lib/mesh/types';

export const EDGE_LABEL_MODES = ['none', 'rate', 'error', 'p95', 'mtls'] as const;
export type EdgeLabelMode = (typeof EDGE_LABEL_MODES)[number];

/** `default` follows the refresh preference in the header; the others pin this view's interval. */
export const GRAPH_REFRESH_CHOICES = ['default', 'off', '10s', '30s', '1m'] as const;
export type GraphRefresh = (typeof GRAPH_REFRESH_CHOICES)[number];

export const GRAPH_REFRESH_MS: Readonly<Record<Exclude<GraphRefresh, 'default'>, number>> = {
  off: 0,
  '10s': 10_000,
  '30s': 30_000,
  '1m': 60_000,
};

/** Everything a copied link must reproduce. */
export interface GraphViewState {
  /** Empty means "the default selection": every namespace that is not a system one. */
  readonly namespaces: readonly string[];
  readonly type: GraphType;
  readonly window: Window;
  /** A past moment the view ends at (epoch ms); null: live, ending now. */
  readonly end: number | null;
  readonly refresh: GraphRefresh;
  readonly idle: boolean;
  /** How ambient traffic is drawn: through waypoint nodes or not (lib/mesh/types.ts AmbientView). */
  readonly ambient: AmbientView;
  readonly labels: EdgeLabelMode;
  readonly animate: boolean;
  /** The authorization overlay: edges the AuthorizationPolicies deny or leave to request attributes. */
  readonly authz: boolean;
  /** Multi-cluster graphs: a box per cluster around its namespaces. */
  readonly clusters: boolean;
  readonly find: string;
  readonly hide: string;
  /** Id of the selected node or edge. */
  readonly selected: string | null;
}

export const DEFAULT_VIEW: GraphViewState = {
  namespaces: [],
  type: 'workload',
  window: '5m',
  end: null,
  refresh: 'default',
  idle: false,
  ambient: 'total',
  labels: 'none',
  animate: false,
  authz: false,
  clusters: false,
  find: '',
  hide: '',
  selected: null,
};

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const MAX_TEXT = 200;

function oneOf<T extends string>(choices: readonly T[], value: string | null, fallback: T): T {
  return choices.find((c) => c === value) ?? fallback;
}

function windowOf(value: string | null): Window {
  const read = value === null ? undefined : readWindow(value);
  return read?.ok ? read.window : DEFAULT_VIEW.window;
}

function endOf(value: string | null): number | null {
  return (value === null ? undefined : readEnd(value)) ?? null;
}

interface ReadableParams {
  get(name: string): string | null;
}

/** Reads the view from a query string; anything malformed falls back to its default rather than failing. */
export function parseGraphViewState(params: ReadableParams): GraphViewState {
  const namespaces = [
    ...new Set(
      (params.get('namespaces') ?? '')
        .split(',')
        .map((n) => n.trim())
        .filter((n) => DNS_LABEL.test(n)),
    ),
  ];
  return {
    namespaces,
    type: oneOf(GRAPH_TYPES, params.get('type'), DEFAULT_VIEW.type),
    window: windowOf(params.get('window')),
    end: endOf(params.get('end')),
    refresh: oneOf(GRAPH_REFRESH_CHOICES, params.get('refresh'), DEFAULT_VIEW.refresh),
    idle: params.get('idle') === 'true',
    ambient: oneOf(AMBIENT_VIEWS, params.get('ambient'), DEFAULT_VIEW.ambient),
    labels: oneOf(EDGE_LABEL_MODES, params.get('labels'), DEFAULT_VIEW.labels),
    animate: params.get('animate') === 'true',
    authz: params.get('authz') === 'true',
    clusters: params.get('clusters') === 'true',
    find: (params.get('find') ?? '').slice(0, MAX_TEXT),
    hide: (params.get('hide') ?? '').slice(0, MAX_TEXT),
    selected: params.get('selected') || null,
  };
}

/** The query string for a view, leaving defaults out so links stay short. */
export function serializeGraphViewState(state: GraphViewState): string {
  const out = new URLSearchParams();
  if (state.namespaces.length > 0) out.set('namespaces', state.namespaces.join(','));
  if (state.type !== DEFAULT_VIEW.type) out.set('type', state.type);
  if (state.window !== DEFAULT_VIEW.window) out.set('window', state.window);
  if (state.end !== null) out.set('end', formatEnd(state.end));
  if (state.refresh !== DEFAULT_VIEW.refresh) out.set('refresh', state.refresh);
  if (state.idle) out.set('idle', 'true');
  if (state.ambient !== DEFAULT_VIEW.ambient) out.set('ambient', state.ambient);
  if (state.labels !== DEFAULT_VIEW.labels) out.set('labels', state.labels);
  if (state.animate) out.set('animate', 'true');
  if (state.authz) out.set('authz', 'true');
  if (state.clusters) out.set('clusters', 'true');
  if (state.find !== '') out.set('find', state.find);
  if (state.hide !== '') out.set('hide', state.hide);
  if (state.selected !== null) out.set('selected', state.selected);
  return out.toString();
}

const SYSTEM_NAMESPACE = /^(istio-system|kube-.*)$/;

/**
 * The namespaces shown when the URL names none: the application ones that run something, as an SRE
 * would pick; failing that every application one, failing that all.
 */
export function defaultNamespaces(
  all: readonly { readonly name: string; readonly workloads: number }[],
): string[] {
  const apps = all.filter((n) => !SYSTEM_NAMESPACE.test(n.name));
  const busy = apps.filter((n) => n.workloads > 0);
  return (busy.length > 0 ? busy : apps.length > 0 ? apps : all).map((n) => n.name);
}
