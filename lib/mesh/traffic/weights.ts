/**
 * Weight edits for one VirtualService route, pure so that the slider (browser) and the PUT handler
 * (server) run the same code. Weights are integer percentages keyed by subset name, in route order.
 */

export type Weights = Readonly<Record<string, number>>;

/** Same shape as lib/errors' FieldError, which lib/mesh may not import. */
export interface WeightError {
  readonly path: string;
  readonly message: string;
}

export const TOTAL = 100;

const sum = (values: Iterable<number>): number => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};

/**
 * Splits `amount` (an integer) over `keys` in proportion to `shares` with the largest remainder
 * method: floors first, then one unit each to the largest fractional parts, ties to the earlier key.
 * Equal shares when all are zero, so draining every other subset still leaves a way back.
 */
export function apportion(
  amount: number,
  keys: readonly string[],
  shares: Weights,
): Record<string, number> {
  const out: Record<string, number> = {};
  if (keys.length === 0) return out;
  const total = sum(keys.map((k) => Math.max(0, shares[k] ?? 0)));
  const quota = (k: string): number =>
    total > 0 ? (amount * Math.max(0, shares[k] ?? 0)) / total : amount / keys.length;
  const fractions = keys.map((k, index) => {
    const q = quota(k);
    out[k] = Math.floor(q);
    return { k, index, fraction: q - Math.floor(q) };
  });
  let left = amount - sum(Object.values(out));
  fractions.sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (const { k } of fractions) {
    if (left <= 0) break;
    out[k] = (out[k] ?? 0) + 1;
    left -= 1;
  }
  return out;
}

/**
 * Sets `changed` to `value` and lets the unlocked others absorb the difference in proportion to
 * their current weights, so the total stays 100 and locked subsets keep theirs. `value` is rounded
 * and clamped to what the unlocked others can give (or take). A locked or unknown `changed`, or one
 * with no unlocked partner, leaves the weights as they are.
 */
export function rebalance(
  weights: Weights,
  changed: string,
  value: number,
  locks: ReadonlySet<string>,
): Record<string, number> {
  const keys = Object.keys(weights);
  const current = { ...weights };
  if (!(changed in weights) || locks.has(changed) || !Number.isFinite(value)) return current;
  const others = keys.filter((k) => k !== changed && !locks.has(k));
  if (others.length === 0) return current;
  const locked = sum(keys.filter((k) => k !== changed && locks.has(k)).map((k) => weights[k] ?? 0));
  const available = Math.max(0, TOTAL - locked);
  const next = Math.min(available, Math.max(0, Math.round(value)));
  return { ...current, [changed]: next, ...apportion(available - next, others, weights) };
}

/** Everything to `subset`: promoting a canary, or rolling back to the stable subset. */
export function allTo(subsets: readonly string[], subset: string): Record<string, number> {
  return Object.fromEntries(subsets.map((s) => [s, s === subset ? TOTAL : 0]));
}

export interface WeightPreset {
  readonly label: string;
  readonly weights: Weights;
}

/**
 * The usual steps of a canary from `stable` to the others. Two subsets get 100/0, 90/10, 50/50, 0/100;
 * more get "all to stable", "10% canary" (shared by the others), "even" and "all to <last>".
 */
export function presets(subsets: readonly string[], stable: string): WeightPreset[] {
  const canaries = subsets.filter((s) => s !== stable);
  if (!subsets.includes(stable) || canaries.length === 0) return [];
  const split = (stableWeight: number): Record<string, number> => ({
    ...Object.fromEntries(subsets.map((s) => [s, 0])),
    [stable]: stableWeight,
    ...apportion(TOTAL - stableWeight, canaries, {}),
  });
  const ordered = (w: Record<string, number>): Record<string, number> =>
    Object.fromEntries(subsets.map((s) => [s, w[s] ?? 0]));
  const label = (w: Weights): string => subsets.map((s) => w[s] ?? 0).join('/');
  const candidates: Weights[] = [
    allTo(subsets, stable),
    ordered(split(90)),
    ordered(apportion(TOTAL, subsets, {})),
    allTo(subsets, canaries[canaries.length - 1] ?? stable),
  ];
  return candidates.map((weights) => ({ label: label(weights), weights }));
}

