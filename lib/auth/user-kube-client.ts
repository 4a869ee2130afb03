import 'server-only';
import { createHash } from 'node:crypto';
import * as k8s from '@kubernetes/client-node';
import { getConfig } from '@/lib/config';
import {
  createKubeClient,
  getKubeClient,
  type KubeClient,
  type RequestHook,
} from '@/lib/kube/client';
import { identityKey, type Identity } from './identity';

/**
 * A KubeConfig with Meshlens' cluster (server, CA, TLS name) and the user's token as its only
 * credential: none of Meshlens' own client certificates, exec plugins or tokens come along.
 */
export function tokenKubeConfig(shared: k8s.KubeConfig, token: string): k8s.KubeConfig {
  const cluster = shared.getCurrentCluster();
  if (!cluster) throw new Error('The Kubernetes configuration names no current cluster.');
  const kc = new k8s.KubeConfig();
  kc.loadFromOptions({
    clusters: [{ ...cluster, name: 'cluster' }],
    users: [{ name: 'session', token }],
    contexts: [{ name: 'session', cluster: 'cluster', user: 'session' }],
    currentContext: 'session',
  });
  return kc;
}

/**
 * Adds Impersonate-User and one Impersonate-Group header per group (the API server reads each group
 * from its own header line, so they cannot be joined with commas). The client's fetch (node-fetch)
 * reads a header object with an iterator as a list of pairs, which is how repeated names get through
 * a RequestContext that holds one value per name; any Impersonate-* set before is replaced.
 */
export function impersonationHook(user: string, groups: readonly string[]): RequestHook {
  return (request) => {
    const headers = request.getHeaders();
    for (const name of Object.keys(headers))
      if (name.toLowerCase().startsWith('impersonate-')) delete headers[name];
    headers['Impersonate-User'] = user;
    Object.defineProperty(headers, Symbol.iterator, {
      enumerable: false,
      configurable: true,
      value: function* pairs(): Generator<[string, string]> {
        for (const [name, value] of Object.entries(headers)) yield [name, value];
        for (const group of groups) yield ['Impersonate-Group', group];
      },
    });
  };
}

/** A short, bounded cache: requests reuse a client, and a signed-out token does not linger long. */
const MAX_CLIENTS = 200;
const CLIENT_TTL_MS = 5 * 60_000;
const clients = new Map<string, { client: KubeClient; until: number }>();

/** identityKey, plus a digest of the token: a user who signs in again with a new token gets a new client. */
function cacheKey(identity: Identity): string {
  if (identity.kind !== 'token') return identityKey(identity);
  const digest = createHash('sha256').update(identity.token).digest('base64url');
  return `${identityKey(identity)}#${digest}`;
}

function build(identity: Identity, shared: KubeClient, timeoutMs: number): KubeClient {
  if (identity.kind === 'token')
    return createKubeClient(tokenKubeConfig(shared.kc, identity.token), timeoutMs);
  if (identity.kind === 'impersonated')
    return createKubeClient(
      shared.kc,
      timeoutMs,
      impersonationHook(identity.user, identity.groups),
    );
  return shared;
}

/**
 * The Kubernetes client that acts for this identity, so that the API server's RBAC decides: the
 * shared client for anonymous, the user's own token, or Meshlens' credentials impersonating the
 * user named by the auth proxy.
 */
export function kubeClientFor(identity: Identity, now: number = Date.now()): KubeClient {
  const shared = getKubeClient();
  if (identity.kind === 'anonymous') return shared;
  const key = cacheKey(identity);
  const hit = clients.get(key);
  if (hit && hit.until > now) {
    clients.delete(key);
    clients.set(key, hit);
    return hit.client;
  }
  const client = build(identity, shared, getConfig().kubeTimeoutMs);
  clients.delete(key);
  clients.set(key, { client, until: now + CLIENT_TTL_MS });
  while (clients.size > MAX_CLIENTS) {
    const oldest = clients.keys().next().value;
    if (oldest === undefined) break;
    clients.delete(oldest);
  }
  return client;
}
