import { z } from 'zod';
import type { SignInBody } from '@/lib/api/session';
import { readJsonBody } from '@/lib/server/read-json-body';

/** A Kubernetes token is a JWT of a few KiB at most; the body is bounded well below the usual 1 MiB. */
const MAX_SIGN_IN_BYTES = 8 * 1024;

const SignIn = z.object({
  token: z
    .string()
    .trim()
    .min(1, 'required: a Kubernetes bearer token')
    .max(MAX_SIGN_IN_BYTES, 'too long for a Kubernetes token')
    .regex(/^[\x21-\x7e]+$/, 'a bearer token has no spaces or control characters'),
});

export function parseSignInBody(req: Request): Promise<SignInBody> {
  return readJsonBody(req, SignIn, { maxBytes: MAX_SIGN_IN_BYTES });
}
