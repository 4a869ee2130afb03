import type { IstioObject } from '@/lib/mesh/types';
import { formatPath } from './path';
import { asList, asRecord, routesOf } from './spec-walk';
import type { Validation } from './types';

/**
 * No `istioctl analyze` code covers this: Istio treats weights as relative proportions and scales them,
 * so a sum other than 100 is legal, but it is almost always a slip of an edit and the shares a person
 * reads off the YAML are then not the shares Envoy applies.
 */
export const ROUTE_WEIGHTS_CODE = 'MESHLENS-001';

export function checkRouteWeights(obj: IstioObject): Validation[] {
  if (obj.kind !== 'VirtualService') return [];
  const out: Validation[] = [];
  for (const route of routesOf(obj)) {
    const entries = asList(route.rule.route).map((r) => asRecord(r));
    if (entries.length < 2) continue;
    const weights = entries.map((r) => (typeof r?.weight === 'number' ? r.weight : 0));
    const sum = weights.reduce((a, b) => a + b, 0);
    if (sum === 100) continue;
    const names = entries.map((r, i) => {
      const d = asRecord(r?.destination);
      return String(d?.subset ?? d?.host ?? `#${i}`);
    });
    const shares =
      sum > 0
        ? names
            .map((n, i) => `${n} ${Math.round(((weights[i] ?? 0) / sum) * 1000) / 10}%`)
            .join(', ')
        : '';
    out.push({
      code: ROUTE_WEIGHTS_CODE,
      severity: 'warning',
      message:
        sum === 0
          ? `The weights of ${route.kind}[${route.index}] are all 0 or missing. Give each destination a weight so they sum to 100.`
          : `The weights of ${route.kind}[${route.index}] sum to ${sum}, not 100. Istio scales them, so traffic actually goes ${shares}. Make them sum to 100.`,
      path: formatPath([...route.path, 'route']),
    });
  }
  return out;
}
