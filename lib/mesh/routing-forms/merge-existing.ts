import { readDestinationRuleSpec } from '@/lib/mesh/istio/destination-rule';
import { isRecord } from '@/lib/mesh/istio/read';

type Json = Record<string, unknown>;

const specOf = (obj: Json): Json => (isRecord(obj.spec) ? obj.spec : {});

/**
 * The traffic policy fields the DestinationRule form shows. Applying the form sets each of them from
 * the form or removes it; every other field (port-level settings, consistent hash, TLS certificates…)
 * stays as it was.
 */
const FORM_POLICY_PATHS: readonly (readonly string[])[] = [
  ['loadBalancer', 'simple'],
  ['connectionPool', 'tcp', 'maxConnections'],
  ['connectionPool', 'http', 'http1MaxPendingRequests'],
  ['outlierDetection', 'consecutive5xxErrors'],
  ['outlierDetection', 'interval'],
  ['outlierDetection', 'baseEjectionTime'],
  ['outlierDetection', 'maxEjectionPercent'],
  ['tls', 'mode'],
];

function valueAt(obj: unknown, path: readonly string[]): unknown {
  let cur = obj;
  for (const key of path) cur = isRecord(cur) ? cur[key] : undefined;
  return cur;
}

/** Sets or (value undefined) removes a leaf, dropping the objects on its path that become empty. */
function putAt(obj: Json, path: readonly string[], value: unknown): void {
  const [key, ...rest] = path;
  if (key === undefined) return;
  if (rest.length === 0) {
    if (value === undefined) delete obj[key];
    else obj[key] = value;
    return;
  }
  const child = isRecord(obj[key]) ? obj[key] : {};
  putAt(child, rest, value);
  if (Object.keys(child).length > 0) obj[key] = child;
  else delete obj[key];
}

function mergePolicy(existing: unknown, built: unknown): Json | undefined {
  const out = structuredClone(isRecord(existing) ? existing : {});
  for (const path of FORM_POLICY_PATHS) putAt(out, path, valueAt(built, path));
  // `simple` and `consistentHash` are alternatives: the one the person just chose wins.
  if (valueAt(built, ['loadBalancer', 'simple']) !== undefined)
    putAt(out, ['loadBalancer', 'consistentHash'], undefined);
  return Object.keys(out).length > 0 ? out : undefined;
}

const nonEmptyLabels = (labels: unknown): Json =>
  Object.fromEntries(Object.entries(isRecord(labels) ? labels : {}).filter(([, v]) => v !== ''));

/**
 * The form's DestinationRule laid over the live one: the form decides which subsets exist, their
 * version label and its traffic policy fields; a kept subset keeps its other labels and its own
 * traffic policy, and the object keeps its metadata, host and every other spec field.
 */
export function mergeDestinationRule(existing: Json, built: Json): Json {
  const before = specOf(existing);
  const after = specOf(built);
  const old = readDestinationRuleSpec(before).subsets;
  const subsets = readDestinationRuleSpec(after).subsets.map(({ raw: b }) => {
    const kept = old.find((s) => s.raw.name === b.name)?.raw;
    return {
      ...kept,
      ...b,
      labels: { ...nonEmptyLabels(kept?.labels), ...nonEmptyLabels(b.labels) },
    };
  });
  const rest = Object.fromEntries(
    Object.entries(before).filter(([k]) => k !== 'trafficPolicy' && k !== 'subsets'),
  );
  const policy = mergePolicy(before.trafficPolicy, after.trafficPolicy);
  return {
    ...existing,
    apiVersion: built.apiVersion,
    spec: {
      ...rest,
      ...(policy && { trafficPolicy: policy }),
      ...(subsets.length > 0 && { subsets }),
    },
  };
}

/**
 * The form's VirtualService laid over the live one: the form owns the http rules; hosts, gateways,
 * tcp and tls routes, exportTo and the metadata stay as they were.
 */
export function mergeVirtualService(existing: Json, built: Json): Json {
  return {
    ...existing,
    apiVersion: built.apiVersion,
    spec: { ...specOf(existing), http: specOf(built).http },
  };
}
