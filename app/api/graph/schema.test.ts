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
    expect(parse('namespaces=bookinfo,shop&type=versionedApp&window=15m&idle=true')).toEqual({
      namespaces: ['bookinfo', 'shop'],
      type: 'versionedApp',
      window: '15m',
      idle: true,
    });
  });

  it('defaults to a 5m workload graph without idle nodes', () => {
    expect(parse('namespaces=bookinfo')).toEqual({
      namespaces: ['bookinfo'],
      type: 'workload',
      window: '5m',
      idle: false,
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
    ['namespaces=a&window=2m', 'window'],
    ['namespaces=a&idle=yes', 'idle'],
  ])('refuses %j with a 400 naming %s', (qs, param) => {
    const err = problemOf(qs);
    expect(err.status).toBe(400);
    expect(err.errors.map((e) => e.path)).toContain(param);
    expect(err.detail).toContain(`${param}:`);
  });
});
