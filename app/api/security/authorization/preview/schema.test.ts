import { describe, expect, it } from 'vitest';
import { InvalidError, PayloadTooLargeError } from '@/lib/errors';
import { parsePreviewBody } from './schema';

const post = (body: string): Request =>
  new Request('http://127.0.0.1/api/security/authorization/preview', { method: 'POST', body });

describe('POST /api/security/authorization/preview body', () => {
  it('takes the YAML and a window, 5m when none is given', async () => {
    await expect(parsePreviewBody(post(JSON.stringify({ yaml: 'kind: x' })))).resolves.toEqual({
      yaml: 'kind: x',
      window: '5m',
    });
    await expect(
      parsePreviewBody(post(JSON.stringify({ yaml: 'kind: x', window: '1h' }))),
    ).resolves.toMatchObject({ window: '1h' });
  });

  it('refuses a missing YAML, an unknown window, a body that is no JSON and one too large', async () => {
    await expect(parsePreviewBody(post('{}'))).rejects.toMatchObject({ status: 422 });
    await expect(
      parsePreviewBody(post(JSON.stringify({ yaml: 'x', window: '45d' }))),
    ).rejects.toBeInstanceOf(InvalidError);
    await expect(parsePreviewBody(post('yaml: x'))).rejects.toMatchObject({ status: 400 });
    await expect(
      parsePreviewBody(post(JSON.stringify({ yaml: 'x'.repeat(300 * 1024) }))),
    ).rejects.toBeInstanceOf(PayloadTooLargeError);
  });
});
