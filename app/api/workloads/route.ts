import { requestIdentity } from '@/lib/auth/request-identity';
import { toProblemResponse } from '@/lib/errors';
import { getWorkloads } from '@/lib/server/get-workloads';
import { parseWorkloadsQuery } from './schema';

export const dynamic = 'force-dynamic';

/**
 * GET /api/workloads?namespaces=a,b&window=1h&end=… → {workloads: [...], metricsError?, warnings?}; all
 * namespaces without the parameter, the last minute without a window.
 */
export async function GET(req: Request): Promise<Response> {
  try {
    const { body, queries } = await getWorkloads(
      await requestIdentity(req),
      parseWorkloadsQuery(new URL(req.url).searchParams),
    );
    return Response.json(body, { headers: { 'meshlens-prometheus-queries': String(queries) } });
  } catch (err) {
    return toProblemResponse(err);
  }
}
