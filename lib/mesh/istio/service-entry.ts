/**
 * The one reader of a ServiceEntry spec.
 * Ref https://istio.io/latest/docs/reference/config/networking/service-entry/
 */
import {
  readNumber,
  readRecord,
  readRecords,
  readString,
  readStrings,
  type ReadIssue,
  readOnce,
} from './read';

export interface ServiceEntrySpec {
  readonly hosts: readonly string[];
  readonly exportTo: readonly string[];
  /** The `number` of every port that has one. */
  readonly ports: readonly number[];
  readonly location?: string;
  readonly resolution?: string;
  readonly issues: readonly ReadIssue[];
}

function read(value: unknown): ServiceEntrySpec {
  const issues: ReadIssue[] = [];
  const spec = readRecord(value, ['spec'], issues) ?? {};
  const ports = readRecords(spec.ports, ['spec', 'ports'], issues).flatMap((p) => {
    const n = readNumber(p.raw.number, [...p.path, 'number'], issues);
    return n === undefined ? [] : [n];
  });
  const location = readString(spec.location, ['spec', 'location'], issues);
  const resolution = readString(spec.resolution, ['spec', 'resolution'], issues);
  return {
    hosts: readStrings(spec.hosts, ['spec', 'hosts'], issues),
    exportTo: readStrings(spec.exportTo, ['spec', 'exportTo'], issues),
    ports,
    ...(location !== undefined && { location }),
    ...(resolution !== undefined && { resolution }),
    issues,
  };
}

/** A ServiceEntry's `spec` (any API version) as Meshlens reads it; never throws. */
export const readServiceEntrySpec = readOnce(read);
