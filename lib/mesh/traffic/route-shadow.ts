/**
 * The split view's words for a VirtualService rule that can never be chosen, from the rule
 * reachability analysis (lib/mesh/istio/http-rule-reach.ts): which earlier rule takes its requests.
 */
import { ruleReach } from '../istio/http-rule-reach';
import { readVirtualServiceSpec } from '../istio/virtual-service';
import type { RouteShadow } from './route-weights';

/** `route "jason"` or `route #0`, as the split view heads each route. */
export const routeLabel = (index: number, name: string | undefined): string =>
  name === undefined ? `route #${index}` : `route ${name}`;

/** Per `spec.http` index, the shadow of each rule no request can reach. */
export function routeShadows(spec: unknown): ReadonlyMap<number, RouteShadow> {
  const names = new Map(readVirtualServiceSpec(spec).http.map((r) => [r.index, r.name]));
  const out = new Map<number, RouteShadow>();
  for (const rule of ruleReach(spec).rules) {
    const because = rule.unreachableBecause;
    if (because === undefined) continue;
    const by = routeLabel(because.rule, names.get(because.rule));
    out.set(rule.index, {
      shadowedBy: because.rule,
      message:
        because.reason === 'catch-all'
          ? `Never matches: ${by} matches every request (it has no match), and Istio takes the first route that matches.`
          : `Never matches: every match is the same match as ${by}, which comes first.`,
    });
  }
  return out;
}
