import { describe, expect, it } from 'vitest';
import { checkSubsetNoPods } from './subset-no-pods';
import { istio, meshOf, pod, service } from '../testing/mesh';

const dr = istio('DestinationRule', 'bookinfo', 'details', {
  host: 'details',
  subsets: [
    { name: 'v1', labels: { version: 'v1' } },
    { name: 'v2', labels: { version: 'v2' } },
  ],
});
const svc = service('bookinfo', 'details');

describe('checkSubsetNoPods', () => {
  it('passes when every subset selects a pod of the service', () => {
    const pods = [
      pod('bookinfo', 'details-v1-a', { app: 'details', version: 'v1' }),
      pod('bookinfo', 'details-v2-a', { app: 'details', version: 'v2' }),
    ];
    expect(checkSubsetNoPods(dr, meshOf([dr], [svc], pods))).toEqual([]);
  });

  it('flags a subset whose labels select no pod (IST0173), naming the versions that do run', () => {
    const pods = [pod('bookinfo', 'details-v1-a', { app: 'details', version: 'v1' })];
    expect(checkSubsetNoPods(dr, meshOf([dr], [svc], pods))).toEqual([
      {
        code: 'IST0173',
        severity: 'error',
        message: expect.stringContaining(
          "Subset 'v2' (version=v2) selects no pod of details.bookinfo; its pods have version: v1",
        ) as string,
        path: 'spec.subsets[1].labels',
      },
    ]);
  });

  it('ignores pods of another service that happen to carry the labels', () => {
    const pods = [
      pod('bookinfo', 'other', { app: 'other', version: 'v2' }),
      pod('bookinfo', 'd1', { app: 'details', version: 'v1' }),
    ];
    expect(checkSubsetNoPods(dr, meshOf([dr], [svc], pods))).toHaveLength(1);
  });
});
