import { describe, expect, it } from 'vitest';
import { routesAgeSeconds } from './routes-age';

describe('routesAgeSeconds', () => {
  it('does not know the age of routes first seen, and counts from a change it sees', () => {
    expect(routesAgeSeconds('t/a', 'w80', 1_000)).toBeNull();
    expect(routesAgeSeconds('t/a', 'w80', 50_000)).toBeNull();
    expect(routesAgeSeconds('t/a', 'w50', 60_000)).toBe(0);
    expect(routesAgeSeconds('t/a', 'w50', 90_000)).toBe(30);
    expect(routesAgeSeconds('t/b', 'w50', 90_000)).toBeNull();
  });
});
