import { describe, expect, it } from 'vitest';
import { tracesHref } from './traces-href';

describe('tracesHref', () => {
  it('links an edge with its window', () => {
    expect(
      tracesHref({ namespace: 'bookinfo', source: 'productpage-v1', target: 'reviews' }, '5m'),
    ).toBe('/traces?namespace=bookinfo&source=productpage-v1&target=reviews&window=5m');
  });

  it('links a node alone as a target, leaving the window to the traces view', () => {
    expect(tracesHref({ namespace: 'bookinfo', target: 'reviews' })).toBe(
      '/traces?namespace=bookinfo&target=reviews',
    );
  });
});
