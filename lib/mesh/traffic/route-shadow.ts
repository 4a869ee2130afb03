/**
 * The split view's words for a VirtualService rule that can never be chosen, from the rule
 * reachability analysis (lib/mesh/istio/http-rule-reach.ts): which earlier rule takes its requests.
 */
import { ruleReach } from '../istio/http-rule-reach';
import { readVirtualServiceSpec } from '../istio/virtual-service';
import { virtualServiceMatchWords } from './route-match-words';
import type { RouteShadow } from './route-weights';

/** `route "jason"` or `route #0`, as the split view heads each route. */
export const routeLabel = (index: number, name: string | undefined): string =>
  name === undefined ? `route #${index}` : `route ${name}`;

export interface RouteShadows {
  /** Per `spec.http` index, the shadow of each rule no request can reach. */
  readonly unreachable: ReadonlyMap<number, RouteShadow>;
  /** Per index of a reachable rule, a sentence for each of its matches an earlier match decides. */
  readonly deadMatches: ReadonlyMap<number, readonly string[]>;
}

export function routeShadows(spec: unknown): RouteShadows {
  const rules = readVirtualServiceSpec(spec).http;
  const names = new Map(rules.map((r) => [r.index, r.name]));
  const matchText = (rule: number, match: number): string =>
    virtualServiceMatchWords([rules[rule]?.match?.[match]])[0] ?? '?';
  const out = new Map<number, RouteShadow>();
  const deadMatches = new Map<number, string[]>();
  for (const rule of ruleReach(spec).rules) {
    const because = rule.unreachableBecause;
    if (because === undefined) {
      const dead = rule.ineffectiveMatches.map(
        (m) =>
          `"${matchText(rule.index, m.match)}" never decides: ${
            m.reason === 'duplicate'
              ? 'the same match'
              : 'a shorter prefix with the same conditions'
          } ("${matchText(m.shadowedBy.rule, m.shadowedBy.match)}") comes first in ${routeLabel(m.shadowedBy.rule, names.get(m.shadowedBy.rule))}.`,
      );
      if (dead.length > 0) deadMatches.set(rule.index, dead);
      continue;
    }
    const by = routeLabel(because.rule, names.get(because.rule));
    out.set(rule.index, {
      shadowedBy: because.rule,
      message:
        because.reason === 'catch-all'
          ? `Never matches: ${by} matches every request (it has no match), and Istio takes the first route that matches.`
          : `Never matches: every match is the same match as ${by}, which comes first.`,
    });
  }
  return { unreachable: out, deadMatches };
}
