import { requestIdentity } from '@/lib/auth/request-identity';
import { CLEARED_SESSION_COOKIE } from '@/lib/auth/session-cookie-name';
import { describeSession, signIn, signOut } from '@/lib/auth/sign-in';
import { toProblemResponse } from '@/lib/errors';
import { assertFromMeshlensPage } from '@/lib/server/write-guard';
import { parseSignInBody } from './schema';

export const dynamic = 'force-dynamic';

/** GET /api/session → SessionResponse, or 401 when nobody is signed in. */
export async function GET(req: Request): Promise<Response> {
  try {
    return Response.json(await describeSession(await requestIdentity(req)), {
      headers: { 'cache-control': 'no-store' },
    });
  } catch (err) {
    return toProblemResponse(err);
  }
}

/** POST /api/session {token} → 204 with the session cookie, or 401 "The API server did not accept this token". */
export async function POST(req: Request): Promise<Response> {
  try {
    assertFromMeshlensPage(req);
    const { token } = await parseSignInBody(req);
    const cookie = await signIn(req, token);
    return new Response(null, {
      status: 204,
      headers: { 'set-cookie': cookie, 'cache-control': 'no-store' },
    });
  } catch (err) {
    return toProblemResponse(err);
  }
}

/** DELETE /api/session → 204, the cookie cleared (a sealed cookie has no server state to end). */
export async function DELETE(req: Request): Promise<Response> {
  try {
    assertFromMeshlensPage(req);
    await signOut(req);
    return new Response(null, { status: 204, headers: { 'set-cookie': CLEARED_SESSION_COOKIE } });
  } catch (err) {
    return toProblemResponse(err);
  }
}
