import { describe, expect, it } from 'vitest';
import { sortByHealth } from './order';

describe('sortByHealth', () => {
  it('puts failing before degraded before unknown before healthy before idle, then by name', () => {
    const sorted = sortByHealth([
      { name: 'b', health: 'healthy' as const },
      { name: 'idle', health: 'idle' as const },
      { name: 'a', health: 'healthy' as const },
      { name: 'x', health: 'degraded' as const },
      { name: 'u', health: 'unknown' as const },
      { name: 'f', health: 'failing' as const },
    ]);
    expect(sorted.map((n) => n.name)).toEqual(['f', 'x', 'u', 'a', 'b', 'idle']);
  });

  it('leaves its input untouched', () => {
    const input = [
      { name: 'b', health: 'healthy' as const },
      { name: 'a', health: 'failing' as const },
    ];
    sortByHealth(input);
    expect(input[0]?.name).toBe('b');
  });
});
