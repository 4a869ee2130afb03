import { describe, expect, it } from 'vitest';
import { formatDurationUs } from './format-duration';

describe('formatDurationUs', () => {
  it('picks µs, ms or s and drops trailing zeros', () => {
    expect(formatDurationUs(350)).toBe('350 µs');
    expect(formatDurationUs(1510)).toBe('1.51 ms');
    expect(formatDurationUs(150_000)).toBe('150 ms');
    expect(formatDurationUs(199_500)).toBe('199.5 ms');
    expect(formatDurationUs(2_310_000)).toBe('2.31 s');
  });
});
