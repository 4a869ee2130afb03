import { describe, expect, it } from 'vitest';
import { criticalPath } from './critical-path';
import { span, trace } from './testing';

describe('criticalPath', () => {
  it('follows the last-finishing child and gives the parent the gaps (Jaeger UI example shape)', () => {
    //  root  0────────────────100
    //  a        10────40
    //  b              35──────80   (finishes last)
    //  b1             35─50
    const t = trace([
      span('root', { startUs: 0, durationUs: 100 }),
      span('a', { parentId: 'root', startUs: 10, durationUs: 30 }),
      span('b', { parentId: 'root', startUs: 35, durationUs: 45 }),
      span('b1', { parentId: 'b', startUs: 35, durationUs: 15 }),
    ]);
    expect(criticalPath(t)).toEqual([
      { spanId: 'root', startUs: 80, endUs: 100 },
      { spanId: 'b', startUs: 50, endUs: 80 },
      { spanId: 'b1', startUs: 35, endUs: 50 },
      // Back in root at 35: a ended at 40, not before 35, so it overlaps b and is not critical.
      { spanId: 'root', startUs: 0, endUs: 35 },
    ]);
  });

  it('steps into an earlier child that finished before the critical one started', () => {
    const t = trace([
      span('root', { startUs: 0, durationUs: 100 }),
      span('a', { parentId: 'root', startUs: 10, durationUs: 20 }),
      span('b', { parentId: 'root', startUs: 40, durationUs: 50 }),
    ]);
    expect(criticalPath(t)).toEqual([
      { spanId: 'root', startUs: 90, endUs: 100 },
      { spanId: 'b', startUs: 40, endUs: 90 },
      { spanId: 'root', startUs: 30, endUs: 40 },
      { spanId: 'a', startUs: 10, endUs: 30 },
      { spanId: 'root', startUs: 0, endUs: 10 },
    ]);
  });

  it('clips a child that overflows its parent and ignores FOLLOWS_FROM children', () => {
    const t = trace([
      span('root', { startUs: 0, durationUs: 100 }),
      span('over', { parentId: 'root', startUs: 60, durationUs: 80 }),
      span('async', { parentId: 'root', followsFrom: true, startUs: 20, durationUs: 10 }),
    ]);
    expect(criticalPath(t)).toEqual([
      { spanId: 'over', startUs: 60, endUs: 100 },
      { spanId: 'root', startUs: 0, endUs: 60 },
    ]);
  });

  it('is empty for an empty trace', () => {
    expect(criticalPath(trace([]))).toEqual([]);
  });
});
