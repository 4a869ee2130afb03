import { describe, expect, it } from 'vitest';
import { adjustClockSkew } from './adjust-clock-skew';
import { span, trace } from './testing';

const host = (ip: string, service: string) => ({
  service,
  process: { serviceName: service, tags: { ip } },
});

describe('adjustClockSkew', () => {
  it('moves a child on another host that starts before its parent into the middle of it', () => {
    const { trace: t, adjustments } = adjustClockSkew(
      trace([
        span('p', { ...host('10.0.0.1', 'a'), startUs: 1000, durationUs: 100 }),
        // The callee's clock runs 500 µs behind.
        span('c', { ...host('10.0.0.2', 'b'), parentId: 'p', startUs: 520, durationUs: 60 }),
        span('g', { ...host('10.0.0.2', 'b'), parentId: 'c', startUs: 530, durationUs: 10 }),
      ]),
    );
    const byId = new Map(t.spans.map((s) => [s.spanId, s]));
    // (100 - 60) / 2 = 20 µs of latency each way.
    expect(byId.get('c')?.startUs).toBe(1020);
    // Same host as c: the same shift.
    expect(byId.get('g')?.startUs).toBe(1030);
    expect(adjustments).toEqual([
      { spanId: 'c', deltaUs: 500 },
      { spanId: 'g', deltaUs: 500 },
    ]);
  });

  it('moves a child that ends after its parent, and shifts its logs with it', () => {
    const { trace: t } = adjustClockSkew(
      trace([
        span('p', { ...host('1', 'a'), startUs: 0, durationUs: 100 }),
        span('c', {
          ...host('2', 'b'),
          parentId: 'p',
          startUs: 90,
          durationUs: 50,
          logs: [{ timestampUs: 95, fields: {} }],
        }),
      ]),
    );
    const c = t.spans.find((s) => s.spanId === 'c');
    expect(c?.startUs).toBe(25);
    expect(c?.logs[0]?.timestampUs).toBe(30);
  });

  it('leaves alone children that fit, children longer than the parent, and FOLLOWS_FROM children', () => {
    const input = trace([
      span('p', { ...host('1', 'a'), startUs: 0, durationUs: 100 }),
      span('fits', { ...host('2', 'b'), parentId: 'p', startUs: 10, durationUs: 50 }),
      span('long', { ...host('3', 'c'), parentId: 'p', startUs: -10, durationUs: 200 }),
      span('async', { ...host('4', 'd'), parentId: 'p', followsFrom: true, startUs: 150 }),
    ]);
    const out = adjustClockSkew(input);
    expect(out.adjustments).toEqual([]);
    expect(out.trace).toBe(input);
  });

  it('does not shift a child on the same host as its parent', () => {
    const input = trace([
      span('p', { ...host('1', 'a'), startUs: 100, durationUs: 10 }),
      span('c', { ...host('1', 'a'), parentId: 'p', startUs: 50, durationUs: 5 }),
    ]);
    expect(adjustClockSkew(input).adjustments).toEqual([]);
  });
});
