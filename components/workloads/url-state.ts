export const SORT_KEYS = ['health', 'name', 'namespace', 'pods', 'rps', 'errorRate'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export interface WorkloadSort {
  readonly key: SortKey;
  readonly direction: SortDirection;
}

/**
 * The way a column sorts when first picked: what needs attention first (worst health, fewest pods
 * ready, most errors, busiest), names alphabetically. For health, 'desc' means worst first.
 */
export const FIRST_DIRECTION: Readonly<Record<SortKey, SortDirection>> = {
  health: 'desc',
  name: 'asc',
  namespace: 'asc',
  pods: 'asc',
  rps: 'desc',
  errorRate: 'desc',
};

export const DEFAULT_SORT: WorkloadSort = { key: 'health', direction: 'desc' };

interface ReadableParams {
  get(name: string): string | null;
}

/** `?sort=rps&order=asc`; anything malformed falls back to the default rather than failing. */
export function parseWorkloadSort(params: ReadableParams): WorkloadSort {
  const key = SORT_KEYS.find((k) => k === params.get('sort'));
  if (key === undefined) return DEFAULT_SORT;
  const order = params.get('order');
  return { key, direction: order === 'asc' || order === 'desc' ? order : FIRST_DIRECTION[key] };
}

/** Writes the sort into `params`, leaving defaults out so links stay short. */
export function writeWorkloadSort(sort: WorkloadSort, params: URLSearchParams): void {
  const isDefault = sort.key === DEFAULT_SORT.key && sort.direction === DEFAULT_SORT.direction;
  if (isDefault) params.delete('sort');
  else params.set('sort', sort.key);
  if (isDefault || sort.direction === FIRST_DIRECTION[sort.key]) params.delete('order');
  else params.set('order', sort.direction);
}

/** Picking the current column reverses it; another column starts in its first direction. */
export function nextSort(current: WorkloadSort, key: SortKey): WorkloadSort {
  if (current.key !== key) return { key, direction: FIRST_DIRECTION[key] };
  return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}
