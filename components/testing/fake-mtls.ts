import type {
  NamespaceSecurity,
  PlaintextCaller,
  SecurityResponse,
  WorkloadSecurity,
} from '@/lib/api/security';

/** A caller without a sidecar, as the demo's shop has one. */
export const LEGACY_CALLER: PlaintextCaller = {
  source: 'legacy-client',
  namespace: 'shop',
  target: 'payments',
  rps: 2.5,
  bytesPerSecond: 0,
  why: 'connection_security_policy=none, source has no sidecar',
};

/** shop: PERMISSIVE from its namespace-wide `default`, with one plaintext caller of payments. */
export const SHOP: NamespaceSecurity = {
  name: 'shop',
  mtls: 'partial',
  mode: 'PERMISSIVE',
  modeSource: {
    kind: 'PeerAuthentication',
    namespace: 'shop',
    name: 'default',
    scope: 'namespace',
    detail: 'PERMISSIVE, namespace-wide in shop',
  },
  workloadOverrides: 0,
  strictReadiness: { ready: false, plaintextCallers: [LEGACY_CALLER] },
};

/** bookinfo: STRICT from the mesh-wide policy. */
export const BOOKINFO: NamespaceSecurity = {
  name: 'bookinfo',
  mtls: 'enabled',
  mode: 'STRICT',
  modeSource: {
    kind: 'PeerAuthentication',
    namespace: 'istio-system',
    name: 'default',
    scope: 'mesh',
    detail: 'STRICT, mesh-wide',
  },
  workloadOverrides: 0,
  strictReadiness: { ready: true, plaintextCallers: [] },
};

export const PAYMENTS: WorkloadSecurity = {
  namespace: 'shop',
  name: 'payments',
  mode: 'PERMISSIVE',
  mtls: 'partial',
  modeSource: SHOP.modeSource,
  portModes: [],
  clientTls: {
    mode: 'AUTO',
    source: { kind: 'MeshConfig', scope: 'mesh', detail: 'auto mTLS (default on)' },
  },
  hasSidecar: true,
  podLabels: { app: 'payments' },
  strictReadiness: { ready: false, plaintextCallers: [LEGACY_CALLER] },
  policies: [],
};

export const CHECKOUT: WorkloadSecurity = {
  ...PAYMENTS,
  name: 'checkout',
  podLabels: { app: 'checkout', version: 'v1' },
  strictReadiness: { ready: true, plaintextCallers: [] },
};

/** GET /api/security for the demo-like mesh: PERMISSIVE mesh-wide policy, auto mTLS on. */
export const FAKE_SECURITY: SecurityResponse = {
  timestamp: 0,
  mesh: {
    mtls: 'partial',
    autoMtls: true,
    sources: [
      {
        kind: 'PeerAuthentication',
        namespace: 'istio-system',
        name: 'default',
        scope: 'mesh',
        detail: 'PERMISSIVE, mesh-wide',
      },
      { kind: 'MeshConfig', scope: 'mesh', detail: 'auto mTLS (default on)' },
    ],
    summary: 'mTLS partially enabled: bookinfo is STRICT, shop accepts plaintext',
  },
  namespaces: [BOOKINFO, SHOP],
  workloads: [PAYMENTS, CHECKOUT],
  edges: [],
};
