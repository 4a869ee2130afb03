import { requestIdentity } from '@/lib/auth/request-identity';
import { toProblemResponse } from '@/lib/errors';
import { getIstioObject } from '@/lib/server/istio-config/get-istio-object';
import {
  deleteIstioObject,
  replaceIstioObject,
} from '@/lib/server/istio-config/write-istio-object';
import { assertWritable } from '@/lib/server/write-guard';
import {
  parseDeleteQuery,
  parseDryRun,
  parseObjectParams,
  parseReplaceBody,
} from '../../../schema';

export const dynamic = 'force-dynamic';

interface Context {
  readonly params: Promise<{ namespace: string; kind: string; name: string }>;
}

/** GET → {kind, namespace, name, resourceVersion, yaml, object, validations (with lines)}. */
export async function GET(req: Request, ctx: Context): Promise<Response> {
  try {
    const { kind, namespace, name } = parseObjectParams(await ctx.params);
    return Response.json(await getIstioObject(kind, namespace, name, await requestIdentity(req)));
  } catch (err) {
    return toProblemResponse(err);
  }
}

/** PUT [?dryRun=true] {yaml, resourceVersion, applyAnyway?}: 422 with lines when invalid (analyzer errors only until applyAnyway), 409 when stale. */
export async function PUT(req: Request, ctx: Context): Promise<Response> {
  try {
    assertWritable(req);
    const identity = await requestIdentity(req);
    const target = parseObjectParams(await ctx.params);
    const dryRun = parseDryRun(new URL(req.url).searchParams);
    const body = await parseReplaceBody(req);
    return Response.json(await replaceIstioObject({ ...target, ...body, dryRun, identity }));
  } catch (err) {
    return toProblemResponse(err);
  }
}

/** DELETE ?resourceVersion=…[&dryRun=true]: 409 if the object changed since it was read. */
export async function DELETE(req: Request, ctx: Context): Promise<Response> {
  try {
    assertWritable(req);
    const identity = await requestIdentity(req);
    const target = parseObjectParams(await ctx.params);
    const query = parseDeleteQuery(new URL(req.url).searchParams);
    return Response.json(await deleteIstioObject({ ...target, ...query, identity }));
  } catch (err) {
    return toProblemResponse(err);
  }
}
