import { describe, expect, it } from 'vitest';
import { InvalidError } from '@/lib/errors';
import { parseGraphParams } from './schema';

const parse = (qs: string): ReturnType<typeof parseGraphParams> =>
  parseGraphParams(new URLSearchParams(qs));

function problemOf(qs: string): InvalidError {
  try {
    parse(qs);
  } catch (err) {
    if (err instanceof InvalidError) return err;
    throw err;
  }
  throw new Error(`expected ${qs} to be refused`);
}

describe('parseGraphParams', () => {
  it('reads every parameter', () => {
    expect(
      parse('namespaces=bookinfo,shop&type=versionedApp&window=15m&idle=true&ambient=waypoint'),
    ).toEqual({
      namespaces: ['bookinfo', 'shop'],
      type: 'versionedApp',
      window: '15m',
      idle: true,
      ambient: 'waypoint',
    });
  });

  it('defaults to a 5m workload graph without idle nodes', () => {
    expect(parse('namespaces=bookinfo')).toEqual({
      namespaces: ['bookinfo'],
      type: 'workload',
      window: '5m',
      idle: false,
      ambient: 'total',
    });
  });

  it.each([
    ['', 'namespaces'],
    ['namespaces=', 'namespaces'],
    ['namespaces=Bookinfo', 'namespaces'],
    ['namespaces=a,,b', 'namespaces'],
    ['namespaces=a.b', 'namespaces'],
    [`namespaces=${'a'.repeat(64)}`, 'namespaces'],
    ['namespaces=a"}or vector(1)', 'namespaces'],
    ['namespaces=a&type=pods', 'type'],
    ['namespaces=a&window=5s', 'window'],
    ['namespaces=a&window=31d', 'window'],
    ['namespaces=a&window=1m1h', 'window'],
    ['namespaces=a&end=yesterday', 'end'],
    ['namespaces=a&idle=yes', 'idle'],
    ['namespaces=a&ambient=sidecar', 'ambient'],
  ])('refuses %j with a 400 naming %s', (qs, param) => {
    const err = problemOf(qs);
    expect(err.status).toBe(400);
    expect(err.errors.map((e) => e.path)).toContain(param);
    expect(err.detail).toContain(`${param}:`);
  });
});

describe('window and end', () => {
  const parse = (qs: string) => parseGraphParams(new URLSearchParams(qs));
  it('takes any duration from 1m to 30d, in one spelling, and an end as RFC 3339 or Unix seconds', () => {
    expect(parse('namespaces=a&window=1h30m').window).toBe('90m');
    expect(parse('namespaces=a&window=1w').window).toBe('7d');
    expect(parse('namespaces=a&window=30d').window).toBe('30d');
    expect(parse('namespaces=a&end=2026-12-05T11:00:00Z').end).toBe(
      Date.parse('2026-12-05T11:00:00Z'),
    );
    expect(parse('namespaces=a&end=1796468400').end).toBe(1_796_468_400_000);
    expect(parse('namespaces=a').end).toBeUndefined();
  });
});
