import { describe, expect, it } from 'vitest';
import type { KubeSourceState } from '@/lib/kube/informers';
import { kubernetesSourceState } from './kube-source-state';

const SYNCED: KubeSourceState = {
  ok: true,
  stale: false,
  lastSync: Date.UTC(2026, 11, 3, 12, 0, 0),
  resources: {} as KubeSourceState['resources'],
};

describe('kubernetesSourceState', () => {
  it('is up when the probe answers and the caches are synced', () => {
    expect(kubernetesSourceState('https://k8s', undefined, SYNCED)).toEqual({
      ok: true,
      server: 'https://k8s',
      syncedAt: '2026-12-03T12:00:00.000Z',
      stale: false,
    });
  });

  it('calls the cache stale when the probe times out, even if the watches spoke lately', () => {
    const s = kubernetesSourceState('https://k8s', 'did not answer within 2 s.', SYNCED);
    expect(s).toMatchObject({ ok: false, error: 'did not answer within 2 s.', stale: true });
  });

  it('calls the cache stale when the watches went silent', () => {
    const s = kubernetesSourceState('https://k8s', undefined, {
      ...SYNCED,
      ok: false,
      stale: true,
    });
    expect(s).toMatchObject({ ok: false, error: 'the watches have gone silent', stale: true });
  });

  it('has no age to give before the first sync', () => {
    const s = kubernetesSourceState('https://k8s', undefined, {
      ok: false,
      stale: false,
      resources: SYNCED.resources,
    });
    expect(s).toEqual({ ok: false, server: 'https://k8s', error: 'not synced yet' });
  });
});
