import { describe, expect, it } from 'vitest';
import { isNamespaceName } from './namespace-name';

describe('isNamespaceName', () => {
  it.each(['a', 'bookinfo', 'istio-system', '0', 'a1-b2', 'a'.repeat(63)])('accepts %j', (n) => {
    expect(isNamespaceName(n)).toBe(true);
  });

  it.each(['', 'A', 'Bookinfo', '-a', 'a-', 'a_b', 'a.b', 'a b', 'a'.repeat(64), 'ns\n'])(
    'refuses %j',
    (n) => {
      expect(isNamespaceName(n)).toBe(false);
    },
  );
});
