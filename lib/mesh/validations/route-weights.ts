import type { IstioObject } from '@/lib/mesh/types';
import { weightRuleErrors, weightShares } from '@/lib/mesh/traffic/weights';
import { formatPath } from './path';
import { SCHEMA_CODE } from './schema';
import type { RouteRule } from '@/lib/mesh/istio/virtual-service';
import { routesOf } from './spec-walk';
import type { Validation } from './types';

/**
 * No `istioctl analyze` code covers this: Istio treats weights as relative proportions and scales them,
 * so a sum other than 100 is legal, but the shares a person reads off the YAML are then not the
 * shares Envoy applies, so they are spelled out.
 */
export const ROUTE_WEIGHTS_CODE = 'MESHLENS-001';

const weightsOf = (route: RouteRule): unknown[] => route.route.map((e) => e.weightAsWritten);

/**
 * What Istio's validation refuses in the weights of every route (weightRuleErrors), as the webhook
 * reports it: IST0106, severity error. Such an object is never written, whoever asks.
 */
export function checkWeightRule(obj: IstioObject): Validation[] {
  if (obj.kind !== 'VirtualService') return [];
  return routesOf(obj).flatMap((route) =>
    weightRuleErrors(weightsOf(route)).map((e) => ({
      code: SCHEMA_CODE,
      severity: 'error' as const,
      message: `${route.kind}[${route.index}]: ${e.message}.`,
      path: formatPath(
        e.index === undefined
          ? [...route.path, 'route']
          : [...route.path, 'route', e.index, 'weight'],
      ),
    })),
  );
}

/** A warning with the real shares for each multi-destination route whose valid weights do not sum to 100. */
export function checkRouteWeights(obj: IstioObject): Validation[] {
  if (obj.kind !== 'VirtualService') return [];
  const out: Validation[] = [];
  for (const route of routesOf(obj)) {
    const raw = weightsOf(route);
    if (raw.length < 2 || weightRuleErrors(raw).length > 0) continue;
    const weights = raw.map((w) => (typeof w === 'number' ? w : 0));
    const sum = weights.reduce((a, b) => a + b, 0);
    if (sum === 100) continue;
    const shares = weightShares(weights)
      .map((share, i) => {
        const d = route.route[i]?.destination?.raw;
        const name = String(d?.subset ?? d?.host ?? `#${i}`);
        return `${name} ${Math.round(share * 1000) / 10}%`;
      })
      .join(', ');
    out.push({
      code: ROUTE_WEIGHTS_CODE,
      severity: 'warning',
      message: `The weights of ${route.kind}[${route.index}] sum to ${sum}, not 100. Weights are relative, so traffic goes ${shares}.`,
      path: formatPath([...route.path, 'route']),
    });
  }
  return out;
}
