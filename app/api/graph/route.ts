import { requestIdentity } from '@/lib/auth/request-identity';
import { toProblemResponse } from '@/lib/errors';
import { getGraph } from '@/lib/server/get-graph';
import { timedJson } from '@/lib/server/server-timing';
import { parseGraphParams } from './schema';

export const dynamic = 'force-dynamic';

/** GET /api/graph?namespaces=a,b&type=workload&window=5m&idle=false&ambient=total → MeshGraph. */
export async function GET(request: Request): Promise<Response> {
  const started = performance.now();
  try {
    const { graph, timings, queries } = await getGraph(
      parseGraphParams(new URL(request.url).searchParams),
      await requestIdentity(request),
    );
    return timedJson(graph, timings, started, { 'meshlens-prometheus-queries': String(queries) });
  } catch (err) {
    return toProblemResponse(err);
  }
}
