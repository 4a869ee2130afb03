import { describe, expect, it } from 'vitest';
import {
  activeDraft,
  draftReducer,
  INITIAL_DRAFT,
  isDirty,
  stableSubset,
  type ServerRoute,
} from './weight-draft';

const server: ServerRoute = {
  route: 0,
  resourceVersion: '10',
  weights: { v1: 80, v2: 10, v3: 10 },
};

describe('draftReducer', () => {
  it('has no draft until something changes, then rebalances from the server weights', () => {
    expect(activeDraft(INITIAL_DRAFT, server)).toBeNull();
    const s = draftReducer(INITIAL_DRAFT, { type: 'set', server, subset: 'v3', value: 50 });
    expect(s.draft).toMatchObject({
      weights: { v1: 44, v2: 6, v3: 50 },
      baseResourceVersion: '10',
    });
    expect(isDirty(s.draft)).toBe(true);
  });

  it('keeps a dirty draft when the server moves on, and drops a clean one', () => {
    const dirty = draftReducer(INITIAL_DRAFT, { type: 'set', server, subset: 'v3', value: 50 });
    const moved = { ...server, resourceVersion: '11', weights: { v1: 70, v2: 20, v3: 10 } };
    expect(activeDraft(dirty, moved)?.weights).toEqual({ v1: 44, v2: 6, v3: 50 });
    const clean = draftReducer(dirty, { type: 'replace', server, weights: server.weights });
    expect(activeDraft(clean, moved)).toBeNull();
  });

  it('rebalances every step of one gesture from where it began, so the path does not matter', () => {
    let s = INITIAL_DRAFT;
    for (let v = 10; v >= 0; v--)
      s = draftReducer(s, { type: 'set', server, subset: 'v2', value: v });
    expect(s.draft?.weights).toEqual({ v1: 89, v2: 0, v3: 11 });
    s = draftReducer(s, { type: 'set', server, subset: 'v2', value: 10 });
    expect(s.draft?.weights).toEqual(server.weights);
  });

  it('honours locks', () => {
    const locked = draftReducer(INITIAL_DRAFT, { type: 'toggle-lock', subset: 'v2' });
    const s = draftReducer(locked, { type: 'set', server, subset: 'v3', value: 50 });
    expect(s.draft?.weights).toEqual({ v1: 40, v2: 10, v3: 50 });
    expect(draftReducer(locked, { type: 'toggle-lock', subset: 'v2' }).locks.has('v2')).toBe(false);
  });

  it('stands in for the server after apply until the refetch with the new version arrives', () => {
    const dirty = draftReducer(INITIAL_DRAFT, { type: 'set', server, subset: 'v3', value: 50 });
    const applied = draftReducer(dirty, { type: 'applied', resourceVersion: '12' });
    expect(isDirty(applied.draft)).toBe(false);
    expect(activeDraft(applied, { ...server, resourceVersion: '12' })?.weights.v3).toBe(50);
    expect(activeDraft(applied, { ...server, resourceVersion: '13' })).toBeNull();
  });

  it('rebases a draft on the latest version without losing the edit', () => {
    const dirty = draftReducer(INITIAL_DRAFT, { type: 'set', server, subset: 'v3', value: 50 });
    const latest = { ...server, resourceVersion: '11', weights: { v1: 70, v2: 20, v3: 10 } };
    const s = draftReducer(dirty, { type: 'rebase', server: latest });
    expect(s.draft).toMatchObject({ baseResourceVersion: '11', weights: { v3: 50 } });
  });
});

describe('stableSubset', () => {
  it('is the most weighted subset, the first on a tie', () => {
    expect(stableSubset(['v1', 'v2'], { v1: 10, v2: 90 })).toBe('v2');
    expect(stableSubset(['v1', 'v2', 'v3'], { v1: 50, v2: 0, v3: 50 })).toBe('v1');
  });
});
