export type SortDirection = 'asc' | 'desc';

export interface TableSort<K extends string> {
  readonly key: K;
  readonly direction: SortDirection;
}

/** A table's sortable columns, as a list declares them. */
export interface SortColumns<K extends string> {
  readonly keys: readonly K[];
  /**
   * The way a column sorts when first picked: what needs attention first (worst health, most errors,
   * slowest, busiest), names alphabetically. For health, 'desc' means worst first.
   */
  readonly first: Readonly<Record<K, SortDirection>>;
  readonly initial: TableSort<K>;
}

interface ReadableParams {
  get(name: string): string | null;
}

/** `?sort=rps&order=asc`; anything malformed falls back to the initial sort rather than failing. */
export function parseSort<K extends string>(
  columns: SortColumns<K>,
  params: ReadableParams,
): TableSort<K> {
  const key = columns.keys.find((k) => k === params.get('sort'));
  if (key === undefined) return columns.initial;
  const order = params.get('order');
  return { key, direction: order === 'asc' || order === 'desc' ? order : columns.first[key] };
}

/** Writes the sort into `params`, leaving defaults out so links stay short. */
export function writeSort<K extends string>(
  columns: SortColumns<K>,
  sort: TableSort<K>,
  params: URLSearchParams,
): void {
  const isDefault =
    sort.key === columns.initial.key && sort.direction === columns.initial.direction;
  if (isDefault) params.delete('sort');
  else params.set('sort', sort.key);
  if (isDefault || sort.direction === columns.first[sort.key]) params.delete('order');
  else params.set('order', sort.direction);
}

/** Picking the current column reverses it; another column starts in its first direction. */
export function nextSort<K extends string>(
  columns: SortColumns<K>,
  current: TableSort<K>,
  key: K,
): TableSort<K> {
  if (current.key !== key) return { key, direction: columns.first[key] };
  return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}
