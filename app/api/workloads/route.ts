import { requestIdentity } from '@/lib/auth/request-identity';
import { toProblemResponse } from '@/lib/errors';
import { getWorkloads } from '@/lib/server/get-workloads';
import { parseWorkloadsQuery } from './schema';

export const dynamic = 'force-dynamic';

/** GET /api/workloads?namespaces=a,b → {workloads: [...], metricsError?}; all namespaces without the parameter. */
export async function GET(req: Request): Promise<Response> {
  try {
    const { namespaces } = parseWorkloadsQuery(new URL(req.url).searchParams);
    return Response.json(await getWorkloads(await requestIdentity(req), namespaces));
  } catch (err) {
    return toProblemResponse(err);
  }
}
