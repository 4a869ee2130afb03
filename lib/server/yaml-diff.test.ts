import { describe, expect, it } from 'vitest';
import type { IstioObject } from '@/lib/mesh/types';
import { toManifestYaml, yamlDiff } from './yaml-diff';

const vs = (weights: [number, number]): IstioObject => ({
  kind: 'VirtualService',
  apiVersion: 'networking.istio.io/v1',
  namespace: 'bookinfo',
  name: 'reviews',
  resourceVersion: String(weights[0]),
  labels: {},
  spec: {
    hosts: ['reviews'],
    http: [
      {
        route: [
          { destination: { host: 'reviews', subset: 'v1' }, weight: weights[0] },
          { destination: { host: 'reviews', subset: 'v2' }, weight: weights[1] },
        ],
      },
    ],
  },
});

describe('yamlDiff', () => {
  it('shows the changed weights as removed and added lines inside a hunk', () => {
    const lines = yamlDiff(vs([90, 10]), vs([50, 50]));
    expect(lines[0]?.kind).toBe('hunk');
    expect(lines.filter((l) => l.kind === 'remove').map((l) => l.text.trim())).toEqual([
      'weight: 90',
      'weight: 10',
    ]);
    expect(lines.filter((l) => l.kind === 'add').map((l) => l.text.trim())).toEqual([
      'weight: 50',
      'weight: 50',
    ]);
  });

  it('is empty for equal objects, whatever their resourceVersion', () => {
    expect(yamlDiff(vs([90, 10]), { ...vs([90, 10]), resourceVersion: '999' })).toEqual([]);
  });

  it('writes a manifest without resourceVersion', () => {
    expect(toManifestYaml(vs([90, 10]))).toMatch(
      /^apiVersion: networking.istio.io\/v1\nkind: VirtualService\nmetadata:\n  name: reviews\n  namespace: bookinfo\nspec:/,
    );
  });
});
