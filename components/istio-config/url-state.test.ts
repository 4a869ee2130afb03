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

  it('keeps the kind of a row Meshlens does not edit, and the not-checked status', () => {
    const text = writeListState({ namespaces: [], kind: 'TCPRoute', status: 'unchecked' });
    expect(text).toBe('?kind=TCPRoute&status=unchecked');
    expect(readListState(new URLSearchParams(text))).toEqual({
      namespaces: [],
      kind: 'TCPRoute',
      status: 'unchecked',
    });
  });

  it('falls back to everything for missing or unknown values', () => {
    expect(readListState(new URLSearchParams('kind=pod%3Cb%3E&status=weird'))).toEqual({
      namespaces: [],
      kind: 'all',
      status: 'all',
    });
    expect(writeListState({ namespaces: [], kind: 'all', status: 'all' })).toBe('');
  });
});
