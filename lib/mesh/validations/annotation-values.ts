import { parse } from 'yaml';

/**
 * The values Istio's injector refuses for the pod annotations it validates (istio/istio
 * pkg/kube/inject/validate.go): each returns the problem, or undefined for a value Istio accepts.
 * Annotations not listed here take any value.
 */
type ValueCheck = (value: string) => string | undefined;

const MAX_UINT32 = 4_294_967_295;
const MAX_PORT = 65_535;

/** Go's strconv.ParseUint in base 10: digits only, no sign, no spaces. */
function unsigned(value: string, max: number): number | undefined {
  if (!/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n <= max ? n : undefined;
}

const uint32: ValueCheck = (value) =>
  unsigned(value, MAX_UINT32) === undefined
    ? `'${value}' is not a non-negative integer`
    : undefined;

/** Go's strconv.ParseBool. */
const BOOLEANS = new Set([
  '1',
  't',
  'T',
  'TRUE',
  'true',
  'True',
  '0',
  'f',
  'F',
  'FALSE',
  'false',
  'False',
]);
const bool: ValueCheck = (value) =>
  BOOLEANS.has(value) ? undefined : `'${value}' is not a boolean`;

const port: ValueCheck = (value) =>
  unsigned(value.trim(), MAX_PORT) === undefined ? `'${value}' is not a port` : undefined;

const portList: ValueCheck = (value) => {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const bad = trimmed.split(',').find((p) => port(p) !== undefined);
  return bad === undefined ? undefined : `'${bad}' is not a port`;
};

const IPV4_OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${IPV4_OCTET}(\\.${IPV4_OCTET}){3}$`);

/** An IPv6 address as Go's netip reads it: hex groups, one `::` at most, an optional IPv4 tail, no zone. */
function isIpv6(text: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  const last = groups.at(-1);
  const v4Tail = last !== undefined && last.includes('.');
  if (v4Tail && !IPV4.test(last)) return false;
  const hex = v4Tail ? groups.slice(0, -1) : groups;
  if (!hex.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const width = hex.length + (v4Tail ? 2 : 0);
  return halves.length === 2 ? width < 8 : width === 8;
}

/** Go's netip.ParsePrefix: an address, a slash, and a prefix length that fits it. */
function isCidr(text: string): boolean {
  const slash = text.indexOf('/');
  if (slash < 0) return false;
  const address = text.slice(0, slash);
  const bits = text.slice(slash + 1);
  if (!/^(0|[1-9]\d*)$/.test(bits)) return false;
  if (IPV4.test(address)) return Number(bits) <= 32;
  return isIpv6(address) && Number(bits) <= 128;
}

const cidrList: ValueCheck = (value) => {
  if (value === '') return undefined;
  const bad = value.split(',').find((c) => !isCidr(c));
  return bad === undefined ? undefined : `'${bad}' is not a CIDR range`;
};

const INTERCEPTION_MODES = ['REDIRECT', 'TPROXY', 'NONE'];

/** A proxy config override is a YAML (or JSON) map of ProxyConfig fields. */
const proxyConfig: ValueCheck = (value) => {
  try {
    const parsed: unknown = parse(value, { maxAliasCount: 0 });
    if (parsed === null || parsed === undefined) return undefined;
    return typeof parsed === 'object' && !Array.isArray(parsed)
      ? undefined
      : 'it is not a map of ProxyConfig fields';
  } catch {
    return 'it is not valid YAML';
  }
};

export const ANNOTATION_VALUE_CHECKS: Readonly<Record<string, ValueCheck>> = {
  'sidecar.istio.io/interceptionMode': (value) =>
    INTERCEPTION_MODES.includes(value) ? undefined : `use ${INTERCEPTION_MODES.join(', ')}`,
  'status.sidecar.istio.io/port': port,
  'readiness.status.sidecar.istio.io/initialDelaySeconds': uint32,
  'readiness.status.sidecar.istio.io/periodSeconds': uint32,
  'readiness.status.sidecar.istio.io/failureThreshold': uint32,
  'traffic.sidecar.istio.io/includeOutboundIPRanges': (value) =>
    value === '*' ? undefined : cidrList(value),
  'traffic.sidecar.istio.io/excludeOutboundIPRanges': cidrList,
  'traffic.sidecar.istio.io/includeInboundPorts': (value) =>
    value === '*' ? undefined : portList(value),
  'traffic.sidecar.istio.io/excludeInboundPorts': portList,
  'traffic.sidecar.istio.io/excludeOutboundPorts': portList,
  'prometheus.istio.io/merge-metrics': bool,
  'proxy.istio.io/config': proxyConfig,
};
