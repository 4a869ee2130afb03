import { describe, expect, it } from 'vitest';
import { isNamespaceVisible, visibleNamespaceNames } from './visibility';

describe('namespace visibility', () => {
  it('needs every list answer to be yes', () => {
    expect(isNamespaceVisible([true, true, true])).toBe(true);
    expect(isNamespaceVisible([true, false, true])).toBe(false);
    expect(isNamespaceVisible([true, undefined, true])).toBe(false);
    expect(isNamespaceVisible([true, true])).toBe(false);
  });

  it('lists the visible namespaces sorted', () => {
    const answers = new Map([
      ['shop', [true, true, false]],
      ['bookinfo', [true, true, true]],
      ['alpha', [true, true, true]],
    ]);
    expect(visibleNamespaceNames(answers)).toEqual(['alpha', 'bookinfo']);
  });
});
