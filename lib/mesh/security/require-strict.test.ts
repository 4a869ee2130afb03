import { describe, expect, it } from 'vitest';
import { strictPeerAuthentication } from './require-strict';

describe('strictPeerAuthentication', () => {
  it('builds a namespace-wide policy without a selector', () => {
    expect(strictPeerAuthentication({ namespace: 'shop', name: 'default' })).toEqual({
      manifest: {
        apiVersion: 'security.istio.io/v1',
        kind: 'PeerAuthentication',
        metadata: { name: 'default', namespace: 'shop' },
        spec: { mtls: { mode: 'STRICT' } },
      },
      relaxedPorts: [],
    });
  });

  it('selects the workload by its pod labels', () => {
    const { manifest } = strictPeerAuthentication({
      namespace: 'shop',
      name: 'payments',
      selector: { app: 'payments' },
    });
    expect(manifest.spec).toEqual({
      selector: { matchLabels: { app: 'payments' } },
      mtls: { mode: 'STRICT' },
    });
  });

  it('keeps an existing policy and its selector, drops port overrides and names the relaxed ones', () => {
    const existing = {
      apiVersion: 'security.istio.io/v1',
      kind: 'PeerAuthentication',
      metadata: { name: 'legacy', namespace: 'shop', labels: { team: 'a' }, uid: 'x' },
      spec: {
        selector: { matchLabels: { app: 'legacy' } },
        mtls: { mode: 'PERMISSIVE' },
        portLevelMtls: { '8080': { mode: 'DISABLE' }, '9090': { mode: 'STRICT' }, '7070': {} },
      },
    };
    const policy = strictPeerAuthentication({ namespace: 'shop', name: 'ignored', existing });
    expect(policy.manifest).toEqual({
      apiVersion: 'security.istio.io/v1',
      kind: 'PeerAuthentication',
      metadata: { name: 'legacy', namespace: 'shop', labels: { team: 'a' } },
      spec: { selector: { matchLabels: { app: 'legacy' } }, mtls: { mode: 'STRICT' } },
    });
    expect(policy.relaxedPorts).toEqual([{ port: '8080', mode: 'DISABLE' }]);
  });
});
