import { sessionAccess } from '@/lib/auth/access';
import { requestIdentity } from '@/lib/auth/request-identity';
import type { SessionResponse } from '@/lib/api/session';
import { toProblemResponse } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** Stand-in until the sign-in branch (auth-core) lands; the integrator keeps auth-core's route. */
export async function GET(req: Request): Promise<Response> {
  try {
    const identity = await requestIdentity(req);
    const body: SessionResponse = {
      user: 'anonymous',
      groups: [],
      strategy: 'anonymous',
      ...(await sessionAccess(identity)),
    };
    return Response.json(body);
  } catch (err) {
    return toProblemResponse(err);
  }
}
