import { describe, expect, it } from 'vitest';
import { graphHref } from './links';
import { summaryText } from './summary-text';

describe('workload links', () => {
  it('opens the graph on the namespace with the workload node selected', () => {
    const href = graphHref({ namespace: 'shop', name: 'catalog-v1', rps: 4, outboundRps: 0 });
    const url = new URL(href, 'http://x');
    expect(url.pathname).toBe('/graph');
    expect(url.searchParams.get('namespaces')).toBe('shop');
    expect(url.searchParams.get('selected')).toBe('wl:shop:catalog-v1');
    expect(url.searchParams.has('idle')).toBe(false);
  });

  it('shows idle nodes when the workload had no traffic, so its node is there to select', () => {
    const href = graphHref({ namespace: 'shop', name: 'legacy-batch', rps: 0, outboundRps: null });
    expect(new URL(href, 'http://x').searchParams.get('idle')).toBe('true');
  });
});

describe('summaryText', () => {
  it('names sidecar gaps and failures only when there are some', () => {
    expect(summaryText({ total: 7, withoutSidecar: 1, notCaptured: 2, failing: 1 })).toBe(
      '7 workloads, 1 without sidecar, 2 not captured, 1 failing',
    );
    expect(summaryText({ total: 1, withoutSidecar: 0, notCaptured: 0, failing: 0 })).toBe(
      '1 workload',
    );
  });
});
