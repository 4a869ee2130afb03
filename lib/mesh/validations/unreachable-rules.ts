import { isRecord } from '@/lib/mesh/istio/read';
import { ruleReach, type IneffectiveMatch } from '@/lib/mesh/istio/http-rule-reach';
import {
  ROUTE_KINDS,
  readVirtualServiceSpec,
  type RouteKind,
} from '@/lib/mesh/istio/virtual-service';
import type { IstioObject } from '@/lib/mesh/types';
import { formatPath } from './path';
import type { Validation } from './types';

/**
 * IST0130 VirtualServiceUnreachableRule (a warning) and IST0131 VirtualServiceIneffectiveMatch (info),
 * which istioctl reports from Istio's VirtualService validation (istio/istio pkg/config/validation,
 * analyzeUnreachableHTTPRules and its tcp and tls twins). The reach itself is in
 * lib/mesh/istio/http-rule-reach.ts, shared with the split view.
 */
export const UNREACHABLE_RULE_CODE = 'IST0130';
export const INEFFECTIVE_MATCH_CODE = 'IST0131';

/** A rule as a person finds it in the YAML: its name when it has one, else its position. */
function ruleLabel(kind: RouteKind, index: number, name: string | undefined): string {
  return name === undefined ? `${kind} rule ${index}` : `${kind} rule ${index} ('${name}')`;
}

function ineffectiveMessage(
  kind: RouteKind,
  self: string,
  names: readonly (string | undefined)[],
  found: IneffectiveMatch,
  prefixes: { readonly later?: string; readonly earlier?: string },
): string {
  const { rule, match } = found.shadowedBy;
  const other = ruleLabel(kind, rule, names[rule]);
  if (found.reason === 'duplicate')
    return `Match ${found.match} of ${self} is the same as match ${match} of ${other}, which Envoy checks first, so it never decides where a request goes. Remove it, or change it.`;
  return `Match ${found.match} of ${self} (URI prefix '${prefixes.later ?? ''}') never decides: match ${match} of ${other}, checked first, has the shorter prefix '${prefixes.earlier ?? ''}' and the same other conditions, so it takes these requests. Put the longer prefix first, or remove it.`;
}

function uriPrefix(match: unknown): string | undefined {
  const uri = isRecord(match) ? match.uri : undefined;
  return isRecord(uri) && typeof uri.prefix === 'string' ? uri.prefix : undefined;
}

function checkKind(obj: IstioObject, kind: RouteKind): Validation[] {
  const rules = readVirtualServiceSpec(obj.spec)[kind];
  const names = rules.map((r) => r.name);
  const matchOf = (rule: number, match: number): unknown => rules[rule]?.match?.[match];
  return ruleReach(obj.spec, kind).rules.flatMap((reach): Validation[] => {
    const self = ruleLabel(kind, reach.index, names[reach.index]);
    const out: Validation[] = [];
    const because = reach.unreachableBecause;
    if (because) {
      const other = ruleLabel(kind, because.rule, names[because.rule]);
      const catchAllOnly = rules[reach.index]?.matches.length === 0;
      out.push({
        code: UNREACHABLE_RULE_CODE,
        severity: 'warning',
        message:
          because.reason === 'duplicate'
            ? `${self} never matches: each of its matches repeats one of an earlier rule (${other} first), and Envoy uses the first rule that matches. Remove it, or give it a match of its own.`
            : `${self} never matches: ${other} before it has no match, so it takes every request${catchAllOnly ? ' (only the last rule may go without a match)' : ''}. Move the rule without a match to the end, or give it a match.`,
        path: formatPath(['spec', kind, reach.index]),
      });
    }
    for (const found of reach.ineffectiveMatches)
      out.push({
        code: INEFFECTIVE_MATCH_CODE,
        severity: 'info',
        message: ineffectiveMessage(kind, self, names, found, {
          later: uriPrefix(matchOf(reach.index, found.match)),
          earlier: uriPrefix(matchOf(found.shadowedBy.rule, found.shadowedBy.match)),
        }),
        path: formatPath(['spec', kind, reach.index, 'match', found.match]),
      });
    return out;
  });
}

export function checkUnreachableRules(obj: IstioObject): Validation[] {
  if (obj.kind !== 'VirtualService') return [];
  return ROUTE_KINDS.flatMap((kind) => checkKind(obj, kind));
}
