/**
 * The one reader of a DestinationRule spec, for service routing, validations and the routing form.
 * Ref https://istio.io/latest/docs/reference/config/networking/destination-rule/
 */
import {
  readNumber,
  readRecord,
  readRecords,
  readString,
  readStringMap,
  readStrings,
  type Json,
  type Path,
  type ReadIssue,
  readOnce,
} from './read';

export interface SubsetSpec {
  readonly index: number;
  readonly path: Path;
  readonly name?: string;
  /** The string-valued labels; absent when the subset has no `labels` object. */
  readonly labels?: Readonly<Record<string, string>>;
  readonly raw: Json;
}

export interface TlsModeRef {
  readonly mode: string;
  readonly path: Path;
}

/** The top-level traffic policy fields the routing form shows, where they have the right type. */
export interface PolicyFields {
  readonly loadBalancer?: string;
  readonly maxConnections?: number;
  readonly http1MaxPendingRequests?: number;
  readonly maxRequestsPerConnection?: number;
  readonly consecutive5xxErrors?: number;
  readonly interval?: string;
  readonly baseEjectionTime?: string;
  readonly maxEjectionPercent?: number;
  readonly tlsMode?: string;
}

export interface DestinationRuleSpec {
  readonly host?: string;
  readonly exportTo: readonly string[];
  readonly subsets: readonly SubsetSpec[];
  /** As written: the form merges into it field by field, so nothing it does not know is lost. */
  readonly trafficPolicy?: Json;
  readonly policy: PolicyFields;
  /** The TLS modes it sets, top level then per port. */
  readonly tlsModes: readonly TlsModeRef[];
  readonly issues: readonly ReadIssue[];
}

function tlsMode(policy: Json | undefined, path: Path, issues: ReadIssue[]): TlsModeRef[] {
  const tls = readRecord(policy?.tls, [...path, 'tls'], issues);
  const mode = readString(tls?.mode, [...path, 'tls', 'mode'], issues);
  return mode === undefined ? [] : [{ mode, path: [...path, 'tls', 'mode'] }];
}

interface PolicyNode {
  readonly value?: Json;
  readonly path: Path;
}

function readPolicyFields(root: PolicyNode, issues: ReadIssue[]): PolicyFields {
  const child = (parent: PolicyNode, key: string): PolicyNode => {
    const value = readRecord(parent.value?.[key], [...parent.path, key], issues);
    return { ...(value && { value }), path: [...parent.path, key] };
  };
  const num = (o: PolicyNode, key: string): number | undefined =>
    readNumber(o.value?.[key], [...o.path, key], issues);
  const str = (o: PolicyNode, key: string): string | undefined =>
    readString(o.value?.[key], [...o.path, key], issues);
  const pool = child(root, 'connectionPool');
  const tcp = child(pool, 'tcp');
  const http = child(pool, 'http');
  const od = child(root, 'outlierDetection');
  const lb = child(root, 'loadBalancer');
  return {
    loadBalancer: str(lb, 'simple'),
    maxConnections: num(tcp, 'maxConnections'),
    http1MaxPendingRequests: num(http, 'http1MaxPendingRequests'),
    maxRequestsPerConnection: num(http, 'maxRequestsPerConnection'),
    consecutive5xxErrors: num(od, 'consecutive5xxErrors'),
    interval: str(od, 'interval'),
    baseEjectionTime: str(od, 'baseEjectionTime'),
    maxEjectionPercent: num(od, 'maxEjectionPercent'),
  };
}

function read(value: unknown): DestinationRuleSpec {
  const issues: ReadIssue[] = [];
  const spec = readRecord(value, ['spec'], issues) ?? {};
  const host = readString(spec.host, ['spec', 'host'], issues);
  const subsets = readRecords(spec.subsets, ['spec', 'subsets'], issues).map((s) => {
    const name = readString(s.raw.name, [...s.path, 'name'], issues);
    const labels = readStringMap(s.raw.labels, [...s.path, 'labels'], issues);
    return { ...s, ...(name !== undefined && { name }), ...(labels && { labels }) };
  });
  const policyPath = ['spec', 'trafficPolicy'];
  const trafficPolicy = readRecord(spec.trafficPolicy, policyPath, issues);
  const policy = readPolicyFields(
    { ...(trafficPolicy && { value: trafficPolicy }), path: policyPath },
    issues,
  );
  const topTls = tlsMode(trafficPolicy, policyPath, issues);
  const tlsModes = [
    ...topTls,
    ...readRecords(
      trafficPolicy?.portLevelSettings,
      [...policyPath, 'portLevelSettings'],
      issues,
    ).flatMap((p) => tlsMode(p.raw, p.path, issues)),
  ];
  return {
    ...(host !== undefined && { host }),
    exportTo: readStrings(spec.exportTo, ['spec', 'exportTo'], issues),
    subsets,
    ...(trafficPolicy && { trafficPolicy }),
    policy: { ...policy, tlsMode: topTls[0]?.mode },
    tlsModes,
    issues,
  };
}

/** A DestinationRule's `spec` (any API version) as Meshlens reads it; never throws. */
export const readDestinationRuleSpec = readOnce(read);
