import { NotFoundError, toProblemResponse } from '@/lib/errors';

export const dynamic = 'force-dynamic';

function notFound(req: Request): Response {
  const { pathname } = new URL(req.url);
  return toProblemResponse(new NotFoundError(`There is no API at ${pathname}.`));
}

export {
  notFound as GET,
  notFound as POST,
  notFound as PUT,
  notFound as PATCH,
  notFound as DELETE,
};
