import { requestIdentity } from '@/lib/auth/request-identity';
import { toProblemResponse } from '@/lib/errors';
import { getApps } from '@/lib/server/get-apps';
import { parseAppsQuery } from './schema';

export const dynamic = 'force-dynamic';

/**
 * GET /api/apps?namespaces=a,b&window=1h&end=… → {apps: [...], metricsError?, warnings?}; all
 * namespaces without the parameter, the last minute without a window.
 */
export async function GET(req: Request): Promise<Response> {
  try {
    const { body, queries } = await getApps(
      await requestIdentity(req),
      parseAppsQuery(new URL(req.url).searchParams),
    );
    return Response.json(body, { headers: { 'meshlens-prometheus-queries': String(queries) } });
  } catch (err) {
    return toProblemResponse(err);
  }
}
