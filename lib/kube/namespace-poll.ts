import 'server-only';
import type * as k8s from '@kubernetes/client-node';
import type { KubeClient } from './client';
import { NAMESPACE_OBJECTS } from './resources';

/** What an informer entry needs of its source: a ListWatch, or the poller below. */
export interface CacheEvent {
  readonly type: 'add' | 'update' | 'delete';
  readonly object: k8s.KubernetesObject;
}

export interface CacheSource {
  /** Resolves once the first read is in, or right after the error callbacks ran. */
  start(): Promise<void>;
  stop(): Promise<void>;
  list(): readonly k8s.KubernetesObject[];
  /** Every change to the cache, with the object as it is now (or was, when deleted). */
  onChange(cb: (event: CacheEvent) => void): void;
  onError(cb: (err: unknown) => void): void;
}

export interface NamespacePollOptions {
  readonly intervalMs: number;
  /** Called on every answer from the API server: it is alive. */
  readonly onHeard: () => void;
}

/** The list call throws ApiException{code}. */
function statusOf(err: unknown): number | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'number'
    ? err.code
    : undefined;
}

/**
 * One configured namespace, read by name every `intervalMs`. A Role cannot grant a watch on a single
 * namespace object through the current API paths, and the object (its injection labels) changes
 * rarely, so a poll is enough.
 *
 * A 403 (the Role does not grant `get` on namespaces) still shows the namespace, with its name only:
 * it is configured, so it is meant to be shown, only its labels are unknown. A 404 shows nothing: the
 * namespace does not exist (yet), and the next poll sees it when it is created.
 */
export function pollNamespace(
  client: KubeClient,
  name: string,
  options: NamespacePollOptions,
): CacheSource {
  const changeCallbacks: ((event: CacheEvent) => void)[] = [];
  const errorCallbacks: ((err: unknown) => void)[] = [];
  let current: k8s.KubernetesObject | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  function set(next: k8s.KubernetesObject | undefined): void {
    const same =
      next === undefined
        ? current === undefined
        : current !== undefined &&
          current.metadata?.resourceVersion === next.metadata?.resourceVersion &&
          next.metadata?.resourceVersion !== undefined;
    const before = current;
    current = next;
    if (same) return;
    const event: CacheEvent | undefined =
      next !== undefined
        ? { type: before === undefined ? 'add' : 'update', object: next }
        : before !== undefined
          ? { type: 'delete', object: before }
          : undefined;
    if (event) for (const cb of changeCallbacks) cb(event);
  }

  /** True when the API server gave an answer the cache can hold. */
  async function readOnce(): Promise<boolean> {
    try {
      set(await NAMESPACE_OBJECTS.get(client, name));
    } catch (err) {
      const status = statusOf(err);
      if (status === 403) set({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
      else if (status === 404) set(undefined);
      else {
        for (const cb of errorCallbacks) cb(err);
        return false;
      }
    }
    options.onHeard();
    return true;
  }

  function schedule(): void {
    timer = setTimeout(() => {
      timer = undefined;
      void readOnce().then((ok) => {
        if (ok && !stopped) schedule();
      });
    }, options.intervalMs);
    timer.unref();
  }

  return {
    async start() {
      stopped = false;
      clearTimeout(timer);
      timer = undefined;
      // After a failure the informer set restarts this source, which polls again from here.
      if ((await readOnce()) && !stopped) schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
    },
    list: () => (current ? [current] : []),
    onChange: (cb) => void changeCallbacks.push(cb),
    onError: (cb) => void errorCallbacks.push(cb),
  };
}
