import type { IstioObject } from '@/lib/mesh/types';
import { displayHost, findService, resolveHost } from './hosts';
import { formatPath } from './path';
import { readDestinationRuleSpec } from '@/lib/mesh/istio/destination-rule';
import { labelsMatch } from './spec-walk';
import type { MeshConfig, Validation } from './types';

/**
 * IST0173 DestinationRuleSubsetNotSelectPods (istioctl's destinationrule PodNotSelectedAnalyzer,
 * istio/istio pkg/config/analysis/analyzers/destinationrule/subset.go), an error as there: traffic
 * routed to such a subset fails with 503 "no healthy upstream". Kiali: KIA0203. Stricter than istioctl,
 * which accepts a pod of any service carrying the labels: only the host's own pods count here.
 */
export const SUBSET_NO_PODS_CODE = 'IST0173';

/**
 * Labels Istio adds to every endpoint from its node (region, zone, subzone, hostname). The inventory
 * has no node labels, so a subset label among these is assumed to hold unless it is empty, which
 * Istio never matches.
 */
const NODE_LABELS = new Set([
  'topology.kubernetes.io/region',
  'topology.kubernetes.io/zone',
  'topology.istio.io/subzone',
  'kubernetes.io/hostname',
]);

function podLabelsOnly(labels: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(labels).filter(([k, v]) => !NODE_LABELS.has(k) || v === ''),
  );
}

const describeLabels = (labels: Readonly<Record<string, unknown>>): string =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');

export function checkSubsetNoPods(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'DestinationRule') return [];
  const dr = readDestinationRuleSpec(obj.spec);
  if (dr.host === undefined) return [];
  // Only a Kubernetes service has pods to look at; ServiceEntry and wildcard hosts are skipped.
  const service = findService(mesh, resolveHost(dr.host, obj.namespace));
  if (!service || Object.keys(service.selector).length === 0) return [];
  const pods = mesh.inventory.pods.filter(
    (p) => p.namespace === service.namespace && labelsMatch(service.selector, p.labels),
  );
  const versions = [...new Set(pods.map((p) => p.labels.version).filter(Boolean))];
  const out: Validation[] = [];
  for (const subset of dr.subsets) {
    const labels = subset.labels;
    if (!labels || Object.keys(labels).length === 0) continue;
    if (pods.some((p) => labelsMatch(podLabelsOnly(labels), p.labels))) continue;
    out.push({
      code: SUBSET_NO_PODS_CODE,
      severity: 'error',
      message: `Subset '${String(subset.name)}' (${describeLabels(labels)}) selects no pod of ${displayHost(`${service.name}.${service.namespace}.svc.cluster.local`)}${versions.length ? `; its pods have version: ${versions.join(', ')}` : ''}. Traffic routed to it will fail until such pods run; fix the labels or deploy the workload.`,
      path: formatPath([...subset.path, 'labels']),
    });
  }
  return out;
}
