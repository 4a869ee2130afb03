/**
 * Whether one AuthorizationPolicy rule matches an observed call, as Envoy's RBAC filter would, with
 * a third answer: "maybe", when the rule needs a request attribute Istio's metrics do not carry
 * (methods, paths, headers, JWT claims, IPs). Istio's string matching: exact, "prefix*", "*suffix",
 * and "*" for any non-empty value. Principals and namespaces come from the peer certificate, so a
 * plaintext caller has none: a positive field never matches it and a negative one always does
 * (ISTIO-SECURITY-2021-004).
 * Ref https://istio.io/latest/docs/reference/config/security/authorization-policy/#Rule
 */
import type {
  AuthorizationCondition,
  AuthorizationFields,
  AuthorizationRule,
} from '@/lib/mesh/istio/authorization-policy';
import type { ObservedCall } from '@/lib/mesh/security/types';

export type Match =
  | { readonly kind: 'yes' }
  | { readonly kind: 'no' }
  | { readonly kind: 'maybe'; readonly attributes: readonly string[] };

const YES: Match = { kind: 'yes' };
const NO: Match = { kind: 'no' };
const maybe = (...attributes: string[]): Match => ({ kind: 'maybe', attributes });

/** All must hold: no beats maybe beats yes; the maybes' attributes add up. */
export function allOf(matches: readonly Match[]): Match {
  if (matches.some((m) => m.kind === 'no')) return NO;
  const attrs = matches.flatMap((m) => (m.kind === 'maybe' ? m.attributes : []));
  return attrs.length > 0 ? maybe(...new Set(attrs)) : YES;
}

/** One suffices: yes beats maybe beats no. */
export function anyOf(matches: readonly Match[]): Match {
  if (matches.some((m) => m.kind === 'yes')) return YES;
  const attrs = matches.flatMap((m) => (m.kind === 'maybe' ? m.attributes : []));
  return attrs.length > 0 ? maybe(...new Set(attrs)) : NO;
}

export function matchesPattern(pattern: string, value: string): boolean {
  if (pattern === '*') return value !== '';
  if (pattern.endsWith('*')) return value !== '' && value.startsWith(pattern.slice(0, -1));
  if (pattern.startsWith('*')) return value !== '' && value.endsWith(pattern.slice(1));
  return value === pattern;
}

/** What the metrics tell about the caller, in the form the policy fields compare. */
export interface CallFacts {
  /** The peer identity without "spiffe://"; '' over plaintext; null when mTLS but not reported. */
  readonly principal: string | null;
  /** The namespace in the principal (…/ns/<ns>/sa/…); '' over plaintext; null when unknown. */
  readonly namespace: string | null;
  readonly port?: number;
  /** A TCP-only call carries no HTTP request: HTTP-only fields are known to be absent. */
  readonly tcp: boolean;
}

export function factsOf(call: ObservedCall): CallFacts {
  const known = call.principal !== '' && call.principal !== 'unknown';
  const principal = known
    ? call.principal.replace(/^spiffe:\/\//, '')
    : call.security === 'mutual_tls'
      ? null
      : '';
  const namespace =
    principal === null
      ? null
      : principal === ''
        ? ''
        : (/\/ns\/([^/]+)\//.exec(principal)?.[1] ?? '');
  return {
    principal,
    namespace,
    ...(call.port !== undefined && { port: call.port }),
    tcp: call.rps === 0 && call.bytesPerSecond > 0,
  };
}

/** The fields an Envoy HTTP request carries and a TCP connection does not. */
const HTTP_ONLY = new Set([
  'hosts',
  'notHosts',
  'methods',
  'notMethods',
  'paths',
  'notPaths',
  'requestPrincipals',
  'notRequestPrincipals',
]);

export type RuleAction = 'ALLOW' | 'DENY' | 'CUSTOM' | 'AUDIT';

/**
 * An attribute the metrics cannot decide. On a TCP call an HTTP-only attribute is decided after all,
 * as istiod builds the TCP filter: an ALLOW rule needing one never matches, a DENY rule drops it.
 */
function undecided(name: string, httpOnly: boolean, facts: CallFacts, action: RuleAction): Match {
  if (httpOnly && facts.tcp) return action === 'ALLOW' ? NO : YES;
  return maybe(name);
}

function valueMatch(
  name: string,
  values: readonly string[],
  negative: boolean,
  actual: string | null,
): Match {
  if (values.length === 0) return YES;
  if (actual === null) return maybe(name);
  const hit = values.some((v) => matchesPattern(v, actual));
  return hit !== negative ? YES : NO;
}

function fieldMatch(
  name: string,
  values: readonly string[],
  facts: CallFacts,
  action: RuleAction,
): Match {
  switch (name) {
    case 'principals':
    case 'notPrincipals':
      return valueMatch(name, values, name.startsWith('not'), facts.principal);
    case 'namespaces':
    case 'notNamespaces':
      return valueMatch(name, values, name.startsWith('not'), facts.namespace);
    case 'ports':
    case 'notPorts':
      return valueMatch(
        name,
        values,
        name === 'notPorts',
        facts.port === undefined ? null : String(facts.port),
      );
    default:
      return values.length === 0 ? YES : undecided(name, HTTP_ONLY.has(name), facts, action);
  }
}

function clauseMatch(fields: AuthorizationFields, facts: CallFacts, action: RuleAction): Match {
  return allOf(
    Object.entries(fields).map(([name, values]) => fieldMatch(name, values, facts, action)),
  );
}

function conditionMatch(c: AuthorizationCondition, facts: CallFacts, action: RuleAction): Match {
  const both = (actual: string | null): Match =>
    allOf([
      valueMatch(c.key, c.values, false, actual),
      valueMatch(c.key, c.notValues, true, actual),
    ]);
  switch (c.key) {
    case 'source.principal':
      return both(facts.principal);
    case 'source.namespace':
      return both(facts.namespace);
    case 'destination.port':
      return both(facts.port === undefined ? null : String(facts.port));
    default:
      return undecided(c.key, c.key.startsWith('request.'), facts, action);
  }
}

/** A rule: any source AND any operation AND every condition; an empty rule matches everything. */
export function ruleMatch(rule: AuthorizationRule, facts: CallFacts, action: RuleAction): Match {
  const from =
    rule.from.length === 0 ? YES : anyOf(rule.from.map((s) => clauseMatch(s, facts, action)));
  const to = rule.to.length === 0 ? YES : anyOf(rule.to.map((o) => clauseMatch(o, facts, action)));
  return allOf([from, to, ...rule.when.map((c) => conditionMatch(c, facts, action))]);
}

/** A policy matches when one of its rules does; with no rules it never matches. */
export function policyMatch(
  rules: readonly AuthorizationRule[],
  facts: CallFacts,
  action: RuleAction,
): Match {
  return anyOf(rules.map((r) => ruleMatch(r, facts, action)));
}
