import { requestIdentity } from '@/lib/auth/request-identity';
import { toProblemResponse } from '@/lib/errors';
import { getNamespaces } from '@/lib/server/get-namespaces';
import { parseNamespacesQuery } from './schema';

export const dynamic = 'force-dynamic';

/** GET /api/namespaces[?window=1m&end=…] → one card per namespace this person may see. */
export async function GET(req: Request): Promise<Response> {
  try {
    const time = parseNamespacesQuery(new URL(req.url).searchParams);
    return Response.json(await getNamespaces(await requestIdentity(req), time));
  } catch (err) {
    return toProblemResponse(err);
  }
}
