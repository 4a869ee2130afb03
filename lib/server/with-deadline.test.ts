import { describe, expect, it } from 'vitest';
import { withDeadline } from './with-deadline';

const after = <T>(ms: number, value: T): Promise<T> =>
  new Promise((resolve) => setTimeout(() => resolve(value), ms));

describe('withDeadline', () => {
  it('passes a timely result through', async () => {
    await expect(withDeadline(after(1, 'ok'), 1000, () => new Error('late'))).resolves.toBe('ok');
  });

  it('fails with the timeout error when the work is late', async () => {
    await expect(withDeadline(after(200, 'ok'), 10, () => new Error('late'))).rejects.toThrow(
      'late',
    );
  });

  it('passes a timely failure through', async () => {
    await expect(
      withDeadline(Promise.reject(new Error('boom')), 1000, () => new Error('late')),
    ).rejects.toThrow('boom');
  });
});
