import { requestIdentity } from '@/lib/auth/request-identity';
import { toProblemResponse } from '@/lib/errors';
import { getServices } from '@/lib/server/get-services';
import { parseServicesQuery } from './schema';

export const dynamic = 'force-dynamic';

/**
 * GET /api/services?namespaces=a,b&window=1h&end=… → {services: [...], metricsError?, warnings?}; all
 * namespaces without the parameter, the last minute without a window.
 */
export async function GET(req: Request): Promise<Response> {
  try {
    const { body, queries } = await getServices(
      await requestIdentity(req),
      parseServicesQuery(new URL(req.url).searchParams),
    );
    return Response.json(body, { headers: { 'meshlens-prometheus-queries': String(queries) } });
  } catch (err) {
    return toProblemResponse(err);
  }
}
