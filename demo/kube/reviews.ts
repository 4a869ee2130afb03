import { z } from 'zod';
import type { TokenAuthenticator } from './authn';
import type { Reply } from './operations';
import { decide, rulesFor, type RbacPolicy, type RequestAttributes, type UserInfo } from './rbac';
import type { ResourceDef } from './resources';
import { badRequest } from './status';

/**
 * The review APIs of authentication.k8s.io/v1 and authorization.k8s.io/v1: created, answered at once
 * and never stored, so the reply is the request with its status filled in (201, like any create).
 */

const resourceAttributesSchema = z.object({
  namespace: z.string().optional(),
  verb: z.string().optional(),
  group: z.string().optional(),
  version: z.string().optional(),
  resource: z.string().optional(),
  subresource: z.string().optional(),
  name: z.string().optional(),
});
const nonResourceAttributesSchema = z.object({
  path: z.string().optional(),
  verb: z.string().optional(),
});
const accessSpecSchema = z.object({
  resourceAttributes: resourceAttributesSchema.optional(),
  nonResourceAttributes: nonResourceAttributesSchema.optional(),
  user: z.string().optional(),
  groups: z.array(z.string()).optional(),
  uid: z.string().optional(),
  extra: z.record(z.string(), z.array(z.string())).optional(),
});
type AccessSpec = z.infer<typeof accessSpecSchema>;

const reviewSchema = z.object({
  metadata: z.record(z.string(), z.unknown()).optional(),
  spec: z.record(z.string(), z.unknown()).optional(),
});

export interface ReviewContext {
  /** Who sent the review (after impersonation). */
  caller: UserInfo;
  policy: RbacPolicy;
  authenticator: TokenAuthenticator;
  /** The namespace in the URL (LocalSubjectAccessReview only). */
  namespace?: string;
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) throw badRequest(`${what}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

function userInfoJson(user: UserInfo): Record<string, unknown> {
  return { username: user.name, ...(user.uid ? { uid: user.uid } : {}), groups: user.groups };
}

function accessStatus(
  policy: RbacPolicy,
  user: UserInfo,
  spec: AccessSpec,
): Record<string, unknown> {
  let attrs: RequestAttributes;
  if (spec.resourceAttributes) {
    const r = spec.resourceAttributes;
    attrs = {
      user,
      resourceRequest: true,
      verb: r.verb ?? '',
      apiGroup: r.group ?? '',
      apiVersion: r.version ?? '',
      resource: r.resource ?? '',
      ...(r.subresource ? { subresource: r.subresource } : {}),
      ...(r.namespace ? { namespace: r.namespace } : {}),
      ...(r.name ? { name: r.name } : {}),
    };
  } else if (spec.nonResourceAttributes) {
    const n = spec.nonResourceAttributes;
    attrs = { user, resourceRequest: false, verb: n.verb ?? '', path: n.path ?? '' };
  } else {
    throw badRequest(
      'spec.resourceAttributes: Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified',
    );
  }
  const decision = decide(policy, attrs);
  return { allowed: decision.allowed, ...(decision.reason ? { reason: decision.reason } : {}) };
}

export function answerReview(
  def: ResourceDef,
  version: string,
  body: unknown,
  ctx: ReviewContext,
): Reply {
  const review = parse(reviewSchema, body, def.kind);
  const spec = review.spec ?? {};
  const head = { kind: def.kind, apiVersion: `${def.group}/${version}`, metadata: {} };
  const reply = (status: Record<string, unknown>, shownSpec: unknown = spec): Reply => ({
    code: 201,
    body: { ...head, ...(def.kind === 'SelfSubjectReview' ? {} : { spec: shownSpec }), status },
  });
  switch (def.kind) {
    case 'TokenReview': {
      const { token = '' } = parse(z.object({ token: z.string().optional() }), spec, 'spec');
      const user = ctx.authenticator.userFor(token);
      return reply(user ? { authenticated: true, user: userInfoJson(user) } : { user: {} });
    }
    case 'SelfSubjectReview':
      return reply({ userInfo: userInfoJson(ctx.caller) });
    case 'SelfSubjectAccessReview':
      return reply(accessStatus(ctx.policy, ctx.caller, parse(accessSpecSchema, spec, 'spec')));
    case 'SubjectAccessReview':
    case 'LocalSubjectAccessReview': {
      const s = parse(accessSpecSchema, spec, 'spec');
      if (!s.user && (s.groups ?? []).length === 0)
        throw badRequest(
          `${def.kind}.authorization.k8s.io "" is invalid: spec.user: Invalid value: "": at least one of user or group must be specified`,
        );
      if (
        def.kind === 'LocalSubjectAccessReview' &&
        s.resourceAttributes?.namespace !== ctx.namespace
      )
        throw badRequest(
          `spec.resourceAttributes.namespace must match namespace: ${ctx.namespace ?? ''}`,
        );
      const user: UserInfo = {
        name: s.user ?? '',
        ...(s.uid ? { uid: s.uid } : {}),
        groups: s.groups ?? [],
      };
      return reply(accessStatus(ctx.policy, user, s));
    }
    case 'SelfSubjectRulesReview': {
      const { namespace = '' } = parse(
        z.object({ namespace: z.string().optional() }),
        spec,
        'spec',
      );
      if (namespace === '') throw badRequest('no namespace on request');
      const rules = rulesFor(ctx.policy, ctx.caller, namespace);
      return reply({
        resourceRules: rules.resourceRules,
        nonResourceRules: rules.nonResourceRules,
        incomplete: rules.incomplete,
        ...(rules.evaluationError ? { evaluationError: rules.evaluationError } : {}),
      });
    }
    default:
      throw badRequest(`${def.kind} is not a review`);
  }
}
