import { describe, expect, it } from 'vitest';
import { readListState, writeListState } from './url-state';

describe('list URL state', () => {
  it('round-trips namespaces, kind and status', () => {
    const state = {
      namespaces: ['shop', 'bookinfo'],
      kind: 'VirtualService' as const,
      status: 'error' as const,
    };
    const text = writeListState(state);
    expect(text).toBe('?namespaces=shop,bookinfo&kind=VirtualService&status=error');
    expect(readListState(new URLSearchParams(text))).toEqual(state);
  });

  it('falls back to everything for missing or unknown values', () => {
    expect(readListState(new URLSearchParams('kind=Pod&status=weird'))).toEqual({
      namespaces: [],
      kind: 'all',
      status: 'all',
    });
    expect(writeListState({ namespaces: [], kind: 'all', status: 'all' })).toBe('');
  });
});
