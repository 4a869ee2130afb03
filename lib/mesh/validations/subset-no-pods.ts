import type { IstioObject } from '@/lib/mesh/types';
import { displayHost, findService, resolveHost } from './hosts';
import { formatPath } from './path';
import { asList, asRecord, labelsMatch } from './spec-walk';
import type { MeshConfig, Validation } from './types';

/**
 * IST0173 DestinationRuleSubsetNotSelectPods (istioctl's destinationrule PodNotSelectedAnalyzer,
 * istio/istio pkg/config/analysis/analyzers/destinationrule/podnotselected.go). Kiali: KIA0203 "This
 * subset's labels are not found in any matching host". Traffic routed to such a subset fails with
 * 503 "no healthy upstream".
 */
export const SUBSET_NO_PODS_CODE = 'IST0173';

const describeLabels = (labels: Readonly<Record<string, unknown>>): string =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');

export function checkSubsetNoPods(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'DestinationRule' || typeof obj.spec.host !== 'string') return [];
  // Only a Kubernetes service has pods to look at; ServiceEntry and wildcard hosts are skipped.
  const service = findService(mesh, resolveHost(obj.spec.host, obj.namespace));
  if (!service || Object.keys(service.selector).length === 0) return [];
  const pods = mesh.inventory.pods.filter(
    (p) => p.namespace === service.namespace && labelsMatch(service.selector, p.labels),
  );
  const versions = [...new Set(pods.map((p) => p.labels.version).filter(Boolean))];
  const out: Validation[] = [];
  asList(obj.spec.subsets).forEach((raw, index) => {
    const subset = asRecord(raw);
    const labels = asRecord(subset?.labels);
    if (!subset || !labels || Object.keys(labels).length === 0) return;
    if (pods.some((p) => labelsMatch(labels, p.labels))) return;
    out.push({
      code: SUBSET_NO_PODS_CODE,
      severity: 'warning',
      message: `Subset '${String(subset.name)}' (${describeLabels(labels)}) selects no pod of ${displayHost(`${service.name}.${service.namespace}.svc.cluster.local`)}${versions.length ? `; its pods have version: ${versions.join(', ')}` : ''}. Traffic routed to it will fail until such pods run; fix the labels or deploy the workload.`,
      path: formatPath(['spec', 'subsets', index, 'labels']),
    });
  });
  return out;
}
