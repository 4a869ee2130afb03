/**
 * The one reader of a VirtualService spec: weights, validations and the routing form all read routes
 * through it. Ref https://istio.io/latest/docs/reference/config/networking/virtual-service/
 */
import {
  readList,
  readNumber,
  readOnce,
  readRecord,
  readRecords,
  readString,
  readStrings,
  type Json,
  type Path,
  type ReadIssue,
} from './read';

export const ROUTE_KINDS = ['http', 'tcp', 'tls'] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

export interface Destination {
  /** Absent when the destination object has no string host; most readers skip such a destination. */
  readonly host?: string;
  readonly subset?: string;
  /** `port.number`, when the destination names a port. */
  readonly port?: number;
  /** Path of the `destination` object. */
  readonly path: Path;
  readonly raw: Json;
}

/** One entry of a rule's `route` list, kept whatever its shape so weight indices match the YAML. */
export interface RouteEntry {
  readonly index: number;
  readonly path: Path;
  /** The weight as written: the weight rule reports what is not an int32, so it is not narrowed here. */
  readonly weightAsWritten: unknown;
  readonly weight?: number;
  readonly destination?: Destination;
  /** Absent when the entry is not an object. */
  readonly raw?: Json;
}

export interface GatewayRef {
  readonly ref: string;
  readonly path: Path;
}

export interface RouteMatch {
  readonly index: number;
  readonly path: Path;
  readonly gateways: readonly GatewayRef[];
  readonly raw: Json;
}

/** One rule of `spec.http`, `spec.tcp` or `spec.tls`; `index` is its position in that list. */
export interface RouteRule {
  readonly kind: RouteKind;
  readonly index: number;
  readonly path: Path;
  readonly name?: string;
  /** The `match` list as written; absent for a catch-all rule. */
  readonly match?: readonly unknown[];
  readonly matches: readonly RouteMatch[];
  readonly route: readonly RouteEntry[];
  /** Mirrors take no share of traffic, so they are apart from `route`. */
  readonly mirror?: Destination;
  /** `mirrors`, the list form (Istio ≥ 1.22) beside the single `mirror`. */
  readonly mirrors: readonly Destination[];
  /** Absent when the rule is not an object; such a rule still holds its index. */
  readonly raw?: Json;
}

export interface VirtualServiceSpec {
  readonly hosts: readonly string[];
  readonly gateways: readonly GatewayRef[];
  readonly exportTo: readonly string[];
  readonly http: readonly RouteRule[];
  readonly tcp: readonly RouteRule[];
  readonly tls: readonly RouteRule[];
  readonly issues: readonly ReadIssue[];
}

function readDestination(value: unknown, path: Path, issues: ReadIssue[]): Destination | undefined {
  const raw = readRecord(value, path, issues);
  if (raw === undefined) return undefined;
  const host = readString(raw.host, [...path, 'host'], issues);
  const subset = readString(raw.subset, [...path, 'subset'], issues);
  const port = readRecord(raw.port, [...path, 'port'], issues);
  const number = readNumber(port?.number, [...path, 'port', 'number'], issues);
  return {
    ...(host !== undefined && { host }),
    ...(subset !== undefined && { subset }),
    ...(number !== undefined && { port: number }),
    path,
    raw,
  };
}

function readEntry(value: unknown, path: Path, index: number, issues: ReadIssue[]): RouteEntry {
  const raw = readRecord(value, path, issues);
  const weight = readNumber(raw?.weight, [...path, 'weight'], issues);
  const destination = readDestination(raw?.destination, [...path, 'destination'], issues);
  return {
    index,
    path,
    weightAsWritten: raw?.weight,
    ...(weight !== undefined && { weight }),
    ...(destination && { destination }),
    ...(raw && { raw }),
  };
}

function readGatewayRefs(value: unknown, path: Path, issues: ReadIssue[]): GatewayRef[] {
  return readList(value, path, issues).flatMap((v, i) => {
    const ref = readString(v, [...path, i], issues);
    return ref === undefined ? [] : [{ ref, path: [...path, i] }];
  });
}

function readRule(kind: RouteKind, value: unknown, index: number, issues: ReadIssue[]): RouteRule {
  const path = ['spec', kind, index];
  const raw = readRecord(value, path, issues);
  const name = readString(raw?.name, [...path, 'name'], issues);
  const matches = readRecords(raw?.match, [...path, 'match'], issues).map((m) => ({
    ...m,
    gateways: readGatewayRefs(m.raw.gateways, [...m.path, 'gateways'], issues),
  }));
  const route = readList(raw?.route, [...path, 'route'], issues).map((e, i) =>
    readEntry(e, [...path, 'route', i], i, issues),
  );
  const mirror = readDestination(raw?.mirror, [...path, 'mirror'], issues);
  const mirrors = readRecords(raw?.mirrors, [...path, 'mirrors'], issues).flatMap((m) => {
    const dest = readDestination(m.raw.destination, [...m.path, 'destination'], issues);
    return dest ? [dest] : [];
  });
  return {
    kind,
    index,
    path,
    ...(name !== undefined && { name }),
    ...(Array.isArray(raw?.match) && { match: raw.match }),
    matches,
    route,
    ...(mirror && { mirror }),
    mirrors,
    ...(raw && { raw }),
  };
}

function read(value: unknown): VirtualServiceSpec {
  const issues: ReadIssue[] = [];
  const spec = readRecord(value, ['spec'], issues) ?? {};
  const rules = (kind: RouteKind): RouteRule[] =>
    readList(spec[kind], ['spec', kind], issues).map((r, i) => readRule(kind, r, i, issues));
  return {
    hosts: readStrings(spec.hosts, ['spec', 'hosts'], issues),
    gateways: readGatewayRefs(spec.gateways, ['spec', 'gateways'], issues),
    exportTo: readStrings(spec.exportTo, ['spec', 'exportTo'], issues),
    http: rules('http'),
    tcp: rules('tcp'),
    tls: rules('tls'),
    issues,
  };
}

/** A VirtualService's `spec` (any API version) as Meshlens reads it; never throws. */
export const readVirtualServiceSpec = readOnce(read);

/** Every rule that is an object, http then tcp then tls. */
export function rulesOf(vs: VirtualServiceSpec): RouteRule[] {
  return [...vs.http, ...vs.tcp, ...vs.tls].filter((r) => r.raw !== undefined);
}

/** A destination that names a host, the only kind routes and checks act on. */
export type HostDestination = Destination & { readonly host: string };

export const hasHost = (d: Destination | undefined): d is HostDestination => d?.host !== undefined;
