import 'server-only';
import * as k8s from '@kubernetes/client-node';
import { getConfig } from '@/lib/config';
import { UpstreamUnavailableError } from '@/lib/errors';
import { getKubeClient, type KubeClient } from './client';
import { pollNamespace, type CacheEvent, type CacheSource } from './namespace-poll';
import { KUBE_RESOURCES, RESOURCE_SPECS, type KubeResource } from './resources';
import { toKubeError } from './status-error';
import { HeartbeatWatch } from './watch-heartbeat';

/** Per resource; in namespaced mode the union over its per-namespace informers. */
export interface ResourceState {
  /** The initial list has completed (or the optional CRD is not installed). */
  readonly synced: boolean;
  readonly error?: string;
  /** An optional CRD this cluster does not serve: an empty list, not an error. */
  readonly missing?: boolean;
  /** Epoch ms the API server was last heard from for it: list, watch connect, event or bookmark. */
  readonly lastSync?: number;
}

export interface KubeSourceState {
  readonly ok: boolean;
  /** The first resource error (naming resource and, in namespaced mode, namespace), for one-line status displays. */
  readonly error?: string;
  /** Epoch ms of the oldest resource's last sync; how stale the cache can be at worst. */
  readonly lastSync?: number;
  /** Some synced resource has not been heard from for longer than a healthy watch is ever silent. */
  readonly stale: boolean;
  readonly resources: Readonly<Record<KubeResource, ResourceState>>;
}

export interface InformerSet {
  /** Resolves once every resource has its initial list; rejects with UpstreamUnavailableError after `timeoutMs`. */
  ready(timeoutMs?: number): Promise<void>;
  /** Cached raw objects (wire JSON), decoded by inventory.ts / istio-config.ts. */
  list(resource: KubeResource): readonly k8s.KubernetesObject[];
  /** Increases on every cache change; lets callers memoise what they derive from the cache. */
  revision(): number;
  /** Calls `listener` on every later change to the resource's cache, including the initial lists. */
  onChange(resource: KubeResource, listener: (event: CacheEvent) => void): void;
  state(): KubeSourceState;
  stop(): Promise<void>;
}

export interface InformerSetOptions {
  readonly resources?: readonly KubeResource[];
  /**
   * Watch only these namespaces, with namespaced paths only (NAMESPACES): one informer per resource and
   * namespace, and each namespace object polled by name. Unset: one cluster-wide informer per resource.
   */
  readonly namespaces?: readonly string[];
  /** How often a configured namespace object is read again; default well inside the watch silence. */
  readonly namespacePollMs?: number;
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Sent as the watches' timeoutSeconds; default {@link WATCH_TIMEOUT_SECONDS}. */
  readonly watchTimeoutSeconds?: number;
  /** Silence after which a watch counts as dead; default the watch timeout plus the client's. */
  readonly watchSilenceMs?: number;
  readonly now?: () => number;
}

/** Short enough for /api/status to notice a hung API server within about a minute. */
const WATCH_TIMEOUT_SECONDS = 60;

interface Entry {
  readonly resource: KubeResource;
  /** How errors and pending lists name it: `pods`, or `pods in bookinfo`. */
  readonly label: string;
  readonly informer: CacheSource;
  synced: boolean;
  error?: string;
  missing: boolean;
  lastSync?: number;
  failedThisRun: boolean;
  attempt: number;
  timer?: NodeJS.Timeout;
}

// The list call throws ApiException{code}; a failed watch request throws Error{statusCode}.
function hasStatus(err: unknown, status: number): boolean {
  if (typeof err !== 'object' || err === null) return false;
  return (
    ('code' in err && err.code === status) || ('statusCode' in err && err.statusCode === status)
  );
}

/**
 * Resources without a namespace: watched cluster-wide. With NAMESPACES, Meshlens promises to make no
 * cluster-scoped request (it may hold only Roles, which cannot grant them): they are not watched and
 * read as none.
 */
const CLUSTER_SCOPED: ReadonlySet<KubeResource> = new Set(['gatewayclasses']);

