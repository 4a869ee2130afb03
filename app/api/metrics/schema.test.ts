import { describe, expect, it } from 'vitest';
import { InvalidError } from '@/lib/errors';
import { isBreakdown, parseBreakdownParams, parseMetricsParams } from './schema';

const parse = (qs: string): ReturnType<typeof parseMetricsParams> =>
  parseMetricsParams(new URLSearchParams(qs));

function problemOf(qs: string): InvalidError {
  try {
    parse(qs);
  } catch (err) {
    if (err instanceof InvalidError) return err;
    throw err;
  }
  throw new Error(`expected ${qs} to be refused`);
}

const EDGE = 'namespace=bookinfo&source=wl:bookinfo:productpage-v1&target=wl:bookinfo:reviews-v2';

describe('parseMetricsParams', () => {
  it('reads an edge view', () => {
    expect(parse(`${EDGE}&protocol=http&window=1h`)).toEqual({
      kind: 'edge',
      namespace: 'bookinfo',
      source: {
        id: 'wl:bookinfo:productpage-v1',
        ref: { kind: 'workload', namespace: 'bookinfo', workload: 'productpage-v1' },
      },
      target: {
        id: 'wl:bookinfo:reviews-v2',
        ref: { kind: 'workload', namespace: 'bookinfo', workload: 'reviews-v2' },
      },
      protocol: 'http',
      window: '1h',
    });
  });

  it('reads a node view, protocol optional, window defaulting to 5m', () => {
    expect(parse('node=svc:shop:cart')).toEqual({
      kind: 'node',
      node: { id: 'svc:shop:cart', ref: { kind: 'service', namespace: 'shop', service: 'cart' } },
      window: '5m',
    });
    expect(parse('node=app:shop:cart&protocol=tcp&type=versionedApp')).toMatchObject({
      protocol: 'tcp',
      type: 'versionedApp',
    });
  });

  it.each([
    [`${EDGE}`, 'protocol'],
    [`${EDGE}&protocol=udp`, 'protocol'],
    [`${EDGE}&protocol=http&window=2hours`, 'window'],
    [`${EDGE}&protocol=http&type=pods`, 'type'],
    ['namespace=bookinfo&target=wl:bookinfo:a&protocol=http', 'source'],
    ['source=wl:bookinfo:a&target=pod:x&protocol=http', 'target'],
    ['source=ext:api.example.com&target=wl:ns:a&protocol=http', 'source'],
    ['source=wl:ns:a&target=unknown&protocol=http', 'target'],
    ['namespace=Bad&source=wl:ns:a&target=wl:ns:b&protocol=http', 'namespace'],
    ['source=wl:NS:a&target=wl:ns:b&protocol=http', 'source'],
    ['node=unknown', 'node'],
    ['node=wl:ns:a&source=wl:ns:b', 'node'],
    ['node=', 'node'],
  ])('refuses %j with a 400 naming %s', (qs, param) => {
    const err = problemOf(qs);
    expect(err.status).toBe(400);
    expect(err.errors.map((e) => e.path)).toContain(param);
  });
});

describe('parseBreakdownParams', () => {
  const parse = (qs: string) => parseBreakdownParams(new URLSearchParams(qs));
  it('reads node, direction, by and the reporter, automatic by default', () => {
    expect(isBreakdown(new URLSearchParams('node=svc:bookinfo:reviews&by=version'))).toBe(true);
    expect(isBreakdown(new URLSearchParams('node=svc:bookinfo:reviews'))).toBe(false);
    expect(parse('node=svc:bookinfo:reviews&direction=inbound&by=version')).toMatchObject({
      node: { id: 'svc:bookinfo:reviews' },
      direction: 'inbound',
      by: 'version',
      reporter: 'auto',
      window: '5m',
    });
    expect(
      parse('node=wl:travel:web&direction=outbound&by=remote&reporter=waypoint'),
    ).toMatchObject({ reporter: 'waypoint' });
  });

  it.each([
    ['node=svc:bookinfo:reviews&direction=outbound&by=remote', 'direction'],
    ['node=unknown&by=code', 'direction'],
    ['node=svc:bookinfo:reviews&by=pods', 'by'],
    ['node=svc:bookinfo:reviews&by=code&reporter=proxy', 'reporter'],
    ['node=svc:bookinfo:reviews&direction=sideways&by=code', 'direction'],
  ])('refuses %j with a 400 naming %s', (qs, param) => {
    try {
      parse(qs);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidError);
      expect((err as InvalidError).errors.map((e) => e.path)).toContain(param);
    }
  });
});
