import { z } from 'zod';
import type { AuthorizationPreviewBody } from '@/lib/api/security';
import { windowParam } from '@/app/api/graph/schema';
import type { Window } from '@/lib/mesh/types';
import { readJsonBody } from '@/lib/server/read-json-body';

/** An AuthorizationPolicy a person edits is a few KiB; the editor's own limit for any object is 256 KiB. */
const MAX_BODY_BYTES = 256 * 1024;

const Body = z.object({
  yaml: z.string().min(1, 'required: the AuthorizationPolicy as YAML'),
  window: windowParam.default('5m'),
});

export async function parsePreviewBody(
  req: Request,
): Promise<AuthorizationPreviewBody & { readonly window: Window }> {
  return readJsonBody(req, Body, { maxBytes: MAX_BODY_BYTES });
}
