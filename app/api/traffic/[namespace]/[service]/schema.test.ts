import { describe, expect, it } from 'vitest';
import { InvalidError } from '@/lib/errors';
import { parseTrafficParams, parseTrafficQuery, parseUpdateWeightsBody } from './schema';

const put = (body: string): Request =>
  new Request('http://x/api/traffic/a/b', { method: 'PUT', body });

describe('traffic route schema', () => {
  it('parses a body, the dry-run flag and the window', async () => {
    await expect(
      parseUpdateWeightsBody(put('{"weights":{"v1":50,"v2":50},"resourceVersion":"7","route":1}')),
    ).resolves.toEqual({
      weights: { v1: 50, v2: 50 },
      resourceVersion: '7',
      route: 1,
    });
    expect(parseTrafficQuery(new URLSearchParams('dryRun=true'))).toEqual({
      window: '1m',
      dryRun: true,
    });
  });

  it('answers malformed JSON with 400 and a bad body with 422', async () => {
    await expect(parseUpdateWeightsBody(put('{"weights":'))).rejects.toMatchObject({ status: 400 });
    const err: unknown = await parseUpdateWeightsBody(put('{"weights":{"v1":"50"}}')).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InvalidError);
    expect((err as InvalidError).status).toBe(422);
    expect((err as InvalidError).errors.map((e) => e.path)).toEqual([
      'weights.v1',
      'resourceVersion',
    ]);
  });

  it('refuses names that are not DNS labels and unknown windows', () => {
    expect(() => parseTrafficParams({ namespace: 'Bad_NS', service: 'x' })).toThrow(InvalidError);
    expect(() => parseTrafficQuery(new URLSearchParams('window=30s'))).toThrow(InvalidError);
  });
});
