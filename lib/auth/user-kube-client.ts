import 'server-only';
import { getKubeClient, type KubeClient } from '@/lib/kube/client';
import type { Identity } from './identity';

/**
 * Stand-in until the sign-in branch (auth-core) lands: Meshlens' own client for everyone. The
 * integrator keeps auth-core's version of this file.
 */
export function kubeClientFor(_identity: Identity): KubeClient {
  return getKubeClient();
}
