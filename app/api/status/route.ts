import { toProblemResponse } from '@/lib/errors';
import { getStatus } from '@/lib/server/get-status';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  try {
    return Response.json(await getStatus());
  } catch (err) {
    return toProblemResponse(err);
  }
}
