import { z } from 'zod';
import type { SignInBody } from '@/lib/api/session';
import { UnauthenticatedError } from '@/lib/errors';
import { readJsonBody } from '@/lib/server/read-json-body';

/** A Kubernetes token is a JWT of a few KiB at most; the body is bounded well below the usual 1 MiB. */
const MAX_SIGN_IN_BYTES = 8 * 1024;

const SignIn = z.object({
  token: z
    .string()
    .trim()
    .max(MAX_SIGN_IN_BYTES, 'too long for a Kubernetes token')
    .regex(/^[\x21-\x7e]*$/, 'a bearer token has no spaces or control characters')
    .optional(),
});

/** The body of POST /api/session; no token at all is a 401 like a wrong one, the answer to "who are you?". */
export async function parseSignInBody(req: Request): Promise<SignInBody> {
  const { token } = await readJsonBody(req, SignIn, { maxBytes: MAX_SIGN_IN_BYTES });
  if (!token) throw new UnauthenticatedError('Give a Kubernetes bearer token to sign in.');
  return { token };
}
