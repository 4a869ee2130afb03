import { z } from 'zod';
import { namespaceList } from '@/app/api/graph/schema';
import { InvalidError, toProblemResponse } from '@/lib/errors';
import { getWorkloads } from '@/lib/server/get-workloads';

export const dynamic = 'force-dynamic';

const Query = z.object({ namespaces: namespaceList.optional() });

/** GET /api/workloads?namespaces=a,b → {workloads: [...], metricsError?}; all namespaces without the parameter. */
export async function GET(req: Request): Promise<Response> {
  try {
    const search = Object.fromEntries(new URL(req.url).searchParams);
    if (search.namespaces === '') delete search.namespaces;
    const parsed = Query.safeParse(search);
    if (!parsed.success) throw InvalidError.fromZod(parsed.error, { malformedQuery: true });
    return Response.json(await getWorkloads(parsed.data.namespaces));
  } catch (err) {
    return toProblemResponse(err);
  }
}
