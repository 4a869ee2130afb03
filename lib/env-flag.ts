import { z } from 'zod';

/** A true/false environment variable, as lib/config.ts and lib/auth/auth-config.ts read them. */
export const boolFlag = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['true', 'false', '1', '0'].includes(v), {
    error: (issue) => `must be true, false, 1 or 0, got '${String(issue.input)}'`,
  })
  .transform((v) => v === 'true' || v === '1');
