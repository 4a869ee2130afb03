import { requestIdentity } from '@/lib/auth/request-identity';
import { toProblemResponse } from '@/lib/errors';
import { getSecurity } from '@/lib/server/security/get-security';
import { parseSecurityQuery } from './schema';

export const dynamic = 'force-dynamic';

/**
 * GET /api/security?namespaces=a,b&window=5m[&end=…] → {mesh, namespaces, workloads, edges, metricsError?}:
 * mTLS posture at every level, STRICT readiness from observed plaintext callers, and the
 * AuthorizationPolicies' verdict on each observed edge. All visible namespaces without the parameter.
 */
export async function GET(req: Request): Promise<Response> {
  try {
    const { namespaces, window, end } = parseSecurityQuery(new URL(req.url).searchParams);
    return Response.json(await getSecurity(await requestIdentity(req), namespaces, window, end));
  } catch (err) {
    return toProblemResponse(err);
  }
}
