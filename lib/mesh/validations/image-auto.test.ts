import { describe, expect, it } from 'vitest';
import { meshOf, pod } from '../testing/mesh';
import { analyzeImageAuto } from './image-auto';

describe('analyzeImageAuto', () => {
  it('reports a pod whose istio-proxy container still says image: auto', () => {
    const mesh = meshOf(
      [],
      [],
      [
        { ...pod('default', 'injected-pod', {}), proxyImage: 'auto' },
        { ...pod('default', 'real', {}), proxyImage: 'docker.io/istio/proxyv2:1.28.0' },
        { ...pod('istio-system', 'istiod-canary', { istio: 'pilot' }), hasSidecar: false },
      ],
    );
    expect(analyzeImageAuto(mesh)).toEqual([
      {
        resource: { kind: 'Pod', namespace: 'default', name: 'injected-pod' },
        validation: {
          code: 'IST0147',
          severity: 'error',
          message: expect.stringContaining(
            'default/injected-pod has an istio-proxy container with "image: auto"',
          ) as string,
        },
      },
    ]);
  });

  it('reports nothing on pods whose proxy image is unknown or real', () => {
    expect(analyzeImageAuto(meshOf([], [], [pod('default', 'a', {})]))).toEqual([]);
  });
});
