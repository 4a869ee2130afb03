/** Liveness: answers as long as the server runs, whatever the state of the data sources. */
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ ok: true });
}
