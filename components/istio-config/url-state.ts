import { ISTIO_KIND_NAMES, type IstioKindName } from '@/lib/mesh/istio/kinds';

export const STATUS_FILTERS = ['all', 'error', 'warning', 'info', 'valid', 'unchecked'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/**
 * A kind the list can filter on: an Istio kind Meshlens edits, or the wire kind of a row it does
 * not edit (`Pod`, `Namespace`, `TCPRoute`, …).
 */
export type KindFilter = IstioKindName | (string & {});

/** The /istio list's deep-linkable state: ?namespaces=a,b&kind=VirtualService&status=error. */
export interface ListUrlState {
  /** Empty means every namespace. */
  readonly namespaces: readonly string[];
  readonly kind: KindFilter | 'all';
  readonly status: StatusFilter;
}

/** A Kubernetes kind is UpperCamelCase; anything else in the URL is ignored. */
const WIRE_KIND = /^[A-Z][A-Za-z0-9]*$/;

export function readListState(params: URLSearchParams): ListUrlState {
  const kind = params.get('kind');
  const status = params.get('status');
  return {
    namespaces: (params.get('namespaces') ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean),
    kind:
      ISTIO_KIND_NAMES.find((k) => k === kind) ??
      (kind !== null && WIRE_KIND.test(kind) ? kind : 'all'),
    status: STATUS_FILTERS.find((s) => s === status) ?? 'all',
  };
}

export function writeListState(state: ListUrlState): string {
  const params = new URLSearchParams();
  if (state.namespaces.length > 0) params.set('namespaces', state.namespaces.join(','));
  if (state.kind !== 'all') params.set('kind', state.kind);
  if (state.status !== 'all') params.set('status', state.status);
  const text = params.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}
