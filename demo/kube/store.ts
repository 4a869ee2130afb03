import type { ConfigSource, KubeObject } from './types';
import { resourceByKey } from './resources';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One committed write, as the watch cache records it. */
export interface StoreEvent {
  type: WatchEventType;
  resource: string;
  /** The object after the write; for DELETED, the last state stamped with the deletion's resourceVersion. */
  object: KubeObject;
  /** The object before the write (MODIFIED only); lets selector-filtered watches turn moves into ADDED/DELETED. */
  previous?: KubeObject;
  resourceVersion: number;
}

export type StoreListener = (event: StoreEvent) => void;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/**
 * The simulated etcd + watch cache. Objects are stored deep-frozen in their storage version, so list()
 * and get() hand out the stored objects themselves without copying: callers get read-only views and
 * must clone (structuredClone) before modifying. list() results are cached per resource and namespace
 * until the next write to that resource, which keeps the traffic model's per-tick reads cheap.
 *
 * The write methods here do no validation and no defaulting: they are the storage layer under the
 * API verbs (operations.ts), and also what a scenario may call to change state behind the API's back,
 * as a controller would.
 */
export class KubeStore implements ConfigSource {
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  private readonly listCache = new Map<string, readonly KubeObject[]>();
  private readonly history: StoreEvent[] = [];
  private readonly listeners = new Set<StoreListener>();
  private currentRevision = 0;
  /** resourceVersion of the newest event dropped from history; watches from before it get 410. */
  private compactedRevision = 0;

  constructor(private readonly historyLimit = 1000) {}

  revision(): number {
    return this.currentRevision;
  }

  list(resource: string, namespace?: string): readonly KubeObject[] {
    const cacheKey = `${resource}\u0000${namespace ?? ''}`;
    const cached = this.listCache.get(cacheKey);
    if (cached) return cached;
    const all = [...(this.objects.get(resource)?.entries() ?? [])]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, obj]) => obj);
    const result =
      namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
    this.listCache.set(cacheKey, result);
    return result;
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.objects.get(resource)?.get(objectKey(namespace, name));
  }

  /** The resourceVersion the next write will get. */
  nextResourceVersion(): string {
    return String(this.currentRevision + 1);
  }

  /** Stores a new object; its metadata (uid, timestamps, generation) must already be filled in. */
  create(resource: string, obj: KubeObject): KubeObject {
    return this.commit('ADDED', resource, obj);
  }

  replace(resource: string, obj: KubeObject): KubeObject {
    return this.commit('MODIFIED', resource, obj);
  }

  remove(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const existing = this.get(resource, namespace, name);
    if (!existing) return undefined;
    return this.commit('DELETED', resource, existing);
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Events newer than resourceVersion, or undefined when some of them were already compacted away. */
  eventsSince(
    resourceVersion: number,
  ): { events: StoreEvent[] } | { expired: true; oldest: number } {
    if (resourceVersion < this.compactedRevision)
      return { expired: true, oldest: this.compactedRevision + 1 };
    return { events: this.history.filter((e) => e.resourceVersion > resourceVersion) };
  }

  private commit(type: WatchEventType, resource: string, obj: KubeObject): KubeObject {
    const namespaced = resourceByKey(resource)?.namespaced ?? true;
    const namespace = namespaced ? obj.metadata.namespace : undefined;
    const key = objectKey(namespace, obj.metadata.name);
    const revision = this.currentRevision + 1;
    const stored = deepFreeze({
      ...obj,
      metadata: { ...obj.metadata, resourceVersion: String(revision) },
    });
    let bucket = this.objects.get(resource);
    if (!bucket) {
      bucket = new Map();
      this.objects.set(resource, bucket);
    }
    const previous = bucket.get(key);
    if (type === 'DELETED') bucket.delete(key);
    else bucket.set(key, stored);
    this.currentRevision = revision;
    for (const cacheKey of [...this.listCache.keys()]) {
      if (cacheKey.startsWith(`${resource}\u0000`)) this.listCache.delete(cacheKey);
    }
    const event: StoreEvent = {
      type,
      resource,
      object: stored,
      ...(type === 'MODIFIED' && previous ? { previous } : {}),
      resourceVersion: revision,
    };
    this.history.push(event);
    if (this.history.length > this.historyLimit) {
      const dropped = this.history.shift();
      if (dropped) this.compactedRevision = dropped.resourceVersion;
    }
    for (const listener of this.listeners) listener(event);
    return stored;
  }
}
