import { isRecord } from '@/lib/mesh/istio/read';
import type { IstioObject } from '@/lib/mesh/types';
import { labelsMatch } from './spec-walk';
import type { MeshConfig, Validation } from './types';

/**
 * istioctl's telemetry.SelectorAnalyzer and telemetry.DefaultSelectorAnalyzer
 * (pkg/config/analysis/analyzers/telemetry/{selector,default_selector}.go): IST0101 a Telemetry whose
 * selector matches no pod of its namespace, IST0159 two Telemetries selecting the same pod, IST0160
 * two namespace-wide Telemetries (no selector) in one namespace. Either way which one applies is
 * undefined.
 */
export const SELECTOR_NOT_FOUND_CODE = 'IST0101';
export const CONFLICTING_SELECTORS_CODE = 'IST0159';
export const MULTIPLE_WITHOUT_SELECTOR_CODE = 'IST0160';

/** `spec.selector.matchLabels`, or undefined when the Telemetry selects by none. */
function matchLabelsOf(telemetry: IstioObject): Readonly<Record<string, string>> | undefined {
  const selector = telemetry.spec.selector;
  const labels = isRecord(selector) ? selector.matchLabels : undefined;
  if (!isRecord(labels) || Object.keys(labels).length === 0) return undefined;
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, String(v)]));
}

/** Namespace-wide: neither a selector nor a targetRef narrows it. */
function isNamespaceWide(telemetry: IstioObject): boolean {
  const { selector, targetRef, targetRefs } = telemetry.spec;
  return (
    selector == null && targetRef == null && !(Array.isArray(targetRefs) && targetRefs.length > 0)
  );
}

/** The other Telemetries of the object's namespace (the object itself may or may not be stored yet). */
function siblings(obj: IstioObject, mesh: MeshConfig): IstioObject[] {
  return mesh.objects.filter(
    (o) => o.kind === 'Telemetry' && o.namespace === obj.namespace && o.name !== obj.name,
  );
}

const labelText = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

function selectorFindings(obj: IstioObject, mesh: MeshConfig): Validation[] {
  const labels = matchLabelsOf(obj);
  if (!labels) return [];
  const pods = mesh.inventory.pods.filter(
    (p) => p.namespace === obj.namespace && labelsMatch(labels, p.labels),
  );
  if (pods.length === 0) {
    return [
      {
        code: SELECTOR_NOT_FOUND_CODE,
        severity: 'error',
        message: `Referenced selector not found: "${labelText(labels)}". No pod in ${obj.namespace} has these labels, so this Telemetry applies to nothing; check the selector against the pods' labels.`,
        path: 'spec.selector.matchLabels',
      },
    ];
  }
  const others = siblings(obj, mesh).filter((o) => {
    const theirs = matchLabelsOf(o);
    return theirs !== undefined && pods.some((p) => labelsMatch(theirs, p.labels));
  });
  if (others.length === 0) return [];
  const names = [obj, ...others].map((o) => o.name).sort();
  const shared = pods.find((p) =>
    others.some((o) => labelsMatch(matchLabelsOf(o) ?? {}, p.labels)),
  );
  return [
    {
      code: CONFLICTING_SELECTORS_CODE,
      severity: 'error',
      message: `The Telemetries ${names.join(', ')} in namespace "${obj.namespace}" select the same workload pod "${shared?.name ?? ''}", which can lead to undefined behavior. Merge them, or make their selectors disjoint.`,
      path: 'spec.selector.matchLabels',
    },
  ];
}

function defaultSelectorFindings(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (!isNamespaceWide(obj)) return [];
  const others = siblings(obj, mesh).filter(isNamespaceWide);
  if (others.length === 0) return [];
  const names = [obj, ...others].map((o) => o.name).sort();
  return [
    {
      code: MULTIPLE_WITHOUT_SELECTOR_CODE,
      severity: 'error',
      message: `The Telemetries ${names.join(', ')} in namespace "${obj.namespace}" have no workload selector, which can lead to undefined behavior: only one namespace-wide Telemetry is applied. Merge them into one.`,
      path: 'spec',
    },
  ];
}

export function checkTelemetrySelectors(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'Telemetry') return [];
  return [...selectorFindings(obj, mesh), ...defaultSelectorFindings(obj, mesh)];
}
