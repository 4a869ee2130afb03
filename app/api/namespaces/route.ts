import { requestIdentity } from '@/lib/auth/request-identity';
import { toProblemResponse } from '@/lib/errors';
import { getNamespaces } from '@/lib/server/get-namespaces';

export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  try {
    return Response.json(await getNamespaces(await requestIdentity(req)));
  } catch (err) {
    return toProblemResponse(err);
  }
}
