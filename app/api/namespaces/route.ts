import { toProblemResponse } from '@/lib/errors';
import { getNamespaces } from '@/lib/server/get-namespaces';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  try {
    return Response.json(await getNamespaces());
  } catch (err) {
    return toProblemResponse(err);
  }
}
