/**
 * The one reader of a Gateway spec. Ref https://istio.io/latest/docs/reference/config/networking/gateway/
 */
import {
  readRecord,
  readRecords,
  readStringMap,
  readStrings,
  type Path,
  type ReadIssue,
  readOnce,
} from './read';

export interface GatewayServer {
  readonly index: number;
  readonly path: Path;
  /** As written: `host`, `*\/host`, `./host` or `ns/host`. */
  readonly hosts: readonly string[];
}

export interface GatewaySpec {
  readonly selector?: Readonly<Record<string, string>>;
  readonly servers: readonly GatewayServer[];
  readonly issues: readonly ReadIssue[];
}

function read(value: unknown): GatewaySpec {
  const issues: ReadIssue[] = [];
  const spec = readRecord(value, ['spec'], issues) ?? {};
  const selector = readStringMap(spec.selector, ['spec', 'selector'], issues);
  const servers = readRecords(spec.servers, ['spec', 'servers'], issues).map((s) => ({
    index: s.index,
    path: s.path,
    hosts: readStrings(s.raw.hosts, [...s.path, 'hosts'], issues),
  }));
  return { ...(selector && { selector }), servers, issues };
}

/** A Gateway's `spec` (any API version) as Meshlens reads it; never throws. */
export const readGatewaySpec = readOnce(read);
