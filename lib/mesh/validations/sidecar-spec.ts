/**
 * The parts of a Sidecar spec the Sidecar checks read: its workload selector and its egress hosts.
 * Ref https://istio.io/latest/docs/reference/config/networking/sidecar/
 */
import {
  readList,
  readOnce,
  readRecord,
  readRecords,
  readStringMap,
  type ReadIssue,
} from '@/lib/mesh/istio/read';

export interface SidecarEgressHost {
  /** As written: `namespace/dnsName`. */
  readonly host: string;
  /** `spec.egress[i].hosts[j]`, as validations name it. */
  readonly path: string;
}

export interface SidecarSpec {
  /** `workloadSelector.labels`; absent or empty means the Sidecar applies to its whole namespace. */
  readonly selector?: Readonly<Record<string, string>>;
  readonly egressHosts: readonly SidecarEgressHost[];
}

function read(value: unknown): SidecarSpec {
  const issues: ReadIssue[] = [];
  const spec = readRecord(value, ['spec'], issues) ?? {};
  const workloadSelector = readRecord(spec.workloadSelector, ['spec', 'workloadSelector'], issues);
  const labels = readStringMap(
    workloadSelector?.labels,
    ['spec', 'workloadSelector', 'labels'],
    issues,
  );
  const egressHosts = readRecords(spec.egress, ['spec', 'egress'], issues).flatMap((e) =>
    readList(e.raw.hosts, [...e.path, 'hosts'], issues).flatMap((host, j) =>
      typeof host === 'string' ? [{ host, path: `spec.egress[${e.index}].hosts[${j}]` }] : [],
    ),
  );
  return {
    ...(labels && Object.keys(labels).length > 0 && { selector: labels }),
    egressHosts,
  };
}

/** A Sidecar's `spec` as the checks read it; never throws. */
export const readSidecarSpec = readOnce(read);
