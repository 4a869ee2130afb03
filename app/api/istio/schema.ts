import { z } from 'zod';
import { InvalidError } from '@/lib/errors';
import { ISTIO_KIND_NAMES, kindFromSegment, type IstioKindName } from '@/lib/mesh/istio-kinds';
import { isNamespaceName } from '@/lib/mesh/namespace-name';

const DNS_1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A YAML text larger than this is not a routing object a person edits; it is a mistake or an attack. */
const MAX_YAML_BYTES = 256 * 1024;
const MAX_NAMESPACES = 200;

const namespace = z
  .string()
  .refine(isNamespaceName, { error: "not a namespace name (1–63 of a-z, 0-9 and '-')" });
const objectName = z
  .string()
  .max(253)
  .regex(DNS_1123_SUBDOMAIN, { error: "not an object name (a-z, 0-9, '-' and '.')" });
const kind = z.string().transform((segment, ctx): IstioKindName => {
  const found = kindFromSegment(segment);
  if (!found) {
    ctx.addIssue({ code: 'custom', message: `one of ${ISTIO_KIND_NAMES.join(', ')}` });
    return z.NEVER;
  }
  return found;
});
const flag = z
  .enum(['true', 'false'], { error: 'true or false' })
  .default('false')
  .transform((v) => v === 'true');
const yaml = z
  .string()
  .min(1, 'required: the object as YAML')
  .max(MAX_YAML_BYTES, 'at most 256 KiB');

function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown, malformed: boolean): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw InvalidError.fromZod(parsed.error, { malformedQuery: malformed });
  return parsed.data;
}

async function jsonBody(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new InvalidError('The request body is not valid JSON.', [], { malformedQuery: true });
  }
}

const ListQuery = z.object({
  namespaces: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean),
    )
    .pipe(z.array(namespace).max(MAX_NAMESPACES))
    .optional(),
  kind: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(kind))
    .optional(),
});

export function parseListQuery(search: URLSearchParams): z.infer<typeof ListQuery> {
  return parseOrThrow(ListQuery, Object.fromEntries(search), true);
}

const ObjectParams = z.object({ namespace, kind, name: objectName });
export function parseObjectParams(params: unknown): z.infer<typeof ObjectParams> {
  return parseOrThrow(ObjectParams, params, true);
}

export function parseNamespaceParam(params: unknown): string {
  return parseOrThrow(z.object({ namespace }), params, true).namespace;
}

export function parseDryRun(search: URLSearchParams): boolean {
  return parseOrThrow(
    z.object({ dryRun: flag }),
    { dryRun: search.get('dryRun') ?? undefined },
    true,
  ).dryRun;
}

const resourceVersion = z
  .string()
  .min(1, 'required: the resourceVersion the editor loaded')
  .max(64);

export async function parseValidateBody(
  req: Request,
): Promise<{ yaml: string; namespace?: string; alongside?: string[] }> {
  return parseOrThrow(
    z.object({ yaml, namespace: namespace.optional(), alongside: z.array(yaml).max(4).optional() }),
    await jsonBody(req),
    false,
  );
}

export async function parseReplaceBody(
  req: Request,
): Promise<{ yaml: string; resourceVersion: string }> {
  return parseOrThrow(z.object({ yaml, resourceVersion }), await jsonBody(req), false);
}

export async function parseCreateBody(req: Request): Promise<{ yaml: string }> {
  return parseOrThrow(z.object({ yaml }), await jsonBody(req), false);
}

export function parseDeleteQuery(search: URLSearchParams): {
  resourceVersion: string;
  dryRun: boolean;
} {
  return parseOrThrow(
    z.object({ resourceVersion, dryRun: flag }),
    {
      resourceVersion: search.get('resourceVersion') ?? undefined,
      dryRun: search.get('dryRun') ?? undefined,
    },
    true,
  );
}
