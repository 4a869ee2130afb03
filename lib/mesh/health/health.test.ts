import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HEALTH_RULES,
  HEALTH_THRESHOLDS_ANNOTATION,
  evaluateTrafficHealth,
  parseHealthThresholds,
  readinessHealth,
  rulesFor,
  workloadHealth,
  worstHealth,
} from './health';
import type { RequestCounts } from './request-counts';
import { responseClass, tallyRequests } from './request-counts';

const counts = (total: number, serverErrors = 0, clientErrors = 0): RequestCounts => ({
  total,
  serverErrors,
  clientErrors,
});
const rules = DEFAULT_HEALTH_RULES;

describe('evaluateTrafficHealth with the default (Kiali) rules', () => {
  it('is idle without traffic and healthy without errors', () => {
    expect(evaluateTrafficHealth(counts(0), rules)).toBe('idle');
    expect(evaluateTrafficHealth(counts(10), rules)).toBe('healthy');
  });

  it('degrades on any 5xx and fails at exactly 10%', () => {
    expect(evaluateTrafficHealth(counts(100_000, 0.001), rules)).toBe('degraded');
    expect(evaluateTrafficHealth(counts(100, 9.99), rules)).toBe('degraded');
    expect(evaluateTrafficHealth(counts(100, 10), rules)).toBe('failing');
    // 0.3 / 3 is not exactly 0.1 in floating point.
    expect(evaluateTrafficHealth(counts(3, 0.3), rules)).toBe('failing');
  });

  it('degrades 4xx at exactly 10% and fails at exactly 20%', () => {
    expect(evaluateTrafficHealth(counts(100, 0, 9.99), rules)).toBe('healthy');
    expect(evaluateTrafficHealth(counts(100, 0, 10), rules)).toBe('degraded');
    expect(evaluateTrafficHealth(counts(100, 0, 19.99), rules)).toBe('degraded');
    expect(evaluateTrafficHealth(counts(100, 0, 20), rules)).toBe('failing');
  });

  it('takes the worst of the two categories', () => {
    expect(evaluateTrafficHealth(counts(100, 1, 25), rules)).toBe('failing');
  });
});

describe('request classification', () => {
  it('counts no response and gRPC statuses 1–16 as server errors, gRPC 0 as success', () => {
    const tally = tallyRequests(
      [
        { labels: { w: 'a', response_code: '200', grpc_response_status: '0' }, value: 6 },
        { labels: { w: 'a', response_code: '200', grpc_response_status: '14' }, value: 1 },
        { labels: { w: 'a', response_code: '200', grpc_response_status: '16' }, value: 1 },
        { labels: { w: 'a', response_code: '0', grpc_response_status: '' }, value: 1 },
        { labels: { w: 'a', response_code: '404', grpc_response_status: '' }, value: 1 },
        { labels: { w: 'a', response_code: '200', grpc_response_status: '17' }, value: 1 },
      ],
      (l) => l['w'],
    );
    expect(tally.get('a')).toEqual(counts(11, 3, 1));
  });

  it('puts gRPC failures and no response in "other"', () => {
    expect(responseClass('200', '2')).toBe('other');
    expect(responseClass('0', '')).toBe('other');
    expect(responseClass('503', '')).toBe('5xx');
    expect(responseClass('302', undefined)).toBe('3xx');
  });
});

describe('worstHealth', () => {
  it('ranks failing > degraded > healthy > idle > unknown', () => {
    expect(worstHealth('healthy', 'failing', 'degraded')).toBe('failing');
    expect(worstHealth('idle', 'healthy')).toBe('healthy');
    expect(worstHealth('unknown', 'idle')).toBe('idle');
    expect(worstHealth()).toBe('unknown');
  });
});

