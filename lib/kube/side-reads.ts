import 'server-only';
import type * as k8s from '@kubernetes/client-node';
import { getConfig } from '@/lib/config';
import { isControlPlaneConfigMap } from '@/lib/mesh/inventory/decode';
import { getKubeClient, type KubeClient } from './client';
import { getInformers } from './informers';
import { listSecretRows, type SecretRow } from './secret-table';

/**
 * What the checks read beside the informer caches, polled rather than watched: Secrets' names and
 * types (read as tables, see secret-table.ts) and the control plane's ConfigMaps. Both change rarely,
 * and a credential created a minute ago being reported missing for that minute is acceptable.
 */
export interface SideReads {
  /** Resolves once the first poll is in, or after `timeoutMs`; never rejects. Starts polling. */
  ready(timeoutMs: number): Promise<void>;
  /** Increases whenever what is read changes. */
  revision(): number;
  /** Undefined when Secrets may not be listed (or not all of them), so none is reported missing. */
  secrets(): readonly SecretRow[] | undefined;
  /** `istio[-rev]` and `istio-sidecar-injector[-rev]`; undefined until read or when unreadable. */
  configMaps(): readonly ConfigMapCopy[] | undefined;
  stop(): void;
}

export interface ConfigMapCopy {
  readonly metadata: { readonly name: string; readonly namespace: string };
  readonly data: Readonly<Record<string, string>>;
}

export interface SideReadsOptions {
  /** The namespaces whose Secrets are read; asked again on every poll. */
  readonly namespaces: () => readonly string[];
  readonly controlPlaneNamespace: string;
  readonly intervalMs?: number;
}

/** One poll a minute: Secrets take one request per namespace. */
const INTERVAL_MS = 60_000;
/** Requests in flight at once while reading Secrets namespace by namespace. */
const CONCURRENCY = 4;
/** Beyond this many namespaces, Secrets are left unknown rather than read with hundreds of requests. */
const MAX_SECRET_NAMESPACES = 300;
/** Read by name when the ConfigMaps of the control plane's namespace may not be listed. */
const BY_NAME = ['istio', 'istio-sidecar-injector'];

function statusOf(err: unknown): number | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'number'
    ? err.code
    : undefined;
}

type Outcome<T> = { readonly value: T | undefined } | 'keep';

async function readSecrets(
  client: KubeClient,
  namespaces: readonly string[],
): Promise<Outcome<SecretRow[]>> {
  if (namespaces.length > MAX_SECRET_NAMESPACES) return { value: undefined };
  const queue = [...namespaces];
  const rows: SecretRow[] = [];
  let unknown = false;
  let failed = false;
  async function worker(): Promise<void> {
    for (let ns = queue.shift(); ns !== undefined && !unknown; ns = queue.shift()) {
      try {
        rows.push(...(await listSecretRows(client, ns)));
      } catch (err) {
        // The API server listing an absent namespace answers an empty list; so forbidden, not
        // served (404), too many, or an answer that is no table: unknown.
        const status = statusOf(err);
        if (status !== undefined && (status >= 500 || status === 429)) failed = true;
        else unknown = true;
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  // A passing failure (a 5xx, throttling) keeps what was known.
  if (unknown) return { value: undefined };
  return failed ? 'keep' : { value: rows };
}

function copyOf(cm: k8s.V1ConfigMap, namespace: string): ConfigMapCopy[] {
  const name = cm.metadata?.name;
  if (!name || !isControlPlaneConfigMap(name)) return [];
  return [{ metadata: { name, namespace }, data: { ...cm.data } }];
}

async function readConfigMaps(
  client: KubeClient,
  namespace: string,
): Promise<Outcome<ConfigMapCopy[]>> {
  try {
    const list = await client.core.listNamespacedConfigMap({ namespace });
    return { value: list.items.flatMap((cm) => copyOf(cm, namespace)) };
  } catch (err) {
    if (statusOf(err) !== 403) return 'keep';
  }
  const found = await Promise.all(
    BY_NAME.map((name) =>
      client.core.readNamespacedConfigMap({ name, namespace }).then(
        (cm) => copyOf(cm, namespace),
        (err: unknown) => (statusOf(err) === 404 || statusOf(err) === 403 ? [] : undefined),
      ),
    ),
  );
  const read = found.filter((f): f is ConfigMapCopy[] => f !== undefined);
  return read.length < found.length ? 'keep' : { value: read.flat() };
}

export function createSideReads(client: KubeClient, options: SideReadsOptions): SideReads {
  const intervalMs = options.intervalMs ?? INTERVAL_MS;
  let secrets: readonly SecretRow[] | undefined;
  let configMaps: readonly ConfigMapCopy[] | undefined;
  let rev = 0;
  let first: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  function update<T>(current: T, outcome: Outcome<T>): T {
    if (outcome === 'keep') return current;
    if (JSON.stringify(outcome.value) !== JSON.stringify(current)) rev++;
    return outcome.value as T;
  }

  async function poll(): Promise<void> {
    const [s, c] = await Promise.all([
      readSecrets(client, options.namespaces()),
      readConfigMaps(client, options.controlPlaneNamespace),
    ]);
    secrets = update(secrets, s);
    configMaps = update(configMaps, c);
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => void poll().finally(schedule), intervalMs);
    timer.unref();
  }

  return {
    async ready(timeoutMs) {
      first ??= poll().finally(schedule);
      let wait: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (wait = setTimeout(resolve, timeoutMs)));
      try {
        await Promise.race([first, timeout]);
      } finally {
        clearTimeout(wait);
      }
    },
    revision: () => rev,
    secrets: () => secrets,
    configMaps: () => configMaps,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

const GLOBAL_KEY = Symbol.for('meshlens.sideReads');

/** The process-wide side reads, over every namespace the informers see (or the configured ones). */
export function getSideReads(): SideReads {
  const store = globalThis as { [GLOBAL_KEY]?: SideReads };
  if (!store[GLOBAL_KEY]) {
    const { namespaces, istioNamespace } = getConfig();
    const informers = getInformers();
    store[GLOBAL_KEY] = createSideReads(getKubeClient(), {
      controlPlaneNamespace: istioNamespace,
      // With NAMESPACES, the control plane's too: ingress gateways (and their credentials) run there.
      namespaces: () =>
        namespaces
          ? [...new Set([...namespaces, istioNamespace])]
          : informers
              .list('namespaces')
              .flatMap((n) => (n.metadata?.name ? [n.metadata.name] : [])),
    });
  }
  return store[GLOBAL_KEY];
}