function fromListWatch(lw: k8s.ListWatch<k8s.KubernetesObject>): CacheSource {
  return {
    start: () => lw.start(),
    stop: () => lw.stop(),
    list: () => lw.list(),
    onChange: (cb) => {
      lw.on('add', (object) => cb({ type: 'add', object }));
      lw.on('update', (object) => cb({ type: 'update', object }));
      lw.on('delete', (object) => cb({ type: 'delete', object }));
    },
    onError: (cb) => lw.on('error', cb),
  };
}

/**
 * Starts one informer (list + watch) per resource, or per resource and namespace with `namespaces`. A failed list or watch is retried with exponential
 * backoff; the cache keeps serving the last known objects meanwhile and `state()` says why it is stale.
 */
export function createInformerSet(
  client: KubeClient,
  options: InformerSetOptions = {},
): InformerSet {
  const initialBackoffMs = options.initialBackoffMs ?? 1000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const now = options.now ?? Date.now;
  const watchTimeoutSeconds = options.watchTimeoutSeconds ?? WATCH_TIMEOUT_SECONDS;
  const silenceMs = options.watchSilenceMs ?? watchTimeoutSeconds * 1000 + client.timeoutMs;
  let stopped = false;
  let rev = 0;
  let allSynced: () => void = () => undefined;
  const synced = new Promise<void>((resolve) => (allSynced = resolve));

  const listeners = new Map<KubeResource, ((event: CacheEvent) => void)[]>();
  const pollMs = options.namespacePollMs ?? Math.min(30_000, silenceMs / 2);
  const scopes: readonly (string | undefined)[] = options.namespaces ?? [undefined];

  const unwatched = (resource: KubeResource): boolean =>
    CLUSTER_SCOPED.has(resource) && options.namespaces !== undefined;
  const entries = (options.resources ?? KUBE_RESOURCES)
    .filter((resource) => !unwatched(resource))
    .flatMap((resource) =>
      (CLUSTER_SCOPED.has(resource) ? [undefined] : scopes).map((namespace): Entry => {
        const spec = RESOURCE_SPECS[resource];
        const onHeard = (): void => void (entry.lastSync = now());
        const informer =
          resource === 'namespaces' && namespace !== undefined
            ? pollNamespace(client, namespace, { intervalMs: pollMs, onHeard })
            : fromListWatch(
                new k8s.ListWatch(
                  spec.path(namespace),
                  new HeartbeatWatch(client.kc, {
                    timeoutSeconds: watchTimeoutSeconds,
                    silenceMs,
                    onHeard,
                  }),
                  () => spec.list(client, namespace),
                  false,
                ),
              );
        const entry: Entry = {
          resource,
          label: namespace === undefined ? resource : `${resource} in ${namespace}`,
          informer,
          synced: false,
          missing: false,
          failedThisRun: false,
          attempt: 0,
        };
        informer.onChange((event) => {
          rev++;
          for (const listener of listeners.get(resource) ?? []) listener(event);
        });
        informer.onError((err: unknown) => {
          entry.failedThisRun = true;
          // Keep polling a missing CRD at the slowest pace: it may be installed later.
          if (spec.optional && hasStatus(err, 404)) {
            entry.missing = true;
            entry.error = undefined;
            entry.synced = true;
            entry.attempt = Math.max(entry.attempt, 30);
            checkAllSynced();
          } else {
            entry.error = `${entry.label}: ${toKubeError(err).message}`;
            // A kind this install may not read (RBAC from before Meshlens read it) holds none, as
            // the state says; waiting for it would keep every page from loading.
            if (spec.optional && hasStatus(err, 403)) {
              entry.synced = true;
              checkAllSynced();
            }
          }
          scheduleRestart(entry);
        });
        return entry;
      }),
    );

  function checkAllSynced(): void {
    if (entries.every((e) => e.synced)) allSynced();
  }

  function scheduleRestart(entry: Entry): void {
    if (stopped || entry.timer) return;
    const delay = Math.min(maxBackoffMs, initialBackoffMs * 2 ** entry.attempt);
    entry.attempt++;
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      void run(entry);
    }, delay);
    entry.timer.unref();
  }

  // start() resolves once the list is in and the watch is open, or right after the error callback ran.
  async function run(entry: Entry): Promise<void> {
    if (stopped) return;
    entry.failedThisRun = false;
    try {
      await entry.informer.start();
    } catch (err) {
      // Thrown rather than reported when the watch cannot even be built (e.g. TLS settings refused).
      entry.error = `${entry.label}: ${toKubeError(err).message}`;
      scheduleRestart(entry);
      return;
    }
    if (entry.failedThisRun || stopped) return;
    entry.synced = true;
    entry.missing = false;
    entry.error = undefined;
    entry.attempt = 0;
    entry.lastSync = now();
    rev++;
    checkAllSynced();
  }

  for (const entry of entries) void run(entry);

  return {
    async ready(timeoutMs = 10_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const firstError = entries.find((e) => !e.synced && e.error)?.error;
          const pending = entries.filter((e) => !e.synced).map((e) => e.label);
          reject(
            new UpstreamUnavailableError(
              'kubernetes',
              `The Kubernetes API at ${client.server} did not deliver ${pending.join(', ')} within ${timeoutMs} ms` +
                (firstError ? `: ${firstError}` : '.'),
            ),
          );
        }, timeoutMs);
      });
      try {
        await Promise.race([synced, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },

    list(resource) {
      const own = entries.filter((e) => e.resource === resource);
      if (own.length === 0 && unwatched(resource)) return [];
      if (own.length === 0) throw new Error(`This informer set does not watch ${resource}`);
      return own.length === 1
        ? (own[0]?.informer.list() ?? [])
        : own.flatMap((e) => e.informer.list());
    },

    revision: () => rev,

    onChange(resource, listener) {
      listeners.set(resource, [...(listeners.get(resource) ?? []), listener]);
    },

    state() {
      const resources = {} as Record<KubeResource, ResourceState>;
      for (const resource of new Set(entries.map((e) => e.resource))) {
        resources[resource] = resourceState(entries.filter((e) => e.resource === resource));
      }
      const error = entries.find((e) => e.error)?.error;
      const syncTimes = entries.filter((e) => !e.missing).map((e) => e.lastSync);
      const lastSync = syncTimes.every((t) => t !== undefined) ? Math.min(...syncTimes) : undefined;
      const at = now();
      const stale = entries.some(
        (e) => e.synced && !e.missing && (e.lastSync === undefined || at - e.lastSync > silenceMs),
      );
      return {
        ok: entries.every((e) => e.synced) && error === undefined && !stale,
        ...(error !== undefined && { error }),
        ...(lastSync !== undefined && { lastSync }),
        stale,
        resources,
      };
    },

    async stop() {
      stopped = true;
      for (const e of entries) clearTimeout(e.timer);
      await Promise.all(entries.map((e) => e.informer.stop()));
    },
  };
}

