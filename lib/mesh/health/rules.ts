/**
 * Error-rate thresholds and their per-namespace / per-workload override annotation.
 *
 * Annotation (on a Namespace or a workload such as a Deployment), percentages of requests:
 *   meshlens.io/health-thresholds: "5xx=degraded:1,failing:5; 4xx=off"
 * Categories: `5xx` (HTTP 5xx, no response, gRPC 1–16) and `4xx`. A category may give one or both
 * levels, or `off`. What it omits comes from the next scope out: workload → namespace → defaults.
 * Kiali's `health.kiali.io/rate` on a workload is honoured too (see ./kiali).
 */

import { KIALI_RATE_ANNOTATION, parseKialiRate } from './kiali';
import type { CategoryRules, ErrorThreshold, HealthRules } from './rule-types';

export type { ErrorThreshold, HealthRules } from './rule-types';

export const HEALTH_THRESHOLDS_ANNOTATION = 'meshlens.io/health-thresholds';

/** Kiali's defaults: any 5xx degrades, 10% fails; 4xx degrade at 10% and fail at 20%. */
export const DEFAULT_HEALTH_RULES: HealthRules = {
  serverErrors: { degraded: 0, failing: 0.1 },
  clientErrors: { degraded: 0.1, failing: 0.2 },
};

export interface HealthRuleProblem {
  readonly scope: 'namespace' | 'workload';
  /** The annotation value as written. */
  readonly value: string;
  readonly message: string;
}

export interface ResolvedHealthRules {
  readonly rules: HealthRules;
  readonly problems: readonly HealthRuleProblem[];
}

type Category = keyof CategoryRules;
type Override = Partial<Record<Category, Partial<ErrorThreshold> | null>>;

const CATEGORY_BY_KEY: Readonly<Record<string, Category>> = {
  '5xx': 'serverErrors',
  '4xx': 'clientErrors',
};

/** Parses an annotation value; an error message when it is not valid. */
export function parseHealthThresholds(value: string): Override | string {
  const override: Override = {};
  for (const part of value.split(';')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim();
    const category = CATEGORY_BY_KEY[key];
    if (category === undefined) return `unknown category "${key}" (expected 5xx or 4xx)`;
    if (eq < 0) return `"${key}" needs "=degraded:<percent>,failing:<percent>" or "=off"`;
    if (category in override) return `"${key}" is given twice`;
    const levels = parseLevels(part.slice(eq + 1).trim(), key);
    if (typeof levels === 'string') return levels;
    override[category] = levels;
  }
  return override;
}

function parseLevels(text: string, key: string): Partial<ErrorThreshold> | null | string {
  if (text === 'off') return null;
  const levels: { degraded?: number; failing?: number } = {};
  for (const item of text.split(',')) {
    const [name, raw, extra] = item.split(':').map((s) => s.trim());
    if (name !== 'degraded' && name !== 'failing') return `${key}: unknown level "${name ?? ''}"`;
    const percent = Number((raw ?? '').replace(/%$/, ''));
    if (extra !== undefined || raw === undefined || raw === '' || !Number.isFinite(percent)) {
      return `${key}: "${item.trim()}" is not <level>:<percent>`;
    }
    if (percent < 0 || percent > 100) return `${key}: ${name} must be between 0 and 100`;
    levels[name] = percent / 100;
  }
  return levels;
}

// Our annotation never sits above Kiali's (a workload's Kiali annotation is the innermost scope), so the
// base never tells directions apart and neither does the result.
function applyOverride(base: HealthRules, override: Override): HealthRules | string {
  const out: Record<Category, ErrorThreshold | null> = {
    serverErrors: base.serverErrors,
    clientErrors: base.clientErrors,
  };
  for (const category of ['serverErrors', 'clientErrors'] as const) {
    const o = override[category];
    if (o === undefined) continue;
    if (o === null) {
      out[category] = null;
      continue;
    }
    // A partial override of a switched-off category starts again from the defaults.
    const from = base[category] ?? DEFAULT_HEALTH_RULES[category];
    const merged = {
      degraded: o.degraded ?? from?.degraded ?? 0,
      failing: o.failing ?? from?.failing ?? 1,
    };
    if (merged.degraded > merged.failing) {
      return `${category === 'serverErrors' ? '5xx' : '4xx'}: degraded (${merged.degraded * 100}%) is above failing (${merged.failing * 100}%)`;
    }
    out[category] = merged;
  }
  return out;
}

/**
 * The rules for a namespace, or a workload in it: workload annotation over namespace annotation over
 * defaults. On a workload, ours wins over Kiali's when both are there; Kiali reads its own only on
 * workloads (and Services), never on namespaces. An invalid annotation is ignored (the outer scope's
 * rules apply) and reported.
 */
export function rulesFor(
  namespaceAnnotations: Readonly<Record<string, string>> | undefined,
  workloadAnnotations?: Readonly<Record<string, string>>,
): ResolvedHealthRules {
  let rules = DEFAULT_HEALTH_RULES;
  const problems: HealthRuleProblem[] = [];
  const scopes = [
    ['namespace', namespaceAnnotations],
    ['workload', workloadAnnotations],
  ] as const;
  for (const [scope, annotations] of scopes) {
    const ours = annotations?.[HEALTH_THRESHOLDS_ANNOTATION];
    const kiali = scope === 'workload' ? annotations?.[KIALI_RATE_ANNOTATION] : undefined;
    const [name, value] =
      ours === undefined ? [KIALI_RATE_ANNOTATION, kiali] : [HEALTH_THRESHOLDS_ANNOTATION, ours];
    if (value === undefined) continue;
    const next = ours === undefined ? parseKialiRate(value) : layer(rules, value);
    if (typeof next === 'string') {
      problems.push({
        scope,
        value,
        message: `${name}: ${next}; using the ${scope === 'workload' ? 'namespace' : 'default'} rules`,
      });
    } else {
      rules = next;
    }
  }
  return { rules, problems };
}

function layer(base: HealthRules, value: string): HealthRules | string {
  const parsed = parseHealthThresholds(value);
  return typeof parsed === 'string' ? parsed : applyOverride(base, parsed);
}
