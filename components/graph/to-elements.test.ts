import { describe, expect, it } from 'vitest';
import { testGraph, testNode } from './graph-fixture';
import { mtlsLabel, toElements } from './to-elements';

const dataOf = (id: string, graph = testGraph()): Record<string, unknown> | undefined =>
  toElements(graph).find((e) => e.data.id === id)?.data;

describe('toElements', () => {
  it('boxes mesh nodes by namespace and leaves unknown and external outside', () => {
    expect(dataOf('ns:bookinfo')).toMatchObject({ role: 'namespace', label: 'bookinfo' });
    expect(dataOf('wl:bookinfo:reviews-v1')).toMatchObject({ parent: 'ns:bookinfo', role: 'node' });
    expect(dataOf('unknown')?.parent).toBeUndefined();
    expect(dataOf('ns:unknown')).toBeUndefined();
  });

  it('with cluster boxes, puts each namespace box of a cluster in its cluster box', () => {
    const graph = testGraph([
      testNode('wl:bookinfo:reviews-v1@east', { cluster: 'east', name: 'reviews-v1' }),
      testNode('wl:bookinfo:reviews-v1@west', { cluster: 'west', name: 'reviews-v1' }),
    ]);
    const elements = toElements(graph, { clusterBoxes: true });
    const data = (id: string) => elements.find((e) => e.data.id === id)?.data;
    expect(data('cl:east')).toMatchObject({ role: 'cluster', label: 'cluster east' });
    expect(data('ns:bookinfo@east')).toMatchObject({ role: 'namespace', parent: 'cl:east' });
    expect(data('wl:bookinfo:reviews-v1@west')).toMatchObject({
      parent: 'ns:bookinfo@west',
      label: 'reviews-v1',
    });
    // Nodes without a cluster keep their plain namespace box; parents come before children.
    expect(data('wl:bookinfo:reviews-v1')?.parent).toBe('ns:bookinfo');
    const at = (id: string) => elements.findIndex((e) => e.data.id === id);
    expect(at('cl:west')).toBeLessThan(at('ns:bookinfo@west'));

    // Without boxes the cluster is in the label, and no cluster box is drawn.
    expect(dataOf('wl:bookinfo:reviews-v1@east', graph)).toMatchObject({
      parent: 'ns:bookinfo',
      label: 'reviews-v1 · east',
    });
    expect(dataOf('cl:east', graph)).toBeUndefined();
  });

  it('draws no cluster box for a single-cluster graph, whatever the option', () => {
    expect(toElements(testGraph(), { clusterBoxes: true })).toEqual(toElements(testGraph()));
  });

  it('marks a namespace as outside only when all its nodes are', () => {
    const graph = testGraph([testNode('wl:istio-system:ingress', { outside: true })]);
    expect(dataOf('ns:istio-system', graph)).toMatchObject({
      outside: true,
      label: 'istio-system · outside selection',
    });
    expect(dataOf('ns:bookinfo', graph)?.outside).toBe(false);
  });

  it('precomputes every edge label and a log width', () => {
    expect(dataOf('wl:bookinfo:productpage-v1>wl:bookinfo:details-v1')).toMatchObject({
      rateLabel: '10.0 rps',
      errorLabel: '20%',
      p95Label: '42 ms',
      mtlsLabel: '🔒',
      health: 'failing',
    });
    expect(dataOf('wl:shop:legacy-batch>wl:bookinfo:details-v1')).toMatchObject({
      rateLabel: '2.0 KiB/s',
      errorLabel: '',
      mtlsLabel: '',
    });
  });

  it('says when a workload has no sidecar', () => {
    expect(dataOf('wl:shop:legacy-batch')).toMatchObject({
      noSidecar: true,
      label: 'legacy-batch\n(no sidecar)',
    });
  });

  it('labels mTLS as a lock, a share, or nothing', () => {
    expect(mtlsLabel(1)).toBe('🔒');
    expect(mtlsLabel(0.6)).toBe('◐ 60% mTLS');
    expect(mtlsLabel(0)).toBe('');
  });

  it('puts versions in app boxes and names them by version', () => {
    const graph = testGraph([
      testNode('app:bookinfo:reviews', { kind: 'app', name: 'reviews', isBox: true }),
      testNode('ver:bookinfo:reviews:v2', {
        kind: 'app',
        name: 'reviews',
        version: 'v2',
        parent: 'app:bookinfo:reviews',
      }),
    ]);
    expect(dataOf('app:bookinfo:reviews', graph)).toMatchObject({
      role: 'box',
      parent: 'ns:bookinfo',
    });
    expect(dataOf('ver:bookinfo:reviews:v2', graph)).toMatchObject({
      parent: 'app:bookinfo:reviews',
      label: 'v2',
    });
  });
});
