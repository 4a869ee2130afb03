import { describe, expect, it } from 'vitest';
import { serviceSelfTimes } from './self-time';
import { span, trace } from './testing';

describe('serviceSelfTimes', () => {
  it('counts the time of a span not covered by its children, merging overlaps, per service', () => {
    const t = trace([
      span('root', { service: 'front', startUs: 0, durationUs: 100 }),
      span('a', { service: 'back', parentId: 'root', startUs: 10, durationUs: 30 }),
      span('b', { service: 'back', parentId: 'root', startUs: 30, durationUs: 30, error: true }),
      // Sticks out past its parent: only the overlap counts against the parent.
      span('c', { service: 'db', parentId: 'b', startUs: 50, durationUs: 40 }),
    ]);
    expect(serviceSelfTimes(t)).toEqual([
      // Ties by name. back: a 30 + b (30 - [50, 60) = 20) = 50
      { service: 'back', spanCount: 2, selfTimeUs: 50, errorCount: 1 },
      // front: 100 - [10, 60) = 50
      { service: 'front', spanCount: 1, selfTimeUs: 50, errorCount: 0 },
      { service: 'db', spanCount: 1, selfTimeUs: 40, errorCount: 0 },
    ]);
  });
});
