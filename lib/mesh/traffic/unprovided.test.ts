import { describe, expect, it } from 'vitest';
import { pod, service, workload } from '../testing/mesh';
import type { Inventory } from '../types';
import { providedByNothing } from './unprovided';

const REVIEWS = { namespace: 'bookinfo', name: 'reviews' };

const inv = (parts: Partial<Inventory>): Inventory => ({
  namespaces: [],
  services: [],
  workloads: [],
  pods: [],
  ...parts,
});

describe('providedByNothing', () => {
  const inventory = inv({
    services: [service('bookinfo', 'reviews', { app: 'reviews' })],
    workloads: [workload('bookinfo', 'reviews-v1', { app: 'reviews', version: 'v1' })],
    pods: [pod('bookinfo', 'reviews-v3-x', { app: 'reviews', version: 'v3' })],
  });

  it('is true for a subset no workload or pod carries', () => {
    expect(providedByNothing(inventory, REVIEWS, { version: 'v2' })).toBe(true);
  });

  it('is false when a workload, or only a pod, carries the labels', () => {
    expect(providedByNothing(inventory, REVIEWS, { version: 'v1' })).toBe(false);
    expect(providedByNothing(inventory, REVIEWS, { version: 'v3' })).toBe(false);
  });

  it('never judges a service it does not know or one without a selector', () => {
    expect(
      providedByNothing(inventory, { namespace: 'bookinfo', name: 'gone' }, { version: 'v2' }),
    ).toBe(false);
    const bare = inv({ services: [service('bookinfo', 'reviews', {})] });
    expect(providedByNothing(bare, REVIEWS, {})).toBe(false);
  });

  it('does not count workloads of another namespace', () => {
    const elsewhere = inv({
      services: [service('bookinfo', 'reviews', { app: 'reviews' })],
      workloads: [workload('staging', 'reviews-v2', { app: 'reviews', version: 'v2' })],
    });
    expect(providedByNothing(elsewhere, REVIEWS, { version: 'v2' })).toBe(true);
  });
});
