import type { IstioObject } from '@/lib/mesh/types';
import { displayHost, hostMatches, ofKind, resolveHost } from './hosts';
import { formatPath } from './path';
import { readDestinationRuleSpec } from '@/lib/mesh/istio/destination-rule';
import { destinationsOf } from './spec-walk';
import type { MeshConfig, Validation } from './types';

/**
 * IST0101 ReferencedResourceNotFound: istioctl's destinationrule-subset analyzer reports a missing
 * subset with it ("Referenced host+subset in destinationrule not found", istio/istio
 * pkg/config/analysis/analyzers/virtualservice/destinationrules.go; code in
 * pkg/config/analysis/msg/messages.yaml). Kiali calls the same finding KIA1107 "Subset not found".
 */
export const SUBSET_NOT_FOUND_CODE = 'IST0101';

/** DestinationRules whose host covers `fqdn`, with the subset names each defines. */
export function destinationRulesFor(
  mesh: MeshConfig,
  fqdn: string,
): { readonly rule: IstioObject; readonly subsets: string[] }[] {
  return ofKind(mesh, 'DestinationRule').flatMap((rule) => {
    const dr = readDestinationRuleSpec(rule.spec);
    if (dr.host === undefined || !hostMatches(resolveHost(dr.host, rule.namespace), fqdn))
      return [];
    return [{ rule, subsets: dr.subsets.flatMap((s) => (s.name === undefined ? [] : [s.name])) }];
  });
}

export function checkSubsetNotFound(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'VirtualService') return [];
  const out: Validation[] = [];
  for (const dest of destinationsOf(obj)) {
    if (dest.subset === undefined) continue;
    const fqdn = resolveHost(dest.host, obj.namespace);
    const rules = destinationRulesFor(mesh, fqdn);
    const defined = [...new Set(rules.flatMap((r) => r.subsets))];
    if (defined.includes(dest.subset)) continue;
    const host = displayHost(fqdn);
    const first = rules[0]?.rule;
    out.push({
      code: SUBSET_NOT_FOUND_CODE,
      severity: 'error',
      message: first
        ? `Subset '${dest.subset}' of ${host} is not defined by any DestinationRule. Define it in DestinationRule '${first.name}'${first.namespace === obj.namespace ? '' : ` (${first.namespace})`}${defined.length ? ` or route to one of: ${defined.join(', ')}` : ''}.`
        : `Subset '${dest.subset}' of ${host} is not defined: no DestinationRule exists for ${host}. Create one that defines subset '${dest.subset}', or remove the subset from this route.`,
      path: formatPath([...dest.path, 'subset']),
    });
  }
  return out;
}
