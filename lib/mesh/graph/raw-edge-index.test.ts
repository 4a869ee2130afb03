import { describe, expect, it } from 'vitest';
import { RawEdgeIndex } from './raw-edge-index';
import { edgeLabels, PRODUCTPAGE, REVIEWS_V1, REVIEWS_V2, to } from '../testing/graph-samples';

describe('RawEdgeIndex', () => {
  it('finds one entry per raw edge whatever the reporter, bucket or response labels', () => {
    const index = new RawEdgeIndex<{ n: number }>();
    const create = (): { n: number } => ({ n: 0 });
    const labels = edgeLabels(PRODUCTPAGE, to(REVIEWS_V1, 'reviews'));
    index.getOrCreate(labels, 'http', create).n++;
    index.getOrCreate({ ...labels, reporter: 'destination', le: '+Inf' }, 'http', create).n++;
    index.getOrCreate({ ...labels, response_code: '503' }, 'http', create).n++;
    expect(index.values).toEqual([{ n: 3 }]);
  });

  it('keeps apart edges sharing callee service and caller workload', () => {
    const index = new RawEdgeIndex<string>();
    const v1 = edgeLabels(PRODUCTPAGE, to(REVIEWS_V1, 'reviews'));
    const v2 = edgeLabels(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'));
    const otherNs = edgeLabels({ ...PRODUCTPAGE, ns: 'staging' }, to(REVIEWS_V1, 'reviews'));
    index.getOrCreate(v1, 'http', () => 'v1');
    index.getOrCreate(v2, 'http', () => 'v2');
    index.getOrCreate(v1, 'grpc', () => 'v1 grpc');
    index.getOrCreate(otherNs, 'http', () => 'staging');
    expect(index.getOrCreate(v2, 'http', () => 'again')).toBe('v2');
    expect(index.values).toEqual(['v1', 'v2', 'v1 grpc', 'staging']);
  });

  it('keeps clusters apart, but not from a reporter that left the cluster unknown', () => {
    const index = new RawEdgeIndex<string>();
    const labels = edgeLabels(PRODUCTPAGE, to(REVIEWS_V1, 'reviews'));
    const east = { ...labels, source_cluster: 'east', destination_cluster: 'east' };
    index.getOrCreate(east, 'http', () => 'east');
    index.getOrCreate({ ...east, destination_cluster: 'west' }, 'http', () => 'west');
    expect(
      index.getOrCreate(
        { ...east, reporter: 'destination', destination_cluster: 'unknown' },
        'http',
        () => 'new',
      ),
    ).toBe('east');
    expect(index.values).toEqual(['east', 'west']);
  });

  it('hands create the labels of the first sample seen', () => {
    const index = new RawEdgeIndex<Readonly<Record<string, string>>>();
    const first = edgeLabels(PRODUCTPAGE, to(REVIEWS_V1, 'reviews'));
    index.getOrCreate(first, 'http', (l) => l);
    expect(index.getOrCreate({ ...first }, 'http', (l) => l)).toBe(first);
  });
});
