import { z } from 'zod';
import type {
  AppliedConfigQuery,
  IstioCreateBody,
  IstioDeleteQuery,
  IstioListQuery,
  IstioObjectParams,
  IstioReplaceBody,
  IstioValidateBody,
} from '@/lib/api/istio';
import { InvalidError, PayloadTooLargeError } from '@/lib/errors';
import {
  CLUSTER_SEGMENT,
  ISTIO_KIND_NAMES,
  isClusterScoped,
  kindFromSegment,
  type IstioKindName,
} from '@/lib/mesh/istio/kinds';
import { isNamespaceName } from '@/lib/mesh/namespace-name';
import { parseParams, parseQuery } from '@/lib/server/parse-input';
import { readJsonBody } from '@/lib/server/read-json-body';

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
const yaml = z.string().min(1, 'required: the object as YAML');
/** The analyzers' errors (a subset nobody defines…) block a write unless the person chose to override them. */
const applyAnyway = z.boolean().default(false);

/** A text past the limit is refused as too large (413), like a body past its own limit. */
function assertYamlSize(texts: readonly string[]): void {
  const encoder = new TextEncoder();
  if (texts.some((t) => t.length > MAX_YAML_BYTES || encoder.encode(t).length > MAX_YAML_BYTES))
    throw new PayloadTooLargeError(
      'A YAML text is larger than 256 KiB; that is not a routing object a person edits.',
      MAX_YAML_BYTES,
    );
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

export function parseListQuery(search: URLSearchParams): IstioListQuery {
  return parseQuery(ListQuery, search);
}

/** A label value (an app name): 63 at most of alphanumerics, '-', '_' and '.', alphanumeric at the ends. */
const LABEL_VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

function qualified(what: string, name: z.ZodType<string>) {
  return z
    .string()
    .transform((s, ctx) => {
      const slash = s.indexOf('/');
      const ns = namespace.safeParse(s.slice(0, Math.max(slash, 0)));
      const n = name.safeParse(s.slice(slash + 1));
      if (slash < 0 || !ns.success || !n.success) {
        ctx.addIssue({ code: 'custom', message: `<namespace>/<${what}>` });
        return z.NEVER;
      }
      return { namespace: ns.data, name: n.data };
    })
    .optional();
}

const AppliedQuery = z.object({
  workload: qualified('workload', objectName),
  app: qualified('app', z.string().regex(LABEL_VALUE)),
  service: qualified('service', namespace),
});

const SUBJECT_KEYS = ['workload', 'app', 'service'] as const;

/** Whether the list is asked for what applies to one workload, app or service. */
export function isAppliedQuery(search: URLSearchParams): boolean {
  return SUBJECT_KEYS.some((k) => search.has(k));
}

/** Exactly one of workload, app, service, each `<namespace>/<name>`; 400 naming the parameter. */
export function parseAppliedQuery(search: URLSearchParams): AppliedConfigQuery {
  const given = SUBJECT_KEYS.filter((k) => search.has(k));
  if (given.length !== 1 || search.has('namespaces') || search.has('kind'))
    throw new InvalidError(
      'workload: give one of workload, app or service (<namespace>/<name>), alone',
      [{ path: given[1] ?? 'workload', message: 'one subject, without namespaces or kind' }],
      { malformedQuery: true },
    );
  const q = parseQuery(AppliedQuery, search);
  if (q.workload) return { kind: 'workload', ...q.workload };
  if (q.app) return { kind: 'app', namespace: q.app.namespace, app: q.app.name };
  if (q.service) return { kind: 'service', ...q.service };
  throw new Error('unreachable: one subject was given');
}

/** A namespace, or CLUSTER_SEGMENT for a cluster-scoped object (GatewayClass), which becomes ''. */
const namespaceOrCluster = z.union([z.literal(CLUSTER_SEGMENT).transform(() => ''), namespace]);

const ObjectParams = z
  .object({ namespace: namespaceOrCluster, kind, name: objectName })
  .refine((p) => (p.namespace === '') === isClusterScoped(p.kind), {
    error: `a GatewayClass goes under ${CLUSTER_SEGMENT}, any other kind under its namespace`,
    path: ['namespace'],
  });
export function parseObjectParams(params: unknown): IstioObjectParams {
  return parseParams(ObjectParams, params);
}

/** The namespace to create in; '' (from CLUSTER_SEGMENT) for a cluster-scoped object. */
export function parseNamespaceParam(params: unknown): string {
  return parseParams(z.object({ namespace: namespaceOrCluster }), params).namespace;
}

const DryRunQuery = z.object({ dryRun: flag });

export function parseDryRun(search: URLSearchParams): boolean {
  return parseQuery(DryRunQuery, search).dryRun;
}

const resourceVersion = z
  .string()
  .min(1, 'required: the resourceVersion the editor loaded')
  .max(64);

/** Objects written in the same step (a routing form's DestinationRule), checked as if stored. */
const alongside = z.array(yaml).max(4);

const ValidateBody = z.object({
  yaml,
  namespace: namespace.optional(),
  alongside: alongside.optional(),
});

export async function parseValidateBody(req: Request): Promise<IstioValidateBody> {
  const body = await readJsonBody(req, ValidateBody);
  assertYamlSize([body.yaml, ...(body.alongside ?? [])]);
  return body;
}

const ReplaceBody = z.object({
  yaml,
  resourceVersion,
  applyAnyway,
  alongside: alongside.default([]),
});

export async function parseReplaceBody(req: Request): Promise<IstioReplaceBody> {
  const body = await readJsonBody(req, ReplaceBody);
  assertYamlSize([body.yaml, ...body.alongside]);
  return body;
}

const CreateBody = z.object({ yaml, applyAnyway, alongside: alongside.default([]) });

export async function parseCreateBody(req: Request): Promise<IstioCreateBody> {
  const body = await readJsonBody(req, CreateBody);
  assertYamlSize([body.yaml, ...body.alongside]);
  return body;
}

const DeleteQuery = z.object({ resourceVersion, dryRun: flag });

export function parseDeleteQuery(search: URLSearchParams): IstioDeleteQuery {
  return parseQuery(DeleteQuery, search);
}
