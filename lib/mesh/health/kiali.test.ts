import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HEALTH_RULES,
  HEALTH_THRESHOLDS_ANNOTATION,
  KIALI_RATE_ANNOTATION,
  evaluateTrafficHealth,
  parseKialiRate,
  rulesFor,
  workloadHealth,
} from './health';
import type { HealthRules } from './health';
import type { RequestCounts } from './request-counts';

const counts = (total: number, serverErrors = 0, clientErrors = 0): RequestCounts => ({
  total,
  serverErrors,
  clientErrors,
});

function rules(value: string): HealthRules {
  const parsed = parseKialiRate(value);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

const problem = (value: string): string => {
  const parsed = parseKialiRate(value);
  expect(typeof parsed, value).toBe('string');
  return typeof parsed === 'string' ? parsed : '';
};

describe('reading health.kiali.io/rate', () => {
  it('reads one entry per category, X or x standing for a digit, percentages as shares', () => {
    expect(rules('5xx,10,20,http,inbound').serverErrors).toEqual({ degraded: 0.1, failing: 0.2 });
    expect(rules('4XX,30,40,http,inbound').clientErrors).toEqual({ degraded: 0.3, failing: 0.4 });
    expect(rules('5\\d\\d,5,10,http,inbound').serverErrors).toEqual({
      degraded: 0.05,
      failing: 0.1,
    });
  });

  it('reads several entries separated by semicolons', () => {
    const r = rules('5xx,10,20,http,inbound;4XX,30,40,http,inbound');
    expect(r.serverErrors).toEqual({ degraded: 0.1, failing: 0.2 });
    expect(r.clientErrors).toEqual({ degraded: 0.3, failing: 0.4 });
  });

  it("equals Meshlens' defaults when it spells out Kiali's default tolerances", () => {
    const r = rules('^5\\d\\d$,0,10,http,.*;^4\\d\\d$,10,20,http,.*;^[1-9]$|^1[0-6]$,0,10,grpc,.*');
    const { serverErrors, clientErrors } = DEFAULT_HEALTH_RULES;
    expect(r).toEqual({ serverErrors, clientErrors, outbound: { serverErrors, clientErrors } });
  });

  it('rejects an entry without a direction, with degraded above failure, or with a word for a number', () => {
    expect(problem('[45]xx,10,20,http')).toMatch(/expected <code>,<degraded>/);
    expect(problem('5xx,40,20,http,inbound')).toMatch(/degraded \(40\) is above failure \(20\)/);
    expect(problem('5xx,10,sd,http,inbound')).toMatch(/failure "sd" is not a percentage/);
    expect(problem('5xx,abc,10,http,inbound')).toMatch(/degraded "abc"/);
    expect(problem('')).toBe('no entries');
  });

  it('sets the whole annotation aside when one entry is wrong, naming that entry', () => {
    // Kiali's console does the same; its server would keep the two good entries.
    const message = problem('5xx,5,10,http,inbound;invalid;4xx,10,20,http,outbound');
    expect(message).toMatch(/^entry 2 "invalid": expected/);
    expect(message).not.toMatch(/entry [13]/);
  });

  it('reports what Meshlens cannot judge instead of applying it loosely', () => {
    expect(problem('404,10,20,http,inbound')).toMatch(/not supported: code "404"/);
    expect(problem('[45]xx,10,20,http,inbound')).toMatch(/not supported: code "\[45\]xx"/);
    // Kiali's own example: 404s tolerated up to 10%, any other error fails.
    expect(problem('404,0,10,http,.*;[45]\\d[^\\D4],0,100,http,.*')).toMatch(
      /entry 1 .*entry 2 .*not supported/,
    );
    // Codes are matched whole, as Kiali's server anchors them: "5" is no 3-digit code.
    expect(problem('5,0,10,http,.*')).toMatch(/matches no code/);
    expect(problem('5XX,1,5,grpc,.*')).toMatch(/matches no code/);
    expect(problem('5XX,1,5,http,sideways')).toMatch(/neither inbound nor outbound/);
    expect(problem('[5,1,5,http,.*')).toMatch(/code "\[5" is not a valid regular expression/);
    expect(problem('5XX,0,0,http,.*')).toMatch(/failure 0/);
  });

  it('takes gRPC statuses 1–16 and no response ("-") as the 5xx category', () => {
    expect(rules('^[1-9]$|^1[0-6]$,10,20,grpc,.*').serverErrors).toEqual({
      degraded: 0.1,
      failing: 0.2,
    });
    expect(rules('-,1,2,http,.*').serverErrors).toEqual({ degraded: 0.01, failing: 0.02 });
    expect(problem('^[0-9]$|^1[0-6]$,10,20,grpc,.*')).toMatch(/not supported/);
  });

  it('combines entries measuring the same requests worst-first, refuses ones Meshlens would merge', () => {
    const r = rules('5XX,1,5,http,inbound;5XX,2,10,http,.*');
    expect(r.serverErrors).toEqual({ degraded: 0.01, failing: 0.05 });
    expect(r.outbound?.serverErrors).toEqual({ degraded: 0.02, failing: 0.1 });
    expect(problem('5XX,1,5,http,.*;^[1-9]$|^1[0-6]$,0,10,grpc,.*')).toMatch(
      /entry 2 .*judges together/,
    );
  });
});

describe('judging with health.kiali.io/rate', () => {
  it('makes a service with 3% errors degraded under "5xx,2,5,http,inbound"', () => {
    const r = rules('5xx,2,5,http,inbound');
    expect(evaluateTrafficHealth(counts(103, 3), r)).toBe('degraded');
    expect(evaluateTrafficHealth(counts(100, 1.99), r)).toBe('healthy');
    expect(evaluateTrafficHealth(counts(100, 5), r)).toBe('failing');
  });

  it('fails at exactly the failure share and degrades at exactly the degraded share', () => {
    const r = rules('4XX,10,20,http,.*');
    expect(evaluateTrafficHealth(counts(125, 0, 25), r)).toBe('failing');
    expect(evaluateTrafficHealth(counts(100, 0, 10), r)).toBe('degraded');
    expect(evaluateTrafficHealth(counts(100, 0, 9.99), r)).toBe('healthy');
  });

  it('degrades on any error with degraded 0', () => {
    expect(evaluateTrafficHealth(counts(1000, 1), rules('5XX,0,10,http,.*'))).toBe('degraded');
  });

  it('replaces every threshold: what no entry names is not judged', () => {
    const r = rules('4XX,10,20,http,inbound');
    expect(evaluateTrafficHealth(counts(100, 50), r)).toBe('healthy');
    expect(workloadHealth({ inbound: counts(100), outbound: counts(100, 0, 50) }, r)).toBe(
      'healthy',
    );
  });

  it('judges the directions it names: an inbound entry leaves failing calls out unjudged', () => {
    const r = rules('5XX,1,5,http,inbound');
    expect(workloadHealth({ inbound: counts(100), outbound: counts(100, 50) }, r)).toBe('healthy');
    const both = rules('5XX,10,20,http,.*');
    expect(workloadHealth({ inbound: counts(100), outbound: counts(125, 25) }, both)).toBe(
      'failing',
    );
  });
});

describe('where health.kiali.io/rate is read', () => {
  const kiali = (value: string): Record<string, string> => ({ [KIALI_RATE_ANNOTATION]: value });

  it('applies on a workload, over the namespace rules', () => {
    const ns = { [HEALTH_THRESHOLDS_ANNOTATION]: '4xx=off' };
    const { rules: r, problems } = rulesFor(ns, kiali('4XX,1,2,http,.*'));
    expect(problems).toEqual([]);
    expect(r.clientErrors).toEqual({ degraded: 0.01, failing: 0.02 });
    expect(r.serverErrors).toBeNull();
  });

  it('is not read on a namespace, where Kiali does not read it either', () => {
    expect(rulesFor(kiali('5XX,50,60,http,.*'))).toEqual({
      rules: DEFAULT_HEALTH_RULES,
      problems: [],
    });
  });

  it('gives way to meshlens.io/health-thresholds on the same workload', () => {
    const both = {
      ...kiali('5XX,50,60,http,.*'),
      [HEALTH_THRESHOLDS_ANNOTATION]: '5xx=failing:30',
    };
    expect(rulesFor(undefined, both).rules).toEqual({
      serverErrors: { degraded: 0, failing: 0.3 },
      clientErrors: DEFAULT_HEALTH_RULES.clientErrors,
    });
  });

  it('is reported and set aside when it cannot be used', () => {
    const ns = { [HEALTH_THRESHOLDS_ANNOTATION]: '5xx=failing:50' };
    const { rules: r, problems } = rulesFor(ns, kiali('404,10,20,http,inbound'));
    expect(r.serverErrors).toEqual({ degraded: 0, failing: 0.5 });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.scope).toBe('workload');
    expect(problems[0]?.value).toBe('404,10,20,http,inbound');
    expect(problems[0]?.message).toMatch(
      /^health\.kiali\.io\/rate: entry 1 .*not supported.*; using the namespace rules$/,
    );
  });
});