/** Istio stores a weight as an int32 (the CRD says `format: int32`). */
export const MAX_WEIGHT = 2 ** 31 - 1;

/** Shown wherever weights are edited, so the rule the server applies is never a surprise. */
export const WEIGHT_RULE_HELP =
  'Weights are relative: each destination gets weight ÷ sum. Negative weights and all-zero splits are refused.';

/** One refusal of {@link weightRuleErrors}; `index` is the destination's position, absent for the route. */
export interface WeightRuleError {
  readonly index?: number;
  readonly message: string;
}

/**
 * Istio's own refusal rules for the weights of one route's destinations, in route order (`undefined`
 * = no weight written, which Istio reads as 0). Istio validation (pkg/config/validation:
 * validateWeight, validateHTTPRouteDestinations) refuses a negative weight and, with more than one
 * destination, a total of 0; the CRD schema refuses what is not an int32. Any other total is valid:
 * weights are relative. A lone destination takes all traffic whatever its weight, 0 or none included.
 */
export function weightRuleErrors(weights: readonly unknown[]): WeightRuleError[] {
  const errors: WeightRuleError[] = [];
  let total = 0;
  weights.forEach((w, index) => {
    if (w === undefined) return;
    if (typeof w !== 'number' || !Number.isInteger(w)) {
      errors.push({ index, message: `weight must be a whole number, got ${JSON.stringify(w)}` });
    } else if (w < 0) {
      errors.push({ index, message: `weight ${w} < 0` });
    } else if (w > MAX_WEIGHT) {
      errors.push({ index, message: `weight ${w} is larger than ${MAX_WEIGHT} (an int32)` });
    } else {
      total += w;
    }
  });
  if (errors.length === 0 && weights.length > 1 && total === 0) {
    errors.push({
      message: 'total destination weight = 0: give at least one destination a weight above 0',
    });
  }
  return errors;
}

/**
 * The share (0..1) of the route's traffic each destination gets, as Envoy applies the weights:
 * weight ÷ sum; a lone destination gets everything. Call it on weights weightRuleErrors accepts.
 */
export function weightShares(weights: readonly (number | undefined)[]): number[] {
  if (weights.length === 1) return [1];
  const total = sum(weights.map((w) => w ?? 0));
  return weights.map((w) => (total > 0 ? (w ?? 0) / total : 0));
}

/**
 * Reasons the weights cannot be written to a route whose destinations are `subsets`: every
 * destination given a weight (0 drains it), no unknown subset, and Istio's rule (weightRuleErrors).
 * Paths are `weights.<subset>` / `weights`, as the API's 422 reports them.
 */
export function validateWeights(
  weights: Readonly<Record<string, unknown>>,
  subsets: readonly string[],
): WeightError[] {
  const errors: WeightError[] = [];
  const known = new Set(subsets);
  for (const [subset, w] of Object.entries(weights)) {
    const path = `weights.${subset}`;
    if (!known.has(subset)) {
      errors.push({
        path,
        message: `'${subset}' is not a destination of this route (it has ${subsets.join(', ') || 'none'})`,
      });
    } else {
      // One weight at a time: its own range, without the route's total.
      for (const e of weightRuleErrors([w])) errors.push({ path, message: e.message });
    }
  }
  for (const subset of subsets) {
    if (!(subset in weights)) {
      errors.push({ path: `weights.${subset}`, message: 'is missing; give it 0 to drain it' });
    }
  }
  if (errors.length > 0) return errors;
  return weightRuleErrors(subsets.map((s) => weights[s])).map((e) => ({
    path: 'weights',
    message: e.message,
  }));
}
