import { requestIdentity } from '@/lib/auth/request-identity';
import { toProblemResponse } from '@/lib/errors';
import { getTraces } from '@/lib/server/get-traces';
import { timedJson } from '@/lib/server/server-timing';
import { parseTracesParams } from './schema';

export const dynamic = 'force-dynamic';

/** GET /api/traces?namespace=&source=&target=&window=&limit=… → TracesResponse. */
export async function GET(request: Request): Promise<Response> {
  const started = performance.now();
  try {
    const req = parseTracesParams(new URL(request.url).searchParams);
    const t = performance.now();
    const body = await getTraces(req, await requestIdentity(request));
    return timedJson(body, [{ name: 'jaeger', durMs: performance.now() - t }], started);
  } catch (err) {
    return toProblemResponse(err);
  }
}
