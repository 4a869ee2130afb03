import 'server-only';
import path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { getConfig, redact, type KubeSource } from '@/lib/config';
import { UpstreamUnavailableError } from '@/lib/errors';

export interface KubeClient {
  readonly kc: k8s.KubeConfig;
  /** API server URL without credentials, for /api/status and messages. */
  readonly server: string;
  readonly core: k8s.CoreV1Api;
  readonly apps: k8s.AppsV1Api;
  readonly custom: k8s.CustomObjectsApi;
}

/** Loads credentials the way kubectl would for the given source; a KUBECONFIG list is merged in order. */
export function loadKubeConfig(source: KubeSource): k8s.KubeConfig {
  const kc = new k8s.KubeConfig();
  try {
    if (source.kind === 'in-cluster') {
      kc.loadFromCluster();
    } else if (source.kind === 'file') {
      const [first, ...rest] = source.path.split(path.delimiter).filter(Boolean);
      kc.loadFromFile(first ?? source.path);
      for (const file of rest) {
        const more = new k8s.KubeConfig();
        more.loadFromFile(file);
        kc.mergeConfig(more);
      }
    } else {
      kc.loadFromDefault();
    }
  } catch (err) {
    const where =
      source.kind === 'file'
        ? `KUBECONFIG '${source.path}'`
        : `the ${source.kind} Kubernetes configuration`;
    throw new UpstreamUnavailableError(
      'kubernetes',
      `Cannot load ${where}: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
  if (!kc.getCurrentCluster()) {
    throw new UpstreamUnavailableError(
      'kubernetes',
      'The Kubernetes configuration names no current cluster.',
    );
  }
  return kc;
}

export function createKubeClient(kc: k8s.KubeConfig): KubeClient {
  return {
    kc,
    server: redact(kc.getCurrentCluster()?.server ?? ''),
    core: kc.makeApiClient(k8s.CoreV1Api),
    apps: kc.makeApiClient(k8s.AppsV1Api),
    custom: kc.makeApiClient(k8s.CustomObjectsApi),
  };
}

const GLOBAL_KEY = Symbol.for('meshlens.kubeClient');

/** The process-wide client from lib/config; a load failure is thrown again on every call, not cached. */
export function getKubeClient(): KubeClient {
  const store = globalThis as { [GLOBAL_KEY]?: KubeClient };
  store[GLOBAL_KEY] ??= createKubeClient(loadKubeConfig(getConfig().kube));
  return store[GLOBAL_KEY];
}
