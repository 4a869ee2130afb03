/**
 * Where the mesh analyzers' findings (lib/mesh/validations MESH_ANALYZERS) are shown: a finding on an
 * Istio object joins that object's own validations; one on a Kubernetes object (a Namespace, a Pod)
 * makes that object a list entry of its own.
 */
import { isIstioKind } from '../istio/kinds';
import type { IstioObject } from '../types';
import { sortValidations } from '../validations';
import type { ResourceFinding, ResourceRef, Validation } from '../validations/types';

/** The apiVersion each Kubernetes kind the analyzers name is served as. */
const API_VERSIONS: Readonly<Record<string, string>> = {
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
};

export function kubeApiVersion(kind: string): string {
  return API_VERSIONS[kind] ?? 'v1';
}

const key = (v: Validation): string => `${v.code}\u0000${v.path ?? ''}\u0000${v.message}`;

/** `base` and then those of `extra` it does not already hold (same code, path and message). */
export function mergeValidations(
  base: readonly Validation[],
  extra: readonly Validation[],
): Validation[] {
  const seen = new Set(base.map(key));
  const out = [...base];
  for (const v of extra) {
    if (seen.has(key(v))) continue;
    seen.add(key(v));
    out.push(v);
  }
  return out;
}

export function sameResource(a: ResourceRef, b: ResourceRef): boolean {
  return a.kind === b.kind && a.namespace === b.namespace && a.name === b.name;
}

/** The findings about one resource, as validations. */
export function findingsOn(findings: readonly ResourceFinding[], ref: ResourceRef): Validation[] {
  return findings.filter((f) => sameResource(f.resource, ref)).map((f) => f.validation);
}

/** A Kubernetes object with findings, as the list shows it. */
export interface KubeFindingEntry {
  readonly resource: ResourceRef;
  readonly apiVersion: string;
  readonly validations: readonly Validation[];
}

/**
 * The findings on Kubernetes objects, one entry per object, errors first. Findings that name an
 * Istio kind are left to {@link findingsOn} on that object; one naming an Istio object that does not
 * exist has nowhere to be shown and is dropped.
 */
export function kubeFindingEntries(findings: readonly ResourceFinding[]): KubeFindingEntry[] {
  const byResource = new Map<string, { resource: ResourceRef; validations: Validation[] }>();
  for (const { resource, validation } of findings) {
    if (isIstioKind(resource.kind)) continue;
    const id = `${resource.kind}/${resource.namespace}/${resource.name}`;
    const entry = byResource.get(id) ?? { resource, validations: [] };
    entry.validations = mergeValidations(entry.validations, [validation]);
    byResource.set(id, entry);
  }
  return [...byResource.values()].map(({ resource, validations }) => ({
    resource,
    apiVersion: kubeApiVersion(resource.kind),
    validations: sortValidations(validations),
  }));
}

/** An Istio object's validations with the mesh findings about it added, errors first. */
export function withMeshFindings(
  obj: IstioObject,
  own: readonly Validation[],
  findings: readonly ResourceFinding[],
): Validation[] {
  const extra = findingsOn(findings, obj);
  return extra.length === 0 ? [...own] : sortValidations(mergeValidations(own, extra));
}
