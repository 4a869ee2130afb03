import { describe, expect, it } from 'vitest';
import { istio, meshOf } from '../testing/mesh';
import { checkSidecarGlobalSelector } from './sidecar-global-selector';

const sidecar = (namespace: string, selector?: Record<string, string>) =>
  istio('Sidecar', namespace, 'default', {
    ...(selector && { workloadSelector: { labels: selector } }),
    egress: [{ hosts: ['./*'] }],
  });

describe('checkSidecarGlobalSelector', () => {
  it('warns on a root-namespace Sidecar with a workloadSelector', () => {
    expect(checkSidecarGlobalSelector(sidecar('istio-system', { app: 'a' }), meshOf([]))).toEqual([
      {
        code: 'KIA1006',
        severity: 'warning',
        message: expect.stringContaining('is not the mesh-wide default') as string,
        path: 'spec.workloadSelector',
      },
    ]);
  });

  it('follows the configured root namespace', () => {
    const mesh = { ...meshOf([]), rootNamespace: 'mesh-root' };
    expect(checkSidecarGlobalSelector(sidecar('mesh-root', { app: 'a' }), mesh)).toHaveLength(1);
    expect(checkSidecarGlobalSelector(sidecar('istio-system', { app: 'a' }), mesh)).toEqual([]);
  });

  it('accepts the mesh-wide default and selectors in other namespaces', () => {
    expect(checkSidecarGlobalSelector(sidecar('istio-system'), meshOf([]))).toEqual([]);
    expect(checkSidecarGlobalSelector(sidecar('bookinfo', { app: 'a' }), meshOf([]))).toEqual([]);
  });
});
