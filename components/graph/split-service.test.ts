import { describe, expect, it } from 'vitest';
import { testNode } from './graph-fixture';
import { splitServiceOf } from './split-service';

describe('splitServiceOf', () => {
  it('names the service of a service node', () => {
    const node = testNode('svc:bookinfo:reviews', { kind: 'service', service: 'reviews' });
    expect(splitServiceOf(node)).toBe('reviews');
  });

  it('takes the app name of an app node and of a versionedApp box', () => {
    expect(splitServiceOf(testNode('app:bookinfo:reviews', { kind: 'app', app: 'reviews' }))).toBe(
      'reviews',
    );
    const box = testNode('app:bookinfo:reviews', { kind: 'app', app: 'reviews', isBox: true });
    expect(splitServiceOf(box)).toBe('reviews');
  });

  it('has none for workloads, single versions, the unknown caller and external hosts', () => {
    expect(splitServiceOf(testNode('wl:bookinfo:reviews-v1'))).toBeUndefined();
    const version = testNode('ver:bookinfo:reviews:v2', {
      kind: 'app',
      app: 'reviews',
      version: 'v2',
    });
    expect(splitServiceOf(version)).toBeUndefined();
    expect(splitServiceOf(testNode('unknown', { kind: 'unknown' }))).toBeUndefined();
    expect(splitServiceOf(testNode('ext:api.example.com', { kind: 'external' }))).toBeUndefined();
  });
});
