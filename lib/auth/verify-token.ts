import 'server-only';
import * as k8s from '@kubernetes/client-node';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { UnauthenticatedError } from '@/lib/errors';
import { getKubeClient, makeApiClient } from '@/lib/kube/client';
import { KubeUnauthorizedError, toKubeError } from '@/lib/kube/status-error';
import { NotFoundError } from '@/lib/errors';
import { tokenKubeConfig } from './user-kube-client';

export interface VerifiedUser {
  readonly user: string;
  readonly groups: readonly string[];
}

const REFUSED = 'The API server did not accept this token.';

const UserInfo = z.object({
  username: z.string().min(1),
  groups: z.array(z.string()).optional(),
});

/** SelfSubjectReview (authentication.k8s.io/v1, Kubernetes 1.28+): the API server says who the token is. */
async function selfSubjectReview(token: string): Promise<VerifiedUser> {
  const { kubeTimeoutMs } = getConfig();
  const kc = tokenKubeConfig(getKubeClient().kc, token);
  const api = makeApiClient(kc, k8s.AuthenticationV1Api, kubeTimeoutMs);
  const review = await api.createSelfSubjectReview({
    body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
  });
  const info = UserInfo.safeParse(review.status?.userInfo);
  if (!info.success) throw new UnauthenticatedError(REFUSED);
  return { user: info.data.username, groups: info.data.groups ?? [] };
}

/** TokenReview made with Meshlens' own credentials, for API servers without SelfSubjectReview. */
async function tokenReview(token: string): Promise<VerifiedUser> {
  const { kc } = getKubeClient();
  const api = makeApiClient(kc, k8s.AuthenticationV1Api, getConfig().kubeTimeoutMs);
  let review: k8s.V1TokenReview;
  try {
    review = await api.createTokenReview({
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token } },
    });
  } catch (err) {
    throw toKubeError(err);
  }
  const info = UserInfo.safeParse(review.status?.user);
  if (review.status?.authenticated !== true || !info.success)
    throw new UnauthenticatedError(REFUSED);
  return { user: info.data.username, groups: info.data.groups ?? [] };
}

/**
 * Who the API server says the token belongs to, or UnauthenticatedError "did not accept this token".
 * A 404 means the server has no SelfSubjectReview, and TokenReview is asked instead.
 */
export async function verifyToken(token: string): Promise<VerifiedUser> {
  try {
    return await selfSubjectReview(token);
  } catch (caught) {
    const err = toKubeError(caught);
    if (err instanceof KubeUnauthorizedError) throw new UnauthenticatedError(REFUSED);
    if (err instanceof NotFoundError) return tokenReview(token);
    throw err;
  }
}
