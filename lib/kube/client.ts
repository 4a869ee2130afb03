import 'server-only';
import path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { getConfig, redact, type KubeSource } from '@/lib/config';
import { UpstreamUnavailableError } from '@/lib/errors';
import { withTimeout } from './timeout';

export interface KubeClient {
  readonly kc: k8s.KubeConfig;
  /** API server URL without credentials, for /api/status and messages. */
  readonly server: string;
  readonly core: k8s.CoreV1Api;
  readonly apps: k8s.AppsV1Api;
  readonly custom: k8s.CustomObjectsApi;
  /** The bound on every call above; watches are bounded by their heartbeat instead (watch-heartbeat.ts). */
  readonly timeoutMs: number;
  /** GET /version, bounded by {@link PROBE_TIMEOUT_MS}: whether the API server answers at all. */
  probe(): Promise<void>;
}

/** Short, so that /api/status answers well within the header's refresh interval. */
const PROBE_TIMEOUT_MS = 3_000;

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

/** Changes every request of a client before it is sent (lib/auth adds impersonation headers so). */
export type RequestHook = (request: k8s.RequestContext) => void;

/** KubeConfig#makeApiClient, plus the bounded HTTP library it has no option for. */
export function makeApiClient<T>(
  kc: k8s.KubeConfig,
  api: new (config: k8s.Configuration) => T,
  timeoutMs: number,
  hook?: RequestHook,
): T {
  const server = kc.getCurrentCluster()?.server ?? '';
  const fetchLibrary = new k8s.IsomorphicFetchHttpLibrary();
  const http: k8s.HttpLibrary = hook
    ? {
        send: (request) => {
          hook(request);
          return fetchLibrary.send(request);
        },
      }
    : fetchLibrary;
  return new api(
    k8s.createConfiguration({
      baseServer: new k8s.ServerConfiguration(server, {}),
      authMethods: { default: kc },
      httpApi: withTimeout(http, timeoutMs),
    }),
  );
}

export function createKubeClient(
  kc: k8s.KubeConfig,
  timeoutMs = 10_000,
  hook?: RequestHook,
): KubeClient {
  const version = makeApiClient(kc, k8s.VersionApi, Math.min(timeoutMs, PROBE_TIMEOUT_MS), hook);
  return {
    kc,
    server: redact(kc.getCurrentCluster()?.server ?? ''),
    core: makeApiClient(kc, k8s.CoreV1Api, timeoutMs, hook),
    apps: makeApiClient(kc, k8s.AppsV1Api, timeoutMs, hook),
    custom: makeApiClient(kc, k8s.CustomObjectsApi, timeoutMs, hook),
    timeoutMs,
    probe: async () => {
      await version.getCode();
    },
  };
}

const GLOBAL_KEY = Symbol.for('meshlens.kubeClient');

/** The process-wide client from lib/config; a load failure is thrown again on every call, not cached. */
export function getKubeClient(): KubeClient {
  const store = globalThis as { [GLOBAL_KEY]?: KubeClient };
  const config = getConfig();
  store[GLOBAL_KEY] ??= createKubeClient(loadKubeConfig(config.kube), config.kubeTimeoutMs);
  return store[GLOBAL_KEY];
}
