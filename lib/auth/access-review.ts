import 'server-only';
import { z } from 'zod';
import type { KubeClient } from '@/lib/kube/client';

/** One question to the API server's authorizer, as a SelfSubjectAccessReview's resourceAttributes. */
export interface AccessQuestion {
  readonly verb: string;
  readonly group: string;
  readonly resource: string;
  readonly namespace: string;
  /** Set for a check on one object, so that RBAC rules restricted by resourceNames count. */
  readonly name?: string;
}

const ReviewWire = z.object({ status: z.object({ allowed: z.boolean() }).optional() });

export function questionKey(q: AccessQuestion): string {
  return [q.verb, q.group, q.resource, q.namespace, q.name ?? ''].join('|');
}

/**
 * Asks the API server whether the client's own user may do `q`. The client is the person's
 * (kubeClientFor): their bearer token, or Meshlens' credentials with Impersonate-* headers, so the
 * review answers for that person. Made through the custom objects API because it carries the
 * client's timeout, and SelfSubjectAccessReview is an ordinary cluster-scoped create.
 */
export async function reviewAccess(client: KubeClient, q: AccessQuestion): Promise<boolean> {
  const answer: unknown = await client.custom.createClusterCustomObject({
    group: 'authorization.k8s.io',
    version: 'v1',
    plural: 'selfsubjectaccessreviews',
    body: {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: {
        resourceAttributes: {
          verb: q.verb,
          group: q.group,
          resource: q.resource,
          namespace: q.namespace,
          ...(q.name !== undefined ? { name: q.name } : {}),
        },
      },
    },
  });
  return ReviewWire.parse(answer).status?.allowed === true;
}
