import { requestIdentity } from '@/lib/auth/request-identity';
import { toProblemResponse } from '@/lib/errors';
import { listAppliedConfig } from '@/lib/server/istio-config/list-applied-config';
import { listIstioConfig } from '@/lib/server/istio-config/list-istio-config';
import { isAppliedQuery, parseAppliedQuery, parseListQuery } from './schema';

export const dynamic = 'force-dynamic';

/**
 * GET /api/istio?namespaces=a,b&kind=VirtualService → [{kind, namespace, name, resourceVersion,
 * validations}]; with `workload=`, `app=` or `service=<ns>/<name>` instead: the objects that apply to
 * it, each with `via`.
 */
export async function GET(req: Request): Promise<Response> {
  try {
    const search = new URL(req.url).searchParams;
    if (isAppliedQuery(search))
      return Response.json(
        await listAppliedConfig(parseAppliedQuery(search), await requestIdentity(req)),
      );
    const { namespaces, kind } = parseListQuery(search);
    return Response.json(
      await listIstioConfig(
        { ...(namespaces && { namespaces }), ...(kind && { kinds: kind }) },
        await requestIdentity(req),
      ),
    );
  } catch (err) {
    return toProblemResponse(err);
  }
}
