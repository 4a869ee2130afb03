import { requestIdentity } from '@/lib/auth/request-identity';
import { toProblemResponse } from '@/lib/errors';
import { getServices } from '@/lib/server/get-services';
import { parseServicesQuery } from './schema';

export const dynamic = 'force-dynamic';

/** GET /api/services?namespaces=a,b → {services: [...], metricsError?}; all namespaces without the parameter. */
export async function GET(req: Request): Promise<Response> {
  try {
    const { namespaces } = parseServicesQuery(new URL(req.url).searchParams);
    return Response.json(await getServices(await requestIdentity(req), namespaces));
  } catch (err) {
    return toProblemResponse(err);
  }
}
