import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  InvalidError,
  NotFoundError,
  UpstreamTimeoutError,
} from '@/lib/errors';
import { auditResultOf, auditWrite } from './audit-log';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('auditWrite', () => {
  it('bounds every string a request controls and says which were cut', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const huge = 'x'.repeat(1024 * 1024);
    auditWrite({
      action: 'update-weights',
      kind: 'VirtualService',
      namespace: 'shop',
      name: huge,
      who: 'ann',
      diffSummary: huge,
      result: 'invalid',
      dryRun: false,
      detail: huge,
      applyAnyway: true,
      overridden: Array.from({ length: 500 }, () => huge),
    });
    const line = String(log.mock.calls[0]?.[0]);
    expect(line.length).toBeLessThan(16 * 1024);
    const parsed = JSON.parse(line) as { truncated: string[]; overridden: string[]; name: string };
    expect(parsed.truncated).toEqual(['name', 'diffSummary', 'detail', 'overridden']);
    expect(parsed.overridden).toHaveLength(20);
    expect(parsed.name.endsWith('…')).toBe(true);
  });

  it('records an apply-anyway with the errors it overrode', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    auditWrite({
      action: 'replace',
      kind: 'VirtualService',
      namespace: 'shop',
      name: 'checkout',
      who: 'ann',
      diffSummary: '+1 -1 lines',
      result: 'ok',
      dryRun: false,
      applyAnyway: true,
      overridden: ['IST0101 spec.http[0].route[0].destination.subset: no subset v9'],
    });
    const parsed = JSON.parse(String(log.mock.calls[0]?.[0])) as Record<string, unknown>;
    expect(parsed).toMatchObject({
      applyAnyway: true,
      overridden: [expect.stringMatching(/^IST0101/)],
    });
    expect(parsed.truncated).toBeUndefined();
  });

  it('writes one parseable JSON line with every field', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    auditWrite(
      {
        action: 'update-weights',
        kind: 'VirtualService',
        namespace: 'bookinfo',
        name: 'reviews',
        who: 'ann@example.com',
        diffSummary: 'route 0: v1 80→50, v3 10→50',
        result: 'ok',
        dryRun: false,
      },
      () => new Date('2026-01-02T03:04:05Z'),
    );
    expect(log).toHaveBeenCalledTimes(1);
    const line = String(log.mock.calls[0]?.[0]);
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      time: '2026-01-02T03:04:05.000Z',
      event: 'meshlens.audit',
      action: 'update-weights',
      kind: 'VirtualService',
      namespace: 'bookinfo',
      name: 'reviews',
      who: 'ann@example.com',
      diffSummary: 'route 0: v1 80→50, v3 10→50',
      result: 'ok',
      dryRun: false,
    });
  });
});

describe('auditResultOf', () => {
  it('maps typed errors to results and anything else to error', () => {
    expect(auditResultOf(new InvalidError('bad'))).toBe('invalid');
    expect(auditResultOf(new ConflictError('stale'))).toBe('conflict');
    expect(auditResultOf(new ForbiddenError('no'))).toBe('forbidden');
    expect(auditResultOf(new NotFoundError('gone'))).toBe('not-found');
    expect(auditResultOf(new UpstreamTimeoutError('kubernetes', 'no answer'))).toBe('timeout');
    expect(auditResultOf(new Error('boom'))).toBe('error');
  });
});
