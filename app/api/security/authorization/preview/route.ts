import { requestIdentity } from '@/lib/auth/request-identity';
import { toProblemResponse } from '@/lib/errors';
import { previewAuthorizationYaml } from '@/lib/server/security/preview-authorization';
import { assertFromMeshlensPage } from '@/lib/server/write-guard';
import { parsePreviewBody } from './schema';

export const dynamic = 'force-dynamic';

/**
 * POST /api/security/authorization/preview {yaml, window?} → {changes: [{source, target, rps, before,
 * after, dependsOn?}], unchanged}: the observed edges a new or edited AuthorizationPolicy would start
 * denying or allowing. Writes nothing, so READ_ONLY does not stop it; it is a POST from the editor and
 * carries the CSRF header like one, because its answer describes live traffic.
 */
export async function POST(req: Request): Promise<Response> {
  try {
    assertFromMeshlensPage(req);
    const identity = await requestIdentity(req);
    const { yaml, window } = await parsePreviewBody(req);
    return Response.json(await previewAuthorizationYaml(identity, yaml, window));
  } catch (err) {
    return toProblemResponse(err);
  }
}
