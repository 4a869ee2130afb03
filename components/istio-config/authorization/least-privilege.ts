import type { AuthzVerdict, EdgeVerdict } from '@/lib/api/security';
import { manifestYaml } from '@/lib/mesh/istio/yaml';

/** One principal seen calling the workload in the window, with the workloads that carried it. */
export interface ObservedCaller {
  /** As the metrics carry it (spiffe://…), or 'unknown' for plaintext callers. */
  readonly principal: string;
  /** The form AuthorizationPolicy's `principals` takes; undefined when no rule can name it. */
  readonly policyPrincipal: string | undefined;
  /** "checkout.shop", one per source workload. */
  readonly sources: readonly string[];
  readonly rps: number;
  /** The most severe verdict the current policies give it. */
  readonly verdict: AuthzVerdict;
}

const SPIFFE = 'spiffe://';
const SEVERITY: Readonly<Record<AuthzVerdict, number>> = { allow: 0, depends: 1, deny: 2 };

/**
 * Istio's `source.principals` are "<trust domain>/ns/<namespace>/sa/<account>": the peer's SPIFFE id
 * without its scheme (Envoy adds it back). A plaintext caller has no principal a rule could name.
 */
export function policyPrincipal(principal: string): string | undefined {
  if (principal === '' || principal === 'unknown') return undefined;
  return principal.startsWith(SPIFFE) ? principal.slice(SPIFFE.length) : principal;
}

/** The callers observed into one workload, one per principal, busiest first. */
export function observedCallers(
  edges: readonly EdgeVerdict[],
  namespace: string,
  workload: string,
): ObservedCaller[] {
  const byPrincipal = new Map<
    string,
    { sources: Set<string>; rps: number; verdict: AuthzVerdict }
  >();
  for (const e of edges) {
    if (e.targetNamespace !== namespace || e.target !== workload) continue;
    const entry = byPrincipal.get(e.principal) ?? { sources: new Set(), rps: 0, verdict: 'allow' };
    entry.sources.add(
      e.sourceNamespace === 'unknown' ? e.source : `${e.source}.${e.sourceNamespace}`,
    );
    entry.rps += e.rps;
    if (SEVERITY[e.verdict] > SEVERITY[entry.verdict]) entry.verdict = e.verdict;
    byPrincipal.set(e.principal, entry);
  }
  return [...byPrincipal]
    .map(([principal, e]) => ({
      principal,
      policyPrincipal: policyPrincipal(principal),
      sources: [...e.sources].sort(),
      rps: e.rps,
      verdict: e.verdict,
    }))
    .sort((a, b) => b.rps - a.rps || a.principal.localeCompare(b.principal));
}

export type SelectorReading =
  | { readonly ok: true; readonly labels: Readonly<Record<string, string>> }
  | { readonly ok: false; readonly error: string };

// Kubernetes label keys (an optional DNS prefix and a name) and values, as the API server checks them.
const LABEL_NAME =
  /^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

/**
 * "app=payments, version=v1" as matchLabels. An empty selector is refused: an ALLOW policy without
 * one applies to the whole namespace and would deny every other workload's callers.
 */
export function readSelector(text: string): SelectorReading {
  const labels: Record<string, string> = {};
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0)
    return {
      ok: false,
      error:
        'Name at least one label: without a selector the policy applies to the whole namespace.',
    };
  for (const part of parts) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq).trim();
    const value = eq < 0 ? undefined : part.slice(eq + 1).trim();
    if (value === undefined) return { ok: false, error: `“${part}” is not key=value.` };
    if (!LABEL_NAME.test(key)) return { ok: false, error: `“${key}” is not a label key.` };
    if (!LABEL_VALUE.test(value)) return { ok: false, error: `“${value}” is not a label value.` };
    labels[key] = value;
  }
  return { ok: true, labels };
}

export interface LeastPrivilegeInput {
  readonly namespace: string;
  readonly name: string;
  readonly selector: Readonly<Record<string, string>>;
  /** In the policy's form (policyPrincipal). */
  readonly principals: readonly string[];
}

/**
 * An ALLOW policy that lets exactly the given principals in. With none it has no rules, which in
 * Istio denies every request to the workload: the form says so before it lets anyone apply that.
 */
export function leastPrivilegeYaml(input: LeastPrivilegeInput): string {
  const principals = [...new Set(input.principals)].sort();
  return manifestYaml({
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { name: input.name, namespace: input.namespace },
    spec: {
      selector: { matchLabels: { ...input.selector } },
      action: 'ALLOW',
      ...(principals.length > 0 && { rules: [{ from: [{ source: { principals } }] }] }),
    },
  });
}
