/** The domain's words for security posture; lib/api/security.ts builds the API on them. */

/** enabled: every workload in scope requires or gets mTLS; partial: some; disabled: none; unset: no policy says. */
export type MtlsStatus = 'enabled' | 'partial' | 'disabled' | 'unset';

/** A PeerAuthentication mode as it takes effect (UNSET inherits; nothing at all is PERMISSIVE in Istio). */
export type PeerMode = 'STRICT' | 'PERMISSIVE' | 'DISABLE' | 'UNSET';

/** allow / deny from the policies alone; depends: on request attributes the metrics do not carry. */
export type AuthzVerdict = 'allow' | 'deny' | 'depends';

/** Where a piece of posture comes from. */
export interface PostureSource {
  readonly kind: 'PeerAuthentication' | 'DestinationRule' | 'MeshConfig' | 'Default';
  readonly namespace?: string;
  readonly name?: string;
  readonly scope: 'mesh' | 'namespace' | 'workload' | 'port' | 'host';
  /** E.g. "STRICT, namespace-wide in bookinfo" or "auto mTLS (default on)". */
  readonly detail: string;
}

/**
 * Traffic into one workload from one caller in the window, as the destination's proxy reported it
 * (reporter="destination" knows the peer's principal and whether the connection was mTLS).
 * lib/server/security/observed-calls.ts reads these from Prometheus with a fixed number of queries.
 */
export interface ObservedCall {
  /** The source workload and namespace, 'unknown' when the reporter did not know them. */
  readonly source: string;
  readonly sourceNamespace: string;
  /** source_principal, e.g. spiffe://cluster.local/ns/shop/sa/checkout; 'unknown' over plaintext. */
  readonly principal: string;
  readonly target: string;
  readonly targetNamespace: string;
  /** connection_security_policy as reported: mutual_tls, none, or unknown. */
  readonly security: 'mutual_tls' | 'none' | 'unknown';
  /** HTTP/gRPC requests per second; 0 for TCP-only callers. */
  readonly rps: number;
  /** Of rps, the requests answered 403. */
  readonly forbiddenRps: number;
  /** TCP bytes per second, sent + received; 0 for HTTP-only callers. */
  readonly bytesPerSecond: number;
  /** The destination port (destination_port label, when the metrics carry it). */
  readonly port?: number;
}
