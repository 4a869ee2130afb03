import { describe, expect, it } from 'vitest';
import { formatPath, parsePath } from './path';

describe('formatPath / parsePath', () => {
  it('writes indices in brackets and dotted keys', () => {
    expect(formatPath(['spec', 'http', 0, 'route', 1, 'weight'])).toBe(
      'spec.http[0].route[1].weight',
    );
  });

  it('quotes keys that are not identifiers, and reads them back', () => {
    const segments = ['spec', 'selector', 'matchLabels', 'app.kubernetes.io/name'];
    const text = formatPath(segments);
    expect(text).toBe('spec.selector.matchLabels["app.kubernetes.io/name"]');
    expect(parsePath(text)).toEqual(segments);
  });

  it('round-trips indices and rejects garbage', () => {
    expect(parsePath('spec.http[0].route[12]')).toEqual(['spec', 'http', 0, 'route', 12]);
    expect(parsePath('spec..x')).toBeUndefined();
    expect(parsePath('')).toEqual([]);
  });
});
