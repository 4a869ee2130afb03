import type { Health } from '../types';

/** Higher is worse; lists sort by this so that what needs attention comes first. */
export const HEALTH_SEVERITY: Readonly<Record<Health, number>> = {
  failing: 4,
  degraded: 3,
  unknown: 2,
  healthy: 1,
  idle: 0,
};

/** Orders items worst health first, then by name, without mutating the input. */
export function sortByHealth<T extends { readonly health: Health; readonly name: string }>(
  items: readonly T[],
): T[] {
  return [...items].sort(
    (a, b) => HEALTH_SEVERITY[b.health] - HEALTH_SEVERITY[a.health] || a.name.localeCompare(b.name),
  );
}
