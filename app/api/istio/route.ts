import { requestIdentity } from '@/lib/auth/request-identity';
import { toProblemResponse } from '@/lib/errors';
import { listIstioConfig } from '@/lib/server/istio-config/list-istio-config';
import { parseListQuery } from './schema';

export const dynamic = 'force-dynamic';

/** GET /api/istio?namespaces=a,b&kind=VirtualService → [{kind, namespace, name, resourceVersion, validations}]. */
export async function GET(req: Request): Promise<Response> {
  try {
    const { namespaces, kind } = parseListQuery(new URL(req.url).searchParams);
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
