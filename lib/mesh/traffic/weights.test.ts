import { describe, expect, it } from 'vitest';
import {
  allTo,
  apportion,
  MAX_WEIGHT,
  presets,
  rebalance,
  validateWeights,
  weightRuleErrors,
  weightShares,
} from './weights';

const total = (w: Record<string, number>): number => Object.values(w).reduce((a, b) => a + b, 0);

/** mulberry32: a seeded generator, so a failing random case can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('rebalance', () => {
  const reviews = { v1: 80, v2: 10, v3: 10 };

  it('gives the change to the others in proportion to their weights', () => {
    expect(rebalance(reviews, 'v3', 50, new Set())).toEqual({ v1: 44, v2: 6, v3: 50 });
    expect(rebalance({ a: 90, b: 10 }, 'b', 50, new Set())).toEqual({ a: 50, b: 50 });
  });

  it('keeps locked subsets and moves only the unlocked ones', () => {
    expect(rebalance(reviews, 'v3', 50, new Set(['v2']))).toEqual({ v1: 40, v2: 10, v3: 50 });
    expect(rebalance({ v1: 89, v2: 0, v3: 11 }, 'v3', 50, new Set(['v2']))).toEqual({
      v1: 50,
      v2: 0,
      v3: 50,
    });
  });

  it('clamps to what the unlocked others can give', () => {
    expect(rebalance(reviews, 'v3', 100, new Set(['v2']))).toEqual({ v1: 0, v2: 10, v3: 90 });
    expect(rebalance(reviews, 'v3', -20, new Set())).toEqual({ v1: 89, v2: 11, v3: 0 });
  });

  it('leaves the weights alone when the subset is locked, unknown or has no unlocked partner', () => {
    expect(rebalance(reviews, 'v3', 50, new Set(['v3']))).toEqual(reviews);
    expect(rebalance(reviews, 'v9', 50, new Set())).toEqual(reviews);
    expect(rebalance(reviews, 'v3', 50, new Set(['v1', 'v2']))).toEqual(reviews);
    expect(rebalance(reviews, 'v3', Number.NaN, new Set())).toEqual(reviews);
  });

  it('rounds a fractional value and splits evenly among others that all have 0', () => {
    expect(rebalance({ a: 100, b: 0, c: 0 }, 'a', 40.6, new Set())).toEqual({
      a: 41,
      b: 30,
      c: 29,
    });
  });

  it('is deterministic: ties of the largest remainder go to the earlier subset', () => {
    expect(rebalance({ a: 10, b: 10, c: 10, d: 70 }, 'd', 0, new Set())).toEqual({
      a: 34,
      b: 33,
      c: 33,
      d: 0,
    });
    expect(rebalance({ a: 10, b: 10, c: 10, d: 70 }, 'd', 0, new Set())).toEqual(
      rebalance({ a: 10, b: 10, c: 10, d: 70 }, 'd', 0, new Set()),
    );
  });

  it('keeps the total at 100, integers in 0..100 and locks intact for random inputs', () => {
    const next = random(7);
    for (let i = 0; i < 2000; i++) {
      const n = 2 + Math.floor(next() * 5);
      const keys = Array.from({ length: n }, (_, k) => `s${k}`);
      const start = apportion(100, keys, Object.fromEntries(keys.map((k) => [k, next()])));
      const locks = new Set(keys.filter(() => next() < 0.3));
      const changed = keys[Math.floor(next() * n)] ?? 's0';
      const out = rebalance(start, changed, next() * 140 - 20, locks);
      expect(total(out)).toBe(100);
      for (const k of keys) {
        expect(Number.isInteger(out[k])).toBe(true);
        expect(out[k]).toBeGreaterThanOrEqual(0);
        if (locks.has(k)) expect(out[k]).toBe(start[k]);
      }
    }
  });
});

describe('apportion', () => {
  it('uses the largest remainder and never loses a unit', () => {
    expect(apportion(100, ['a', 'b', 'c'], { a: 1, b: 1, c: 1 })).toEqual({ a: 34, b: 33, c: 33 });
    expect(apportion(7, ['a', 'b'], { a: 2, b: 1 })).toEqual({ a: 5, b: 2 });
    expect(apportion(0, ['a'], { a: 3 })).toEqual({ a: 0 });
  });
});

describe('presets, promote and roll back', () => {
  it('offers the classic canary steps for two subsets', () => {
    expect(presets(['v1', 'v2'], 'v1').map((p) => p.label)).toEqual([
      '100/0',
      '90/10',
      '50/50',
      '0/100',
    ]);
  });

  it('offers sensible equivalents for three subsets, each summing to 100', () => {
    const list = presets(['v1', 'v2', 'v3'], 'v1');
    expect(list.map((p) => p.label)).toEqual(['100/0/0', '90/5/5', '34/33/33', '0/0/100']);
    for (const p of list) expect(total({ ...p.weights })).toBe(100);
  });

  it('has no presets without a canary or with an unknown stable subset', () => {
    expect(presets(['v1'], 'v1')).toEqual([]);
    expect(presets(['v1', 'v2'], 'v9')).toEqual([]);
  });

  it('sends everything to one subset', () => {
    expect(allTo(['v1', 'v2', 'v3'], 'v2')).toEqual({ v1: 0, v2: 100, v3: 0 });
  });
});

describe('weightRuleErrors (Istio: validateWeight, validateHTTPRouteDestinations)', () => {
  it('refuses a negative weight, naming it as Istio does', () => {
    expect(weightRuleErrors([-5, 105])).toEqual([{ index: 0, message: 'weight -5 < 0' }]);
  });

  it('refuses a split of several destinations whose weights are all 0 or missing', () => {
    expect(weightRuleErrors([0, 0, 0])).toEqual([
      { message: expect.stringMatching(/^total destination weight = 0/) },
    ]);
    expect(weightRuleErrors([undefined, 0])).toHaveLength(1);
  });

  it('accepts any total above 0: weights are relative', () => {
    expect(weightRuleErrors([50, 10, 10])).toEqual([]);
    expect(weightRuleErrors([1, 3])).toEqual([]);
  });

  it('accepts a lone destination whatever its weight, 0 or none', () => {
    expect(weightRuleErrors([0])).toEqual([]);
    expect(weightRuleErrors([undefined])).toEqual([]);
    expect(weightRuleErrors([])).toEqual([]);
  });

  it('refuses what is not an int32, as the CRD schema does', () => {
    expect(weightRuleErrors([MAX_WEIGHT, 0])).toEqual([]);
    expect(weightRuleErrors([2 ** 31, 0])[0]?.message).toMatch(/int32/);
    expect(weightRuleErrors([50.5, 49.5])).toHaveLength(2);
    expect(weightRuleErrors(['100', 0])[0]?.message).toMatch(/whole number/);
  });
});

describe('weightShares', () => {
  it('gives each destination weight ÷ sum: 50/10/10 is 71/14/14 %', () => {
    const shares = weightShares([50, 10, 10]).map((s) => Math.round(s * 100));
    expect(shares).toEqual([71, 14, 14]);
  });

  it('gives a lone destination everything, even at weight 0', () => {
    expect(weightShares([0])).toEqual([1]);
    expect(weightShares([undefined])).toEqual([1]);
  });
});

describe('validateWeights', () => {
  const subsets = ['v1', 'v2', 'v3'];

  it('accepts whole numbers for every subset with a total above 0', () => {
    expect(validateWeights({ v1: 50, v2: 0, v3: 50 }, subsets)).toEqual([]);
    expect(validateWeights({ v1: 50, v2: 10, v3: 10 }, subsets)).toEqual([]);
  });

  it('reports an all-zero split on weights', () => {
    expect(validateWeights({ v1: 0, v2: 0, v3: 0 }, subsets)).toEqual([
      { path: 'weights', message: expect.stringMatching(/total destination weight = 0/) },
    ]);
  });

  it('reports unknown, missing, fractional and negative weights by field', () => {
    const errors = validateWeights({ v1: 50.5, v2: -5, v4: 49.5 }, subsets);
    expect(errors.map((e) => e.path)).toEqual([
      'weights.v1',
      'weights.v2',
      'weights.v4',
      'weights.v3',
    ]);
    expect(errors[1]?.message).toBe('weight -5 < 0');
    expect(errors[2]?.message).toMatch(/not a destination/);
    expect(errors[3]?.message).toMatch(/missing/);
  });

  it('refuses values that are not numbers', () => {
    expect(validateWeights({ v1: '100', v2: 0, v3: 0 }, subsets)[0]?.path).toBe('weights.v1');
  });
});
