import { describe, expect, it } from 'vitest';
import { buildGraph } from './build-graph';
import { edge, node } from '../testing/graph-lookup';
import {
  PRODUCTPAGE,
  REVIEWS_V1,
  REVIEWS_V2,
  bookinfoRequests,
  graphInput,
  meshRequest,
  to,
} from '../testing/graph-samples';
import type { Sample } from '../types';

/** Samples as a multi-cluster mesh reports them: each side's cluster on every series. */
const across = (samples: readonly Sample[], from: string, into: string): Sample[] =>
  samples.map((s) => ({
    ...s,
    labels: { ...s.labels, source_cluster: from, destination_cluster: into },
  }));

describe('buildGraph: clusters', () => {
  const twoClusters = [
    ...across(meshRequest(PRODUCTPAGE, to(REVIEWS_V1, 'reviews'), 6), 'east', 'east'),
    ...across(meshRequest(PRODUCTPAGE, to(REVIEWS_V1, 'reviews'), 4), 'east', 'west'),
    ...across(
      meshRequest(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), 1, { code: '503' }),
      'east',
      'west',
    ),
  ];

  it('draws the same workload name in two clusters as two nodes carrying their cluster', () => {
    const g = buildGraph(graphInput({ requests: twoClusters }));
    expect(node(g, 'wl:bookinfo:reviews-v1@east')).toMatchObject({ cluster: 'east', rps: 6 });
    expect(node(g, 'wl:bookinfo:reviews-v1@west')).toMatchObject({
      cluster: 'west',
      name: 'reviews-v1',
      rps: 4,
      // The inventory's workload of that namespace and name.
      hasSidecar: true,
    });
    expect(
      edge(g, 'wl:bookinfo:productpage-v1@east', 'wl:bookinfo:reviews-v2@west').errorRate,
    ).toBe(1);
    expect(g.nodes.map((n) => n.id)).not.toContain('wl:bookinfo:reviews-v1');
  });

  it('boxes versions per app and cluster in the versioned-app graph', () => {
    const g = buildGraph(graphInput({ requests: twoClusters, type: 'versionedApp' }));
    expect(node(g, 'ver:bookinfo:reviews:v2@west').parent).toBe('app:bookinfo:reviews@west');
    expect(node(g, 'app:bookinfo:reviews@west')).toMatchObject({ isBox: true, cluster: 'west' });
    // One version in east: no box.
    expect(node(g, 'ver:bookinfo:reviews:v1@east').parent).toBeUndefined();
  });

  it("puts a callee whose cluster Istio reported as unknown in its caller's cluster", () => {
    const g = buildGraph(
      graphInput({
        requests: [
          ...twoClusters,
          ...across(meshRequest(REVIEWS_V1, to(REVIEWS_V2, 'reviews'), 2), 'west', 'unknown'),
        ],
      }),
    );
    expect(edge(g, 'wl:bookinfo:reviews-v1@west', 'wl:bookinfo:reviews-v2@west').rps).toBe(2);
  });

  it('keeps ids and nodes exactly as before when the metrics name one cluster', () => {
    const plain = buildGraph(graphInput());
    const named = buildGraph(
      graphInput({ requests: across(bookinfoRequests(), 'Kubernetes', 'Kubernetes') }),
    );
    expect(named).toEqual(plain);
    expect(named.nodes.some((n) => n.cluster !== undefined)).toBe(false);
  });

  it('counts a request once when only one reporter named the callee cluster', () => {
    const [source, destination] = meshRequest(PRODUCTPAGE, to(REVIEWS_V1, 'reviews'), 5);
    if (source === undefined || destination === undefined) throw new Error('two reports');
    const g = buildGraph(
      graphInput({
        requests: [
          ...across([source], 'Kubernetes', 'unknown'),
          ...across([destination], 'Kubernetes', 'Kubernetes'),
        ],
      }),
    );
    expect(edge(g, 'wl:bookinfo:productpage-v1', 'wl:bookinfo:reviews-v1').rps).toBe(5);
  });
});