/** One resource's state from its informers (one cluster-wide, or one per namespace). */
function resourceState(own: readonly Entry[]): ResourceState {
  const error = own.find((e) => e.error !== undefined)?.error;
  // A CRD is missing from the cluster, not from one namespace: every informer of it says so at once.
  const missing = own.every((e) => e.missing);
  const counted = missing ? own : own.filter((e) => !e.missing);
  const times = counted.map((e) => e.lastSync);
  const lastSync = times.every((t) => t !== undefined) ? Math.min(...times) : undefined;
  return {
    synced: own.every((e) => e.synced),
    ...(error !== undefined && { error }),
    ...(missing && { missing: true }),
    ...(lastSync !== undefined && { lastSync }),
  };
}

const GLOBAL_KEY = Symbol.for('meshlens.informers');

/**
 * The process-wide informers, started on first use. Kept on globalThis so that Next's dev reloads
 * reuse the running watches instead of opening a second set.
 */
export function getInformers(): InformerSet {
  const store = globalThis as { [GLOBAL_KEY]?: InformerSet };
  if (!store[GLOBAL_KEY]) {
    const { namespaces } = getConfig();
    store[GLOBAL_KEY] = createInformerSet(getKubeClient(), namespaces ? { namespaces } : {});
  }
  return store[GLOBAL_KEY];
}