describe('readiness and workloadHealth', () => {
  it('judges replicas', () => {
    expect(readinessHealth({ desiredReplicas: 3, readyReplicas: 3 })).toBe('healthy');
    expect(readinessHealth({ desiredReplicas: 3, readyReplicas: 2 })).toBe('degraded');
    expect(readinessHealth({ desiredReplicas: 3, readyReplicas: 0 })).toBe('failing');
    expect(readinessHealth({ desiredReplicas: 0, readyReplicas: 0 })).toBe('idle');
  });

  it('judges inbound and outbound separately, worst wins', () => {
    // Pooled, 10 errors in 200 requests would be 5%; outbound alone is 10%.
    expect(workloadHealth({ inbound: counts(100), outbound: counts(100, 10) }, rules)).toBe(
      'failing',
    );
    expect(workloadHealth({ inbound: counts(100, 1), outbound: counts(100) }, rules)).toBe(
      'degraded',
    );
  });

  it('joins readiness: it can only make things worse', () => {
    const replicas = { desiredReplicas: 2, readyReplicas: 1 };
    expect(workloadHealth({ inbound: counts(10), replicas }, rules)).toBe('degraded');
    expect(workloadHealth({ replicas: { desiredReplicas: 2, readyReplicas: 0 } }, rules)).toBe(
      'failing',
    );
    expect(
      workloadHealth(
        { inbound: counts(10), replicas: { desiredReplicas: 2, readyReplicas: 2 } },
        rules,
      ),
    ).toBe('healthy');
  });

  it('is idle without traffic when known, unknown when not', () => {
    expect(workloadHealth({ replicas: { desiredReplicas: 1, readyReplicas: 1 } }, rules)).toBe(
      'idle',
    );
    expect(workloadHealth({}, rules)).toBe('unknown');
  });
});

describe('health-threshold annotation', () => {
  const ann = (value: string): Record<string, string> => ({
    [HEALTH_THRESHOLDS_ANNOTATION]: value,
  });

  it('parses both categories, percent signs and off', () => {
    expect(parseHealthThresholds('5xx=degraded:1,failing:5%; 4xx=off')).toEqual({
      serverErrors: { degraded: 0.01, failing: 0.05 },
      clientErrors: null,
    });
  });

  it('rejects what it cannot read', () => {
    for (const bad of [
      '6xx=degraded:1',
      '5xx',
      '5xx=degraded',
      '5xx=degraded:x',
      '5xx=bad:1',
      '5xx=failing:101',
      '5xx=off;5xx=off',
      '{"5xx":1}',
    ]) {
      expect(typeof parseHealthThresholds(bad), bad).toBe('string');
    }
  });

  it('layers workload over namespace over defaults, per category and per level', () => {
    const { rules: r, problems } = rulesFor(ann('5xx=failing:50'), ann('4xx=degraded:1'));
    expect(problems).toEqual([]);
    expect(r).toEqual({
      serverErrors: { degraded: 0, failing: 0.5 },
      clientErrors: { degraded: 0.01, failing: 0.2 },
    });
    expect(evaluateTrafficHealth(counts(100, 20), r)).toBe('degraded');
    expect(evaluateTrafficHealth(counts(100, 0, 1), r)).toBe('degraded');
  });

  it('switches a category off', () => {
    const { rules: r } = rulesFor(ann('4xx=off'));
    expect(evaluateTrafficHealth(counts(100, 0, 100), r)).toBe('healthy');
  });

  it('falls back and reports an invalid annotation', () => {
    const ns = rulesFor(ann('5xx=degraded:20,failing:10'));
    expect(ns.rules).toEqual(DEFAULT_HEALTH_RULES);
    expect(ns.problems).toHaveLength(1);
    expect(ns.problems[0]?.scope).toBe('namespace');
    expect(ns.problems[0]?.message).toMatch(/degraded \(20%\) is above failing \(10%\)/);

    const wl = rulesFor(ann('5xx=failing:50'), ann('garbage'));
    expect(wl.rules.serverErrors).toEqual({ degraded: 0, failing: 0.5 });
    expect(wl.problems.map((p) => p.scope)).toEqual(['workload']);
  });
});
